import { describe, expect, it } from 'vitest';
import type { Webhook } from './customerApi.ts';
import { buildWebhookBody, EMPTY_WEBHOOK_FORM, formFromWebhook, webhookPatch } from './webhookForm.ts';

const hook: Webhook = {
  id: 'w1',
  url: 'https://hooks.example.com/a',
  eventTypes: ['new_lien', 'title_broken'],
  format: 'standard',
  description: null,
  active: true,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('webhook form', () => {
  it('builds the create body with every event by default', () => {
    const { body, errors } = buildWebhookBody({ ...EMPTY_WEBHOOK_FORM, url: ' https://hooks.slack.com/services/T/B/X ', slack: true, description: '  ' });
    expect(errors).toEqual({});
    expect(body).toEqual({
      url: 'https://hooks.slack.com/services/T/B/X',
      eventTypes: ['new_conveyance', 'new_lien', 'lien_released', 'title_broken', 'pipeline_finished'],
      format: 'slack',
      description: null,
      active: true,
    });
  });

  it('refuses missing or non-http URLs, no events and long descriptions', () => {
    expect(buildWebhookBody({ ...EMPTY_WEBHOOK_FORM }).errors.url).toBeTruthy();
    expect(buildWebhookBody({ ...EMPTY_WEBHOOK_FORM, url: 'ftp://x.example' }).errors.url).toBeTruthy();
    expect(buildWebhookBody({ ...EMPTY_WEBHOOK_FORM, url: 'not a url' }).errors.url).toBeTruthy();
    const r = buildWebhookBody({ ...EMPTY_WEBHOOK_FORM, url: 'https://x.example', eventTypes: [], description: 'x'.repeat(501) });
    expect(r.body).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(['description', 'eventTypes']);
  });

  it('patches only what changed', () => {
    const form = formFromWebhook(hook);
    expect(webhookPatch(hook, buildWebhookBody(form).body!)).toEqual({});
    const changed = buildWebhookBody({ ...form, eventTypes: ['title_broken'], active: false, description: 'ops' }).body!;
    expect(webhookPatch(hook, changed)).toEqual({ eventTypes: ['title_broken'], active: false, description: 'ops' });
  });
});
