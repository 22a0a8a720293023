/**
 * Share links `/shares` (frontend.md §3.9; D5: every role manages the links it created,
 * admins all of the org's). Create (name, 1–100 assets, expiry presets with 30 d default,
 * optional max uses, permissions), list with state and uses, copy, revoke (immediate, two
 * steps), and an access-log drawer. `?new=1&assetId=…` opens the form with assets chosen
 * (from the asset header's Share action).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { getJson, newIdempotencyKey, postJson, sendJson } from '../api/client.ts';
import { contractTemplate, fillPath } from '../api/contractPath.ts';
import { inContract } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { flattenPages, readPage, useCursorList, type Row } from '../api/pages.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel, errorText } from '../components/ErrorPanel.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { formatCount, formatDateTime, formatPatentNumber, timeLeft } from '../lib/format.ts';
import { buildShareBody, EMPTY_SHARE_FORM, EXPIRY_CHOICES, shareStateLabel, type ExpiresIn, type FormErrors, type ShareForm } from './shareForm.ts';

const LIST = '/api/v1/shares';

function CopyButton({ value, label }: { value: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <button type="button" className="small" onClick={() => void navigator.clipboard?.writeText(value).then(() => setDone(true))}>
      {done ? 'Copied' : 'Copy'}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

function AssetPicker({ selected, onChange, error }: { selected: string[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
  const [filter, setFilter] = useState('');
  const assets = useQuery({
    queryKey: ['share-picker-assets'],
    queryFn: async ({ signal }) => readPage(await getJson('/api/v1/assets', { signal, query: { limit: 100 } })).rows,
  });
  const rows = (assets.data ?? []).filter((r) => {
    const hay = `${text(r, 'applicationNumber') ?? ''} ${text(r, 'grantNumber') ?? ''} ${text(r, 'title') ?? ''}`.toLowerCase();
    return hay.includes(filter.trim().toLowerCase());
  });
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <fieldset className="picker" aria-describedby={error ? 'share-assets-error' : undefined}>
      <legend>
        Assets <span className="muted small">({selected.length} chosen, up to 100)</span>
      </legend>
      <label>
        Filter
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {assets.isPending && <Skeleton lines={2} label="Loading assets…" />}
      {assets.isError && <ErrorPanel error={assets.error} />}
      <ul className="picker__list">
        {rows.map((r) => {
          const id = text(r, 'id');
          if (!id) return null;
          return (
            <li key={id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(id)} onChange={() => toggle(id)} />
                {formatPatentNumber(r.grantNumber, r.applicationNumber)} <span className="muted small">{text(r, 'title') ?? ''}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" id="share-assets-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CreateShare({ initialAssets, onDone }: { initialAssets: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ShareForm>({ ...EMPTY_SHARE_FORM, assetIds: initialAssets });
  const [errors, setErrors] = useState<FormErrors>({});
  const idempotencyKey = useRef(newIdempotencyKey());
  const create = useMutation({
    mutationFn: (body: unknown) => postJson(LIST, body, { idempotencyKey: idempotencyKey.current }),
    onSuccess: () => {
      idempotencyKey.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['list', LIST] });
    },
  });
  const set = <K extends keyof ShareForm>(key: K, value: ShareForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const { body, errors: found } = buildShareBody(form);
    setErrors(found);
    if (body) create.mutate(body);
  }
  const created = create.data ? dataOf(create.data) : null;
  if (isRecord(created)) {
    const url = text(created, 'url') ?? '';
    return (
      <div className="card" role="status">
        <h2>Link created</h2>
        <p>
          <a href={url} data-testid="created-share-url" target="_blank" rel="noreferrer noopener">
            {url}
          </a>{' '}
          <CopyButton value={url} label="the new link" />
        </p>
        <p className="muted small">Expires {formatDateTime(created.expiresAt)}.</p>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    );
  }
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const fieldError = (k: keyof FormErrors) => errors[k] ?? serverErrors[k]?.join(' ');
  return (
    <form className="card share-form" onSubmit={submit} noValidate aria-labelledby="new-share-title">
      <h2 id="new-share-title">New share link</h2>
      <label>
        Name
        <input
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={200}
          aria-invalid={fieldError('name') ? true : undefined}
          aria-describedby={fieldError('name') ? 'share-name-error' : undefined}
        />
      </label>
      {fieldError('name') && (
        <p className="field-error" id="share-name-error">
          {fieldError('name')}
        </p>
      )}
      <AssetPicker selected={form.assetIds} onChange={(ids) => set('assetIds', ids)} error={fieldError('assetIds')} />
      <div className="row">
        <label>
          Expires after
          <select value={form.expiresIn} onChange={(e) => set('expiresIn', e.target.value as ExpiresIn)}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Max uses (optional)
          <input
            inputMode="numeric"
            value={form.maxUses}
            onChange={(e) => set('maxUses', e.target.value)}
            aria-invalid={fieldError('maxUses') ? true : undefined}
            aria-describedby={fieldError('maxUses') ? 'share-max-error' : undefined}
          />
        </label>
      </div>
      {fieldError('maxUses') && (
        <p className="field-error" id="share-max-error">
          {fieldError('maxUses')}
        </p>
      )}
      <fieldset>
        <legend>Viewers may see</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.allowDiagram} onChange={(e) => set('allowDiagram', e.target.checked)} /> The ownership diagram
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.allowAssetList} onChange={(e) => set('allowAssetList', e.target.checked)} /> The asset list
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.allowConnections} onChange={(e) => set('allowConnections', e.target.checked)} /> Connection details
        </label>
        {fieldError('permissions') && <p className="field-error">{fieldError('permissions')}</p>}
      </fieldset>
      {create.isError && Object.keys(serverErrors).length === 0 && <p className="field-error">{errorText(create.error)}</p>}
      <div className="row">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create link'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AccessLog({ shareId }: { shareId: string }) {
  const shape = '/api/v1/shares/{}/access-log';
  const available = contractTemplate('GET', shape) !== null;
  const list = useCursorList(fillPath(shape, shareId), {}, { enabled: available, limit: 50 });
  if (!available) return <NotInContract what="The access log" template="/api/v1/shares/{id}/access-log" />;
  if (list.isPending) return <Skeleton lines={2} label="Loading the access log…" />;
  if (list.isError) return <ErrorPanel error={list.error} />;
  const { rows } = flattenPages(list.data.pages);
  if (!rows.length) return <p className="muted">Nobody has opened this link yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Access log</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">IP address</th>
            <th scope="col">Browser</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{formatDateTime(r.accessedAt)}</td>
              <td>{text(r, 'ipAddress') ?? '—'}</td>
              <td className="truncate" title={text(r, 'userAgent') ?? ''}>
                {text(r, 'userAgent') ?? '—'}
              </td>
              <td>{text(r, 'outcome') ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          Load more
        </button>
      )}
    </div>
  );
}

function ShareRow({ row }: { row: Row }) {
  const queryClient = useQueryClient();
  const id = text(row, 'id') ?? '';
  const [confirming, setConfirming] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const revoke = useMutation({
    mutationFn: () => sendJson('DELETE', fillPath('/api/v1/shares/{}', id)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['list', LIST] }),
  });
  const url = text(row, 'url') ?? '';
  const state = shareStateLabel(row);
  const uses = `${formatCount(row.currentUses)}${typeof row.maxUses === 'number' ? ` / ${formatCount(row.maxUses)}` : ''}`;
  return (
    <li className="card share-item" data-share-id={id}>
      <div className="share-item__head">
        <h3>{text(row, 'name') ?? 'Untitled link'}</h3>
        <span className={`chip chip--share-${state.toLowerCase().replace(/\s+/g, '-')}`}>{state}</span>
      </div>
      <p className="share-item__url">
        <a href={url} target="_blank" rel="noreferrer noopener">
          {url}
        </a>{' '}
        <CopyButton value={url} label={`link ${text(row, 'name') ?? ''}`} />
      </p>
      <dl className="kv kv--inline small">
        <dt>Assets</dt>
        <dd>{formatCount(row.assetCount)}</dd>
        <dt>Expires</dt>
        <dd title={formatDateTime(row.expiresAt)}>{timeLeft(row.expiresAt)}</dd>
        <dt>Uses</dt>
        <dd>{uses}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(row.createdAt)}</dd>
        <dt>Last opened</dt>
        <dd>{row.lastAccessedAt ? formatDateTime(row.lastAccessedAt) : 'never'}</dd>
      </dl>
      <div className="row">
        <button type="button" aria-expanded={showLog} onClick={() => setShowLog((s) => !s)}>
          Access log
        </button>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        ) : (
          <>
            <button type="button" className="button-danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              Confirm revoke
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        )}
      </div>
      {revoke.isError && <ErrorPanel error={revoke.error} />}
      {showLog && (
        <div className="drawer" role="region" aria-label={`Access log of ${text(row, 'name') ?? 'the link'}`}>
          <AccessLog shareId={id} />
        </div>
      )}
    </li>
  );
}

export default function SharesPage() {
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  const initialAssets = useMemo(() => params.getAll('assetId'), [params]);
  const available = inContract('GET', LIST) && inContract('POST', LIST);
  const list = useCursorList(LIST, {}, { enabled: available });
  const { rows, total } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const close = () => setParams({}, { replace: true });
  return (
    <section aria-labelledby="shares-title" className="page-wide">
      <h1 id="shares-title">Share links</h1>
      <p className="muted">
        A link shows the chosen assets and their diagrams to anyone who has it, without signing in, until it expires or you revoke
        it.
      </p>
      {!available ? (
        <NotInContract what="Share links" template={LIST} />
      ) : (
        <>
          {creating ? (
            <CreateShare initialAssets={initialAssets} onDone={close} />
          ) : (
            <button type="button" className="button-primary" onClick={() => setParams({ new: '1' })}>
              New link
            </button>
          )}
          <h2>Links {total !== null && <span className="muted small">({formatCount(total)})</span>}</h2>
          {list.isPending ? (
            <Skeleton lines={4} label="Loading share links…" />
          ) : list.isError ? (
            <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
          ) : rows.length === 0 ? (
            <p className="muted">No links yet.</p>
          ) : (
            <ul className="share-list">
              {rows.map((r, i) => (
                <ShareRow key={text(r, 'id') ?? i} row={r} />
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <button type="button" onClick={() => void list.fetchNextPage()}>
              Load more
            </button>
          )}
        </>
      )}
    </section>
  );
}
