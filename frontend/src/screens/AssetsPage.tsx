/**
 * Assets `/assets` (frontend.md §3.4): a windowed table (VirtualTable, §5.1) over cursor
 * pages of GET /assets. Search (debounced 300 ms), status, open liens, conveyance type,
 * application dates, sort and order live in the URL (assetsUrlState.ts) so views are
 * bookmarkable (§5.3); rows are real links.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { inContract } from '../api/contract.ts';
import { flattenPages, useCursorList, type Row } from '../api/pages.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { StatusChip } from '../components/StatusChip.tsx';
import { VirtualTable, type Column } from '../components/VirtualTable.tsx';
import { conveyanceLabel, formatDate, formatPatentNumber } from '../lib/format.ts';
import {
  ASSET_SORTS,
  ASSET_STATUSES,
  assetsQuery,
  CONVEYANCE_TYPES,
  DEFAULT_ASSETS_STATE,
  isFiltered,
  parseAssetsState,
  serialiseAssetsState,
  SORT_LABELS,
  type AssetSort,
  type AssetStatus,
  type AssetsUrlState,
  type ConveyanceFilter,
} from './assetsUrlState.ts';
import { assetsExportHref } from './exportLinks.ts';

function companyName(row: Row): string {
  const c = row.company;
  return typeof c === 'object' && c !== null && typeof (c as Row).name === 'string' ? ((c as Row).name as string) : '—';
}

const COLUMNS: ReadonlyArray<Column<Row>> = [
  {
    id: 'number',
    header: 'Number',
    width: 'minmax(7.5rem, 9rem)',
    cell: (r) => {
      const id = text(r, 'id');
      const label = formatPatentNumber(r.grantNumber, r.applicationNumber);
      return id ? <Link to={`/assets/${encodeURIComponent(id)}/overview`}>{label}</Link> : label;
    },
  },
  { id: 'title', header: 'Title', width: 'minmax(10rem, 3fr)', cell: (r) => <span className="truncate" title={text(r, 'title') ?? ''}>{text(r, 'title') ?? '—'}</span> },
  { id: 'status', header: 'Status', width: 'minmax(6.5rem, 8rem)', cell: (r) => <StatusChip status={r.status} /> },
  { id: 'company', header: 'Company', width: 'minmax(8rem, 1.5fr)', optional: true, cell: (r) => <span className="truncate">{companyName(r)}</span> },
  { id: 'filed', header: 'Filed', width: 'minmax(6.5rem, 8rem)', optional: true, cell: (r) => formatDate(r.applicationDate) },
  { id: 'granted', header: 'Granted', width: 'minmax(6.5rem, 8rem)', optional: true, cell: (r) => formatDate(r.grantDate) },
];

export default function AssetsPage() {
  const [params, setParams] = useSearchParams();
  const state = parseAssetsState(params);
  const [draft, setDraft] = useState(state.search);
  const update = useCallback(
    (patch: Partial<AssetsUrlState>) =>
      setParams((prev) => serialiseAssetsState({ ...parseAssetsState(prev), ...patch }, prev), { replace: true }),
    [setParams],
  );
  // Search is debounced 300 ms (frontend.md §3.4) so typing does not fire a request per key.
  useEffect(() => {
    if (draft.trim() === state.search) return;
    const timer = setTimeout(() => update({ search: draft }), 300);
    return () => clearTimeout(timer);
  }, [draft, state.search, update]);

  const available = inContract('GET', '/api/v1/assets');
  // The query key compares by value, so a fresh object per render does not refetch.
  const query = assetsQuery(state);
  const list = useCursorList('/api/v1/assets', query, { enabled: available });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);

  return (
    <section aria-labelledby="assets-title" className="page-wide">
      <h1 id="assets-title">Assets</h1>
      <form className="filters" role="search" aria-label="Filter assets" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Number, title, owner" />
        </label>
        <label>
          Status
          <select value={state.status} onChange={(e) => update({ status: e.target.value as AssetStatus })}>
            {ASSET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'All' : s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Conveyance
          <select value={state.conveyanceType} onChange={(e) => update({ conveyanceType: e.target.value as ConveyanceFilter })}>
            <option value="">Any</option>
            {CONVEYANCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {conveyanceLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Filed from
          <input type="date" value={state.dateFrom} onChange={(e) => update({ dateFrom: e.target.value })} />
        </label>
        <label>
          Filed to
          <input type="date" value={state.dateTo} onChange={(e) => update({ dateTo: e.target.value })} />
        </label>
        <label>
          Sort by
          <select value={state.sort} onChange={(e) => update({ sort: e.target.value as AssetSort })}>
            {ASSET_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select value={state.order} onChange={(e) => update({ order: e.target.value === 'asc' ? 'asc' : 'desc' })}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={state.openLiens} onChange={(e) => update({ openLiens: e.target.checked })} />
          Open liens only
        </label>
        {isFiltered(state) && (
          <button
            type="button"
            onClick={() => {
              setDraft('');
              update({ ...DEFAULT_ASSETS_STATE, sort: state.sort, order: state.order });
            }}
          >
            Clear filters
          </button>
        )}
        {/* frontend.md §5.5: every matching row, with these filters, streamed by the server. */}
        <ExportLink href={assetsExportHref(state)} filename="assets.csv">
          Export CSV
        </ExportLink>
      </form>
      {!available ? (
        <NotInContract what="The asset list" template="/api/v1/assets" />
      ) : list.isPending ? (
        <Skeleton lines={8} label="Loading assets…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">{isFiltered(state) ? 'No assets match these filters.' : 'No assets yet.'}</p>
      ) : (
        <VirtualTable
          label="Assets"
          columns={COLUMNS}
          rows={rows}
          rowKey={(r, i) => text(r, 'id') ?? String(i)}
          total={total}
          approximate={approximate}
          hasMore={list.hasNextPage}
          fetchingMore={list.isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
    </section>
  );
}
