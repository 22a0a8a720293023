/**
 * Broken titles `/broken-titles` (frontend.md §3.6): the count, the rule in plain words, and
 * one row per asset with its current holders, break point and the missing link "from → to".
 * A row opens the diagram at `?focus=gap`.
 */
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { inContract } from '../api/contract.ts';
import { flattenPages, useCursorList, type Row } from '../api/pages.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { isRecord, text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { VirtualTable, type Column } from '../components/VirtualTable.tsx';
import { formatPatentNumber, humanize } from '../lib/format.ts';
import { brokenTitlesExportHref } from './exportLinks.ts';

const PATH = '/api/v1/dashboards/broken-titles';

function gap(r: Row): string {
  const bp = isRecord(r.breakPoint) ? r.breakPoint : null;
  if (!bp) return '—';
  return `${text(bp, 'missingLinkFrom') ?? '?'} → ${text(bp, 'missingLinkTo') ?? '?'}`;
}

const COLUMNS: ReadonlyArray<Column<Row>> = [
  {
    id: 'number',
    header: 'Number',
    width: 'minmax(7.5rem, 9rem)',
    cell: (r) => {
      const id = text(r, 'assetId');
      const n = formatPatentNumber(r.grantNumber, r.applicationNumber);
      return id ? <Link to={`/assets/${encodeURIComponent(id)}/diagram?focus=gap`}>{n}</Link> : n;
    },
  },
  { id: 'company', header: 'Company', width: 'minmax(8rem, 1fr)', optional: true, cell: (r) => (isRecord(r.company) ? text(r.company, 'name') : null) ?? '—' },
  { id: 'holders', header: 'Current holders', width: 'minmax(8rem, 1.2fr)', cell: (r) => (Array.isArray(r.currentHolders) ? r.currentHolders.join('; ') : '') || '—' },
  { id: 'reason', header: 'Why', width: 'minmax(7rem, 10rem)', cell: (r) => humanize(r.reasonCode) },
  {
    id: 'gap',
    header: 'Missing link',
    width: 'minmax(10rem, 2fr)',
    optional: true,
    cell: (r) => (
      <span className="truncate" title={gap(r)}>
        {isRecord(r.breakPoint) && typeof r.breakPoint.seq === 'number' ? `#${r.breakPoint.seq}: ` : ''}
        {gap(r)}
      </span>
    ),
  },
];

export default function BrokenTitlesPage() {
  const available = inContract('GET', PATH);
  const list = useCursorList(PATH, {}, { enabled: available });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);
  return (
    <section aria-labelledby="bt-title" className="page-wide">
      <h1 id="bt-title">Broken titles {total !== null && <span className="muted">({total})</span>}</h1>
      <p className="muted">
        Each assignee must be the next assignor, and the chain must start with an employee assignment from the inventors.
        A continuous chain without that start still counts as broken.
      </p>
      <div className="actions">
        <ExportLink href={brokenTitlesExportHref()} filename="broken-titles.csv">
          Export CSV
        </ExportLink>
      </div>
      {!available ? (
        <NotInContract what="The broken-title list" template={PATH} />
      ) : list.isPending ? (
        <Skeleton lines={6} label="Loading broken titles…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <p>No broken titles. Every chain is complete.</p>
      ) : (
        <VirtualTable
          label="Broken titles"
          columns={COLUMNS}
          rows={rows}
          rowKey={(r, i) => text(r, 'assetId') ?? String(i)}
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
