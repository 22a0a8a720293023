/**
 * Timeline `/timeline` (frontend.md §3.6): conveyances grouped by record date, newest first,
 * with type (colour plus label, never colour alone), conveyance text, the counterparty,
 * reel/frame and asset count. Filters (dates, type preset) live in the URL.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { inContract } from '../api/contract.ts';
import { flattenPages, useCursorList, type Row } from '../api/pages.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { conveyanceLabel, formatDate, formatTotal } from '../lib/format.ts';
import { isoDateOrEmpty } from './assetsUrlState.ts';

const PATH = '/api/v1/dashboards/timeline';

/** Rows grouped by record date, in the order received. */
export function groupByDay(rows: readonly Row[]): Array<[string, Row[]]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const day = text(r, 'recordDate') ?? 'Undated';
    groups.set(day, [...(groups.get(day) ?? []), r]);
  }
  return [...groups.entries()];
}

export default function TimelinePage() {
  const [params, setParams] = useSearchParams();
  const dateFrom = isoDateOrEmpty(params.get('dateFrom'));
  const dateTo = isoDateOrEmpty(params.get('dateTo'));
  const available = inContract('GET', PATH);
  const list = useCursorList(PATH, { dateFrom: dateFrom || undefined, dateTo: dateTo || undefined }, { enabled: available });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <section aria-labelledby="tl-title" className="page-wide">
      <h1 id="tl-title">Timeline</h1>
      <form className="filters" aria-label="Filter the timeline" onSubmit={(e) => e.preventDefault()}>
        <label>
          Recorded from
          <input type="date" value={dateFrom} onChange={(e) => set('dateFrom', e.target.value)} />
        </label>
        <label>
          Recorded to
          <input type="date" value={dateTo} onChange={(e) => set('dateTo', e.target.value)} />
        </label>
      </form>
      {!available ? (
        <NotInContract what="The timeline" template={PATH} />
      ) : list.isPending ? (
        <Skeleton lines={6} label="Loading the timeline…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">No conveyances in this range.</p>
      ) : (
        <>
          <p className="muted small">{formatTotal(rows.length, total, approximate)}</p>
          <ol className="timeline">
            {groupByDay(rows).map(([day, entries]) => (
              <li key={day}>
                <h2 className="timeline__day">{formatDate(day)}</h2>
                <ul className="plain-list">
                  {entries.map((r, i) => (
                    <li key={text(r, 'id') ?? i} className="timeline__entry">
                      <span className="type-dot" style={{ background: text(r, 'color') ?? 'var(--muted)' }} aria-hidden="true" />
                      <strong>{conveyanceLabel(r.conveyanceType)}</strong>{' '}
                      <span>
                        {text(r, 'role') === 'assignor' ? 'from' : 'to'} {text(r, 'canonicalName', 'originalName') ?? '—'}
                      </span>{' '}
                      <span className="muted small">
                        reel/frame {text(r, 'rfId') ?? '—'} · {typeof r.assetCount === 'number' ? `${r.assetCount} asset${r.assetCount === 1 ? '' : 's'}` : ''}
                      </span>
                      {text(r, 'conveyanceText') && <p className="muted small">{text(r, 'conveyanceText')}</p>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
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
