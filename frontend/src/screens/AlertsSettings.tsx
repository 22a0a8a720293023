/**
 * Settings → Alerts (issue 8 "alerts/webhooks settings"; issue 7 webhooks; D5: org admins).
 * The org's webhooks: create (URL, events, Slack body format, description; the signing
 * secret is shown once, in the create answer), edit, delete (two steps), "Send test" (a
 * signed `ping`), and each webhook's deliveries with status, attempts and Replay (a
 * finished delivery only; 409 `delivery_pending` while it is still being tried).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, postJson, sendJson } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { ErrorPanel, errorText } from '../components/ErrorPanel.tsx';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { formatDateTime, humanize } from '../lib/format.ts';
import { rowsAs, type Delivery, type Webhook, type WebhookCreated } from './customerApi.ts';
import {
  buildWebhookBody,
  EMPTY_WEBHOOK_FORM,
  EVENT_LABELS,
  formFromWebhook,
  WEBHOOK_EVENTS,
  webhookPatch,
  type WebhookErrors,
  type WebhookForm,
} from './webhookForm.ts';

const LIST = '/api/v1/webhooks';
const hookPath = (id: string) => `${LIST}/${encodeURIComponent(id)}`;

function serverErrors(error: unknown): WebhookErrors {
  if (!(error instanceof ApiError)) return {};
  const f = error.fieldErrors;
  const out: WebhookErrors = {};
  if (f.url?.length) out.url = f.url.join(' ');
  if (f.eventTypes?.length) out.eventTypes = f.eventTypes.join(' ');
  if (f.description?.length) out.description = f.description.join(' ');
  return out;
}

function WebhookFields({ idPrefix, form, setForm, errors }: { idPrefix: string; form: WebhookForm; setForm: (f: WebhookForm) => void; errors: WebhookErrors }) {
  const err = (k: keyof WebhookErrors) =>
    errors[k] ? (
      <p className="field-error" id={`${idPrefix}-${k}-error`}>
        {errors[k]}
      </p>
    ) : null;
  const described = (k: keyof WebhookErrors) => (errors[k] ? `${idPrefix}-${k}-error` : undefined);
  return (
    <>
      <label>
        URL
        <input
          type="url"
          value={form.url}
          onChange={(e) => setForm({ ...form, url: e.target.value })}
          placeholder="https://hooks.example.com/patentrack"
          required
          maxLength={2000}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={described('url')}
        />
      </label>
      {err('url')}
      <fieldset aria-describedby={described('eventTypes')}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} className="checkbox">
            <input
              type="checkbox"
              checked={form.eventTypes.includes(e)}
              onChange={() =>
                setForm({ ...form, eventTypes: form.eventTypes.includes(e) ? form.eventTypes.filter((x) => x !== e) : [...form.eventTypes, e] })
              }
            />
            {EVENT_LABELS[e]}
          </label>
        ))}
      </fieldset>
      {err('eventTypes')}
      <label className="checkbox">
        <input type="checkbox" checked={form.slack} onChange={(e) => setForm({ ...form, slack: e.target.checked })} />
        Slack message format (for a Slack incoming-webhook URL)
      </label>
      <label>
        Description (optional)
        <input
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
          maxLength={500}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={described('description')}
        />
      </label>
      {err('description')}
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        Active
      </label>
    </>
  );
}

function CreateWebhook() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<WebhookForm>(EMPTY_WEBHOOK_FORM);
  const [errors, setErrors] = useState<WebhookErrors>({});
  const key = useRef(newIdempotencyKey());
  const create = useMutation({
    mutationFn: async (body: unknown) => ((await postJson(LIST, body, { idempotencyKey: key.current })) as { data: WebhookCreated }).data,
    onSuccess: () => {
      key.current = newIdempotencyKey();
      setForm(EMPTY_WEBHOOK_FORM);
      void queryClient.invalidateQueries({ queryKey: ['list', LIST] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const { body, errors: found } = buildWebhookBody(form);
    setErrors(found);
    if (body) create.mutate(body);
  }
  if (create.data) {
    return (
      <div className="notice notice--warn" role="status" data-testid="webhook-secret">
        <p className="notice__title">Webhook added. Copy its signing secret now — it is shown only this once.</p>
        <p>
          <code>{create.data.secret}</code>{' '}
          <button type="button" className="small" onClick={() => void navigator.clipboard?.writeText(create.data.secret)}>
            Copy<span className="visually-hidden"> the signing secret</span>
          </button>
        </p>
        <p className="muted small">
          Each delivery is signed with HMAC-SHA256 of its body in the <code>X-PatenTrack-Signature</code> header; check it with this secret.
        </p>
        <button
          type="button"
          onClick={() => {
            create.reset();
            setOpen(false);
          }}
        >
          Done
        </button>
      </div>
    );
  }
  if (!open)
    return (
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => setOpen(true)}>
          Add a webhook
        </button>
      </div>
    );
  const shown = { ...serverErrors(create.error), ...errors };
  return (
    <form className="card share-form" onSubmit={submit} aria-labelledby="wh-new-title" noValidate>
      <h2 id="wh-new-title">New webhook</h2>
      <WebhookFields idPrefix="wh-new" form={form} setForm={setForm} errors={shown} />
      {create.isError && Object.keys(serverErrors(create.error)).length === 0 && <p className="field-error">{errorText(create.error)}</p>}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EditWebhook({ hook, onDone }: { hook: Webhook; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<WebhookForm>(() => formFromWebhook(hook));
  const [errors, setErrors] = useState<WebhookErrors>({});
  const save = useMutation({
    mutationFn: (patch: unknown) => sendJson('PATCH', hookPath(hook.id), patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['list', LIST] });
      onDone();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const { body, errors: found } = buildWebhookBody(form);
    setErrors(found);
    if (!body) return;
    const patch = webhookPatch(hook, body);
    if (Object.keys(patch).length === 0) onDone();
    else save.mutate(patch);
  }
  const prefix = `wh-${hook.id}`;
  return (
    <form className="share-form" onSubmit={submit} aria-label={`Edit webhook ${hook.url}`} noValidate>
      <WebhookFields idPrefix={prefix} form={form} setForm={setForm} errors={{ ...serverErrors(save.error), ...errors }} />
      {save.isError && Object.keys(serverErrors(save.error)).length === 0 && <p className="field-error">{errorText(save.error)}</p>}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const STATUS_TEXT: Readonly<Record<string, string>> = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' };

function Deliveries({ hook }: { hook: Webhook }) {
  const queryClient = useQueryClient();
  const path = `${hookPath(hook.id)}/deliveries`;
  const list = useCursorList(path, {}, { limit: 20 });
  const { rows } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const deliveries = rowsAs<Delivery>(rows);
  const replay = useMutation({
    mutationFn: (deliveryId: string) => postJson(`${path}/${encodeURIComponent(deliveryId)}/replay`, {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['list', path] }),
  });
  const pendingConflict = replay.error instanceof ApiError && replay.error.reason === 'delivery_pending';
  return (
    <div>
      <div className="actions">
        <h3 style={{ margin: 0 }}>Deliveries</h3>
        <button type="button" className="small" onClick={() => void list.refetch()} disabled={list.isFetching}>
          {list.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {replay.isError &&
        (pendingConflict ? (
          <p role="alert">That delivery is still being attempted; replay it once it has finished.</p>
        ) : (
          <ErrorPanel error={replay.error} />
        ))}
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={deliveries.length === 0}
        emptyText={<p>No deliveries yet. Use “Send test” to try the webhook.</p>}
        loadingLabel="Loading deliveries…"
        lines={3}
      >
        <div className="table-wrap">
          <table data-testid="deliveries-table">
            <caption className="visually-hidden">Deliveries to {hook.url}</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery-status={d.status}>
                  <td>{humanize(d.eventType)}</td>
                  <td>
                    <span className={`chip chip--${d.status === 'succeeded' ? 'complete' : d.status === 'failed' ? 'broken' : 'none'}`}>
                      {STATUS_TEXT[d.status] ?? d.status}
                    </span>
                    {d.status === 'pending' && d.nextAttemptAt && <span className="muted small"> next try {formatDateTime(d.nextAttemptAt)}</span>}
                  </td>
                  <td>{d.attempts}</td>
                  <td className="small">
                    {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : ''}
                    {d.lastError ? ` ${d.lastError}` : ''}
                    {d.lastStatusCode === null && !d.lastError ? '—' : ''}
                  </td>
                  <td className="small">{formatDateTime(d.createdAt)}</td>
                  <td>
                    {d.status !== 'pending' && (
                      <button type="button" className="small" onClick={() => replay.mutate(d.id)} disabled={replay.isPending && replay.variables === d.id}>
                        Replay<span className="visually-hidden"> the {humanize(d.eventType).toLowerCase()} delivery</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </div>
  );
}

function WebhookItem({ hook }: { hook: Webhook }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [showDeliveries, setShowDeliveries] = useState(false);
  const deliveriesPath = `${hookPath(hook.id)}/deliveries`;
  const test = useMutation({
    mutationFn: () => postJson(`${hookPath(hook.id)}/test`, {}),
    onSuccess: () => {
      setShowDeliveries(true);
      void queryClient.invalidateQueries({ queryKey: ['list', deliveriesPath] });
    },
  });
  const remove = useMutation({
    mutationFn: () => sendJson('DELETE', hookPath(hook.id)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['list', LIST] }),
  });
  return (
    <li className="card share-item" data-webhook-id={hook.id}>
      <div className="share-item__head">
        <h2 className="truncate" style={{ fontSize: '1rem', margin: 0 }} title={hook.url}>
          {hook.url}
        </h2>
        <span className={`chip chip--${hook.active ? 'complete' : 'none'}`}>{hook.active ? 'Active' : 'Paused'}</span>
      </div>
      {hook.description && <p className="muted">{hook.description}</p>}
      <p className="small">
        {hook.format === 'slack' ? 'Slack format · ' : ''}
        {hook.eventTypes.map((e) => EVENT_LABELS[e] ?? e).join(', ')}
      </p>
      {mode === 'edit' ? (
        <EditWebhook hook={hook} onDone={() => setMode('view')} />
      ) : mode === 'delete' ? (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p>Delete this webhook and its delivery history? Nothing more will be sent to it.</p>
          <button type="button" className="button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Confirm delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
          {remove.isError && <ErrorPanel error={remove.error} />}
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => test.mutate()} disabled={test.isPending} aria-busy={test.isPending}>
            {test.isPending ? 'Sending…' : 'Send test'}
          </button>
          <button type="button" onClick={() => setShowDeliveries((s) => !s)} aria-expanded={showDeliveries}>
            Deliveries
          </button>
          <button type="button" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="button-danger" onClick={() => setMode('delete')}>
            Delete
          </button>
        </div>
      )}
      {test.isSuccess && (
        <p role="status" className="muted small">
          Test event queued{hook.active ? '' : ' (the webhook is paused, so it is recorded but not sent)'}.
        </p>
      )}
      {test.isError && <ErrorPanel error={test.error} />}
      {showDeliveries && <Deliveries hook={hook} />}
    </li>
  );
}

export function AlertsSettings() {
  const list = useCursorList(LIST);
  const { rows } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const hooks = rowsAs<Webhook>(rows);
  return (
    <div>
      <p className="muted">
        Webhooks notify your systems (or a Slack channel) when a conveyance or lien is recorded, a title breaks or the portfolio is rebuilt.
      </p>
      <CreateWebhook />
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={hooks.length === 0}
        emptyText={<p>No webhooks yet.</p>}
        loadingLabel="Loading webhooks…"
        lines={4}
      >
        <ul className="plain-list" data-testid="webhook-list">
          {hooks.map((h) => (
            <WebhookItem key={h.id} hook={h} />
          ))}
        </ul>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </div>
  );
}
