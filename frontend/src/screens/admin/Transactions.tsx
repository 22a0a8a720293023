/**
 * Transactions review (frontend.md §3.11; api.md §3.5 #50): every tenant's conveyances with
 * filters in the URL; the total may be an estimate ("about N"); selected rows of one org go
 * to Fix-items. Fix-items (#51): org, fix, scope (all or the carried-over ids), preview,
 * confirm, then follow the job on the org's Pipeline tab.
 */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { conveyanceLabel, formatCount, formatDate, formatTotal } from '../../lib/format.ts';
import { post, read, type CursorPage, type OffsetPage, type OrgRow, type TransactionRow } from './api.ts';
import { ActionError } from './ui.tsx';
import { TRANSACTION_FILTERS, apiQuery, readFilters, writeFilters } from './urlFilters.ts';

function useOrgOptions() {
  return useQuery({
    queryKey: ['admin', 'orgs', 'options'],
    queryFn: ({ signal }) => read<OffsetPage<OrgRow>>('/admin/organizations', { limit: 100 }, signal),
  });
}

export function TransactionsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, TRANSACTION_FILTERS);
  const orgs = useOrgOptions();
  const [selected, setSelected] = useState<Map<string, TransactionRow>>(new Map());
  const list = useInfiniteQuery({
    queryKey: ['admin', 'transactions', filters],
    queryFn: ({ pageParam, signal }) => read<CursorPage<TransactionRow>>('/admin/transactions', { ...apiQuery(filters), limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.cursor.hasMore ? last.cursor.next : undefined),
  });
  const update = (next: Partial<typeof filters>) => {
    setSelected(new Map());
    setParams(writeFilters({ ...filters, ...next }, TRANSACTION_FILTERS));
  };
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const first = list.data?.pages[0];
  const chosen = [...selected.values()];
  const orgIds = new Set(chosen.map((r) => r.orgId));
  const toggle = (r: TransactionRow) =>
    setSelected((m) => {
      const next = new Map(m);
      if (next.has(r.id)) next.delete(r.id);
      else next.set(r.id, r);
      return next;
    });
  return (
    <section aria-labelledby="tx-title" className="admin-stack">
      <h2 id="tx-title">Transactions review</h2>
      <form className="filters" aria-label="Transaction filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Organization
          <select value={filters.orgId} onChange={(e) => update({ orgId: e.target.value })}>
            <option value="">all</option>
            {(orgs.data?.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={filters.conveyanceType} onChange={(e) => update({ conveyanceType: e.target.value })}>
            {TRANSACTION_FILTERS.conveyanceType.allowed.map((t) => (
              <option key={t} value={t}>
                {t === 'all' ? 'all' : conveyanceLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.dateFrom} onChange={(e) => update({ dateFrom: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={filters.dateTo} onChange={(e) => update({ dateTo: e.target.value })} />
        </label>
        <label>
          Flagged
          <select value={filters.flagged} onChange={(e) => update({ flagged: e.target.value })}>
            <option value="any">any</option>
            <option value="true">flagged</option>
            <option value="false">not flagged</option>
          </select>
        </label>
      </form>
      <div className="actions" aria-live="polite">
        <span>{chosen.length} selected</span>
        <button
          type="button"
          className="button-primary"
          disabled={chosen.length === 0 || orgIds.size !== 1}
          onClick={() => {
            const p = new URLSearchParams({ orgId: chosen[0]?.orgId ?? '', ids: chosen.map((r) => r.rfId).join(',') });
            void navigate(`/admin/fix-items?${p.toString()}`);
          }}
        >
          Send to fix-items
        </button>
        {orgIds.size > 1 && <span className="field-error">Select rows of one organization.</span>}
      </div>
      {list.isPending ? (
        <Skeleton label="Loading transactions…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p className="muted small">{formatTotal(rows.length, first?.total ?? null, first?.totalExact === false)}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Transactions of every organization</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Reel/frame</th>
                  <th scope="col">Organization</th>
                  <th scope="col">Type</th>
                  <th scope="col">Conveyance</th>
                  <th scope="col">Recorded</th>
                  <th scope="col">Parties</th>
                  <th scope="col">Assets</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-transaction={r.rfId}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${r.rfId}`} checked={selected.has(r.id)} onChange={() => toggle(r)} />
                    </td>
                    <td>
                      {r.rfId}
                      {r.flagged && (
                        <span className="badge badge--warn">
                          <span aria-hidden="true"> ⚑</span> flagged
                        </span>
                      )}
                    </td>
                    <td>{r.orgName}</td>
                    <td>{conveyanceLabel(r.conveyanceType)}</td>
                    <td className="truncate">{r.conveyanceText ?? ''}</td>
                    <td>{formatDate(r.recordDate)}</td>
                    <td>
                      {r.assignorName ?? '—'} → {r.assigneeName ?? '—'}
                    </td>
                    <td>{formatCount(r.affectedAssets)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasNextPage && (
            <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

const FIXES = [
  { id: 'reclass', label: 'Reclassify conveyances', from: 'classify' },
  { id: 'renormalize', label: 'Re-normalise names', from: 'flag' },
  { id: 'rebuild_dashboard', label: 'Rebuild dashboard', from: 'dashboard' },
  { id: 'fix_broken_chain', label: 'Fix broken chains', from: 'broken_title' },
] as const;

export function FixItemsPage() {
  const [params] = useSearchParams();
  const carried = (params.get('ids') ?? '').split(',').filter(Boolean);
  const orgs = useOrgOptions();
  const [orgId, setOrgId] = useState(params.get('orgId') ?? '');
  const [fix, setFix] = useState<(typeof FIXES)[number]['id']>('reclass');
  const [scope, setScope] = useState<'all' | 'ids'>(carried.length ? 'ids' : 'all');
  const [confirming, setConfirming] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const run = useMutation({
    mutationFn: () => post<{ data: { jobId: string; itemCount: number; startFromStep: string } }>('/admin/fix-items', { orgId, fixType: fix, ...(scope === 'ids' ? { targetIds: carried } : {}) }, key),
  });
  const org = orgs.data?.data.find((o) => o.id === orgId);
  const chosen = FIXES.find((f) => f.id === fix);
  return (
    <section aria-labelledby="fix-title" className="card admin-form">
      <h2 id="fix-title">Fix items</h2>
      <ol className="fix-steps">
        <li>
          <label>
            Organization
            <select value={orgId} onChange={(e) => setOrgId(e.target.value)} disabled={run.isSuccess}>
              <option value="">Choose…</option>
              {(orgs.data?.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        </li>
        <li>
          <fieldset>
            <legend>Fix</legend>
            {FIXES.map((f) => (
              <label key={f.id} className="checkbox">
                <input type="radio" name="fix" value={f.id} checked={fix === f.id} onChange={() => setFix(f.id)} disabled={run.isSuccess} /> {f.label}
              </label>
            ))}
          </fieldset>
        </li>
        <li>
          <fieldset>
            <legend>Scope</legend>
            <label className="checkbox">
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} disabled={run.isSuccess} /> Everything of the organization
            </label>
            <label className="checkbox">
              <input type="radio" name="scope" checked={scope === 'ids'} onChange={() => setScope('ids')} disabled={run.isSuccess || carried.length === 0} /> The {carried.length} selected
              transaction(s)
            </label>
          </fieldset>
        </li>
        <li>
          {!confirming ? (
            <button type="button" className="button-primary" disabled={!orgId} onClick={() => setConfirming(true)}>
              Preview
            </button>
          ) : (
            <div className="notice" data-fix-preview>
              <p>
                {chosen?.label} for <strong>{org?.name ?? orgId}</strong> on {scope === 'all' ? 'every item' : `${carried.length} transaction(s): ${carried.join(', ')}`}. This runs the
                organization's pipeline from the {chosen?.from.replace('_', ' ')} step.
              </p>
              {!run.isSuccess && (
                <div className="actions">
                  <button type="button" className="button-primary" onClick={() => run.mutate()} disabled={run.isPending}>
                    {run.isPending ? 'Queuing…' : 'Confirm'}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Back
                  </button>
                </div>
              )}
            </div>
          )}
        </li>
      </ol>
      {run.isSuccess && (
        <p role="status">
          Queued {formatCount(run.data.data.itemCount)} item(s) from the {run.data.data.startFromStep} step. <Link to={`/admin/organizations/${orgId}/pipeline`}>Follow the job</Link>
        </p>
      )}
      {run.isError && <ActionError error={run.error} jobLink={() => `/admin/organizations/${orgId}/pipeline`} />}
    </section>
  );
}
