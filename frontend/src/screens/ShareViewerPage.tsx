/**
 * Public share viewer `/shared/:code[/assets[/:assetId]]` (frontend.md §3.12, §4.6, §5.7):
 * no login, no event stream, noindex and no referrer. The entry call GET /shared/{code}
 * validates the link and sets the share cookie; later calls that answer 401
 * `share_session_required` repeat the entry once, silently. Branded pages for unknown or
 * revoked (404), expired / used up (410), not included (403 share_permission), rate limited
 * (429) and network failures (Retry). Cards and a full-width diagram from 320 px (§5.6).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { contractTemplate, fillPath } from '../api/contractPath.ts';
import { ApiError } from '../api/errors.ts';
import { readPage, type Row } from '../api/pages.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatDateTime, formatPatentNumber } from '../lib/format.ts';
import { DiagramTab } from './DiagramTab.tsx';

export interface ShareProblem {
  title: string;
  body: string;
  retry: boolean;
}

export function shareProblem(error: unknown): ShareProblem {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 404) return { title: 'Link not found', body: 'This link does not exist or has been revoked.', retry: false };
    if (error.is(410, 'share_exhausted')) return { title: 'View limit reached', body: 'This link has been opened as many times as allowed.', retry: false };
    if (error.status === 410) return { title: 'Link expired', body: 'This link has expired. Ask the sender for a new one.', retry: false };
    if (error.is(403, 'share_permission')) return { title: 'Not included', body: 'This part of the portfolio is not included in the link.', retry: false };
    if (error.status === 429) return { title: 'Please wait', body: `Too many views in a short time. Try again in ${error.retryAfter ?? 60} seconds.`, retry: true };
  }
  return { title: 'Could not load this link', body: 'Check your connection and try again.', retry: true };
}

/** A /shared/{code}/… GET that repeats the entry call once on 401 share_session_required. */
export async function sharedGet(
  code: string,
  path: string,
  query: Readonly<Record<string, string | number | undefined>> = {},
  signal?: AbortSignal,
  get: (p: string, init: { query?: Readonly<Record<string, string | number | undefined>>; signal?: AbortSignal }) => Promise<unknown> = getJson,
): Promise<unknown> {
  const init = signal ? { query, signal } : { query };
  try {
    return await get(path, init);
  } catch (error) {
    if (!(error instanceof ApiError) || !error.is(401, 'share_session_required')) throw error;
    await get(fillPath('/api/v1/shared/{}', code), signal ? { signal } : {});
    return get(path, init);
  }
}

interface Entry {
  organizationName: string;
  logoUrl: string | null;
  assetCount: number;
  expiresAt: string | null;
  permissions: { diagram: boolean; assetList: boolean; connections: boolean };
}

export function parseEntry(body: unknown): Entry {
  const d = dataOf(body);
  const r = isRecord(d) ? d : {};
  const p = isRecord(r.permissions) ? r.permissions : {};
  return {
    organizationName: text(r, 'organizationName') ?? 'A PatenTrack customer',
    logoUrl: text(r, 'logoUrl'),
    assetCount: typeof r.assetCount === 'number' ? r.assetCount : 0,
    expiresAt: text(r, 'expiresAt'),
    permissions: { diagram: p.diagram !== false, assetList: p.assetList !== false, connections: p.connections === true },
  };
}

function SharePage({ children, entry }: { children: ReactNode; entry?: Entry | undefined }) {
  // Share pages are never indexed and send no referrer (frontend.md §3.12 "Always").
  useEffect(() => {
    const metas = [
      Object.assign(document.createElement('meta'), { name: 'robots', content: 'noindex' }),
      Object.assign(document.createElement('meta'), { name: 'referrer', content: 'no-referrer' }),
    ];
    metas.forEach((m) => document.head.appendChild(m));
    return () => metas.forEach((m) => m.remove());
  }, []);
  return (
    <div className="share">
      <header className="share__header">
        <span className="brand">PatenTrack</span>
        {entry && (
          <span className="share__org">
            {entry.logoUrl && <img src={entry.logoUrl} alt="" className="share__logo" referrerPolicy="no-referrer" />}
            Shared by {entry.organizationName}
          </span>
        )}
      </header>
      <main id="main" tabIndex={-1} className="share__main">
        {children}
      </main>
      <footer className="share__footer muted small">© PatenTrack · chain-of-title data from USPTO recordations</footer>
    </div>
  );
}

function Problem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const problem = shareProblem(error);
  return (
    <div className="card share__problem" data-testid="share-problem">
      <h1>{problem.title}</h1>
      <p>{problem.body}</p>
      {problem.retry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

function useSharedAssets(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['shared', code, 'assets'],
    enabled,
    retry: false,
    queryFn: async ({ signal }) => {
      // ≤ 25 per page on /shared/* (api.md §1.4); a link has at most 100 assets.
      const rows: Row[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 4; i++) {
        const page = readPage(await sharedGet(code, fillPath('/api/v1/shared/{}/assets', code), { limit: 25, cursor }, signal));
        rows.push(...page.rows);
        if (!page.next) break;
        cursor = page.next;
      }
      return rows;
    },
  });
}

