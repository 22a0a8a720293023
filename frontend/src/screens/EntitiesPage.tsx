/**
 * Entities `/entities` and `/entities/:id` (frontend.md §3.8; BR-018..020): the org's party
 * names as the pipeline grouped them. The list has canonical name, aliases, assets and last
 * activity with a search kept in the URL (`?search=`, debounced); the detail shows every
 * spelling (occurrences, edit distance) and the assets by relationship. Admins can re-run
 * normalisation (threshold 1–10, default 5, optional dry run); a 409 `job_running` says a
 * run is already pending and links to the pipeline tracker.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { newIdempotencyKey, postJson } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { hasRole, useMe } from '../app/session.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { formatCount, formatDate, formatPatentNumber, formatTotal } from '../lib/format.ts';
import { patchParams, textParam } from '../lib/urlParams.ts';
import { readAs, rowsAs, type EntityDetail, type EntityItem, type NormalizeQueued } from './customerApi.ts';

const RELATIONSHIP_LABELS = { assignee: 'Assignee', assignor: 'Assignor', both: 'Both' } as const;

function entitiesPath(orgId: string): string {
  return `/api/v1/organizations/${encodeURIComponent(orgId)}/entities`;
}

function Normalize({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState(5);
  const [dryRun, setDryRun] = useState(true);
  const key = useRef(newIdempotencyKey());
  const run = useMutation({
    mutationFn: async () =>
      (await postJson(`${entitiesPath(orgId)}/normalize`, { threshold, dryRun }, { idempotencyKey: key.current })) as { data: NormalizeQueued },
    onSuccess: (body) => {
      key.current = newIdempotencyKey();
      if (body.data.status === 'queued') void queryClient.invalidateQueries({ queryKey: ['list', entitiesPath(orgId)] });
    },
  });
  const result = run.data?.data;
  const running = run.error instanceof ApiError && run.error.status === 409;
  function submit(e: FormEvent) {
    e.preventDefault();
    run.mutate();
  }
  return (
    <details className="card">
      <summary>Re-run name normalisation</summary>
      <form onSubmit={submit} className="filters" aria-label="Re-run name normalisation">
        <label>
          Threshold (1–10)
          <input type="number" min={1} max={10} value={threshold} onChange={(e) => setThreshold(Math.min(10, Math.max(1, Number(e.target.value) || 5)))} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          Dry run (count only, change nothing)
        </label>
        <button type="submit" className="button-primary" disabled={run.isPending} aria-busy={run.isPending}>
          {run.isPending ? 'Sending…' : dryRun ? 'Preview' : 'Re-run'}
        </button>
      </form>
      {result && (
        <p role="status">
          {result.status === 'queued' ? 'Queued: the portfolio is being rebuilt with the new grouping. ' : 'Dry run: nothing was changed. '}
          {formatCount(result.nameCount)} names in {formatCount(result.groupCount)} groups
          {result.estimatedDuration !== null ? `; the last run took about ${Math.round(result.estimatedDuration)} s.` : '.'}
          {result.status === 'queued' && (
            <>
              {' '}
              <Link to="/settings/organization">Follow the run</Link>
            </>
          )}
        </p>
      )}
      {running ? (
        <p role="alert">
          A pipeline run for this organization is already pending. <Link to="/settings/organization">See its progress</Link>.
        </p>
      ) : (
        run.isError && <ErrorPanel error={run.error} />
      )}
    </details>
  );
}

function EntityList({ orgId, admin }: { orgId: string; admin: boolean }) {
  const [params, setParams] = useSearchParams();
  const search = textParam(params, 'search');
  const [draft, setDraft] = useState(search);
  useEffect(() => {
    if (draft.trim() === search) return;
    const timer = setTimeout(() => setParams((prev) => patchParams(prev, { search: draft }), { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [draft, search, setParams]);
  const list = useCursorList(entitiesPath(orgId), { search: search || undefined });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const entities = rowsAs<EntityItem>(rows);
  return (
    <>
      {admin && <Normalize orgId={orgId} />}
      <form className="filters" role="search" aria-label="Search entities" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name or alias
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
      </form>
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={entities.length === 0}
        emptyText={<p>{search ? `No entity matches “${search}”.` : 'No entities yet. They appear after the first pipeline run.'}</p>}
        loadingLabel="Loading entities…"
      >
        <p className="muted small" aria-live="polite">
          {formatTotal(entities.length, total, approximate)}
        </p>
        <div className="table-wrap">
          <table data-testid="entities-table">
            <caption className="visually-hidden">Entities</caption>
            <thead>
              <tr>
                <th scope="col">Canonical name</th>
                <th scope="col">Spellings</th>
                <th scope="col">Assets</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {entities.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/entities/${encodeURIComponent(e.id)}`}>{e.canonicalName}</Link>
                  </td>
                  <td>{formatCount(e.aliasCount)}</td>
                  <td>{formatCount(e.assetCount)}</td>
                  <td>{formatDate(e.lastActivityDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </>
  );
}

function EntityDetailView({ orgId, id }: { orgId: string; id: string }) {
  const entity = useQuery({
    queryKey: ['entity', orgId, id],
    queryFn: ({ signal }) => readAs<{ data: EntityDetail }>(`${entitiesPath(orgId)}/${encodeURIComponent(id)}`, undefined, signal),
  });
  const d = entity.data?.data;
  return (
    <ListState pending={entity.isPending} error={entity.error} onRetry={() => void entity.refetch()} empty={false} emptyText={null} loadingLabel="Loading the entity…">
      {d && (
        <>
          <h2>{d.canonicalName}</h2>
          <h3>Spellings ({d.aliases.length})</h3>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Spellings of {d.canonicalName}</caption>
              <thead>
                <tr>
                  <th scope="col">Name as recorded</th>
                  <th scope="col">Occurrences</th>
                  <th scope="col">Edit distance</th>
                </tr>
              </thead>
              <tbody>
                {d.aliases.map((a) => (
                  <tr key={a.name}>
                    <td>{a.name}</td>
                    <td>{formatCount(a.occurrenceCount)}</td>
                    <td>{formatCount(a.levenshteinDistance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>
            Assets ({formatCount(d.totalAssets)}
            {d.totalAssets > d.assets.length ? `, first ${formatCount(d.assets.length)} shown` : ''})
          </h3>
          {d.assets.length === 0 ? (
            <p className="muted">This entity appears on none of the organization’s assets.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Assets of {d.canonicalName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Number</th>
                    <th scope="col">Title</th>
                    <th scope="col">Relationship</th>
                  </tr>
                </thead>
                <tbody>
                  {d.assets.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/assets/${encodeURIComponent(a.id)}/overview`}>{formatPatentNumber(a.grantNumber, a.applicationNumber)}</Link>
                      </td>
                      <td>{a.title ?? '—'}</td>
                      <td>{RELATIONSHIP_LABELS[a.relationship]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </ListState>
  );
}

export default function EntitiesPage() {
  const { id } = useParams();
  const me = useMe();
  const orgId = me.data?.organizationId ?? null;
  const admin = me.data ? hasRole(me.data, 'org_admin') : false;
  return (
    <section aria-labelledby="ent-title" className="page-wide">
      <h1 id="ent-title">Entities</h1>
      <p className="muted">Every party name on the portfolio’s conveyances, grouped with its other spellings.</p>
      {!orgId ? (
        me.isError ? <ErrorPanel error={me.error} onRetry={() => void me.refetch()} /> : <Skeleton label="Loading…" />
      ) : id ? (
        <>
          <p>
            <Link to="/entities">← All entities</Link>
          </p>
          <EntityDetailView orgId={orgId} id={id} />
        </>
      ) : (
        <EntityList orgId={orgId} admin={admin} />
      )}
    </section>
  );
}
