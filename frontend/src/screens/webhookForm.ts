/**
 * Webhook form logic (issue 7 webhooks; api/routes/webhooks.py, api/schemas/webhooks.py):
 * URL (http(s), at most 2,000 characters — the server also refuses private targets outside
 * development, SSRF), at least one event type, the standard or Slack body format, an
 * optional description (≤ 500) and the active flag. Client checks only catch typos early;
 * the server's fieldErrors are shown on the same fields.
 */
import type { Webhook, WebhookEventType, WebhookFormat } from './customerApi.ts';

export const WEBHOOK_EVENTS = [
  'new_conveyance',
  'new_lien',
  'lien_released',
  'title_broken',
  'pipeline_finished',
] as const satisfies readonly WebhookEventType[];

export const EVENT_LABELS: Readonly<Record<WebhookEventType, string>> = {
  new_conveyance: 'New conveyance recorded',
  new_lien: 'New lien (security interest)',
  lien_released: 'Lien released',
  title_broken: 'Title became broken',
  pipeline_finished: 'Portfolio rebuild finished',
};

export const MAX_URL = 2000;
export const MAX_DESCRIPTION = 500;

export interface WebhookForm {
  url: string;
  eventTypes: WebhookEventType[];
  slack: boolean;
  description: string;
  active: boolean;
}

export const EMPTY_WEBHOOK_FORM: WebhookForm = { url: '', eventTypes: [...WEBHOOK_EVENTS], slack: false, description: '', active: true };

export interface WebhookBody {
  url: string;
  eventTypes: WebhookEventType[];
  format: WebhookFormat;
  description: string | null;
  active: boolean;
}

export type WebhookErrors = Partial<Record<'url' | 'eventTypes' | 'description', string>>;

export function formFromWebhook(w: Webhook): WebhookForm {
  return { url: w.url, eventTypes: [...w.eventTypes], slack: w.format === 'slack', description: w.description ?? '', active: w.active };
}

export function buildWebhookBody(form: WebhookForm): { body: WebhookBody | null; errors: WebhookErrors } {
  const errors: WebhookErrors = {};
  const url = form.url.trim();
  if (!url) errors.url = 'Enter the URL that receives the events.';
  else if (url.length > MAX_URL) errors.url = `At most ${MAX_URL} characters.`;
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) errors.url = 'Enter a full https:// URL.';
  }
  const eventTypes = WEBHOOK_EVENTS.filter((e) => form.eventTypes.includes(e));
  if (eventTypes.length === 0) errors.eventTypes = 'Choose at least one event.';
  const description = form.description.trim();
  if (description.length > MAX_DESCRIPTION) errors.description = `At most ${MAX_DESCRIPTION} characters.`;
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    body: { url, eventTypes, format: form.slack ? 'slack' : 'standard', description: description || null, active: form.active },
    errors,
  };
}

/** Only what changed, for PATCH /webhooks/{id} (the server changes only the fields sent). */
export function webhookPatch(before: Webhook, body: WebhookBody): Partial<WebhookBody> {
  const patch: Partial<WebhookBody> = {};
  if (body.url !== before.url) patch.url = body.url;
  const same = body.eventTypes.length === before.eventTypes.length && body.eventTypes.every((e) => before.eventTypes.includes(e));
  if (!same) patch.eventTypes = body.eventTypes;
  if (body.format !== before.format) patch.format = body.format;
  if (body.description !== (before.description ?? null)) patch.description = body.description;
  if (body.active !== before.active) patch.active = body.active;
  return patch;
}