function AssetList({ code, rows, allowDiagram }: { code: string; rows: Row[]; allowDiagram: boolean }) {
  const [filter, setFilter] = useState('');
  const shown = rows.filter((r) =>
    `${text(r, 'grantNumber') ?? ''} ${text(r, 'applicationNumber') ?? ''} ${text(r, 'title') ?? ''} ${text(r, 'currentAssignee') ?? ''}`
      .toLowerCase()
      .includes(filter.trim().toLowerCase()),
  );
  return (
    <>
      <label className="inline-field">
        Filter
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <ul className="share-cards">
        {shown.map((r, i) => {
          const id = text(r, 'id');
          const number = formatPatentNumber(r.grantNumber, r.applicationNumber);
          return (
            <li key={id ?? i} className="card share-card">
              <p className="share-card__number">
                {allowDiagram && id ? <Link to={`/shared/${encodeURIComponent(code)}/assets/${encodeURIComponent(id)}`}>{number}</Link> : number}{' '}
                <StatusChip status={r.status} />
              </p>
              <p>{text(r, 'title') ?? 'Untitled'}</p>
              <p className="muted small">Owner: {text(r, 'currentAssignee') ?? '—'}</p>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="muted">No shared asset matches.</p>}
    </>
  );
}

function SharedDiagram({ code, assetId, rows }: { code: string; assetId: string; rows: Row[] | undefined }) {
  const path = fillPath('/api/v1/shared/{}/assets/{}/diagram', code, assetId);
  const diagram = useQuery({
    queryKey: ['shared', code, 'diagram', assetId],
    queryFn: ({ signal }) => sharedGet(code, path, {}, signal),
    retry: false,
  });
  const index = rows ? rows.findIndex((r) => r.id === assetId) : -1;
  const prev = rows && index > 0 ? text(rows[index - 1]!, 'id') : null;
  const next = rows && index >= 0 && index < rows.length - 1 ? text(rows[index + 1]!, 'id') : null;
  const current = rows && index >= 0 ? rows[index]! : null;
  return (
    <>
      <nav className="share__pager" aria-label="Shared assets">
        {rows && rows.length > 1 && (
          <Link to={`/shared/${encodeURIComponent(code)}`} className="small">
            All shared assets
          </Link>
        )}
        {prev && <Link to={`/shared/${encodeURIComponent(code)}/assets/${encodeURIComponent(prev)}`}>← Previous</Link>}
        {next && <Link to={`/shared/${encodeURIComponent(code)}/assets/${encodeURIComponent(next)}`}>Next →</Link>}
      </nav>
      {/* The diagram's own title bar names the asset; the page heading is for screen readers. */}
      <h1 className="visually-hidden">
        Shared ownership diagram{current ? ` of ${formatPatentNumber(current.grantNumber, current.applicationNumber)}` : ''}
      </h1>
      {diagram.isPending ? (
        <Skeleton lines={6} label="Loading the diagram…" />
      ) : diagram.isError ? (
        <Problem error={diagram.error} onRetry={() => void diagram.refetch()} />
      ) : (
        <DiagramTab body={diagram.data} mode="shared" />
      )}
    </>
  );
}

export default function ShareViewerPage() {
  const { code = '', '*': rest = '' } = useParams();
  const assetId = /^assets\/([^/]+)/.exec(rest)?.[1] ?? null;
  const available = contractTemplate('GET', '/api/v1/shared/{}') !== null;
  const entryQuery = useQuery({
    queryKey: ['shared', code],
    queryFn: ({ signal }) => getJson(fillPath('/api/v1/shared/{}', code), { signal }),
    enabled: available && code !== '',
    retry: false,
    staleTime: Infinity,
  });
  const entry = useMemo(() => (entryQuery.data === undefined ? undefined : parseEntry(entryQuery.data)), [entryQuery.data]);
  const assets = useSharedAssets(code, entry !== undefined && entry.permissions.assetList);

  if (!available) {
    return (
      <SharePage>
        <NotInContract what="The shared-link viewer" template="/api/v1/shared/{code}" />
      </SharePage>
    );
  }
  if (entryQuery.isPending) {
    return (
      <SharePage>
        <Skeleton label="Opening the shared link…" />
      </SharePage>
    );
  }
  if (entryQuery.isError || !entry) {
    return (
      <SharePage>
        <Problem error={entryQuery.error} onRetry={() => void entryQuery.refetch()} />
      </SharePage>
    );
  }
  // One shared asset with the diagram allowed: open it directly (§3.12 "Landing").
  const only = entry.assetCount === 1 && entry.permissions.diagram && assets.data?.length === 1 ? text(assets.data[0]!, 'id') : null;
  const showing = assetId ?? only;
  if (showing && entry.permissions.diagram) {
    return (
      <SharePage entry={entry}>
        <SharedDiagram code={code} assetId={showing} rows={assets.data} />
      </SharePage>
    );
  }
  return (
    <SharePage entry={entry}>
      <h1>Shared portfolio</h1>
      <p>
        {entry.organizationName} shared {entry.assetCount} asset{entry.assetCount === 1 ? '' : 's'} with you.{' '}
        <span className="muted small">Link valid until {formatDateTime(entry.expiresAt)}.</span>
      </p>
      {!entry.permissions.assetList ? (
        <p className="muted">The asset list is not included in this link.</p>
      ) : assets.isPending ? (
        <Skeleton lines={4} label="Loading the shared assets…" />
      ) : assets.isError ? (
        <Problem error={assets.error} onRetry={() => void assets.refetch()} />
      ) : (
        <AssetList code={code} rows={assets.data} allowDiagram={entry.permissions.diagram} />
      )}
    </SharePage>
  );
}
