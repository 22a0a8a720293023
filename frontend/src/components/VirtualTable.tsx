/**
 * The one windowed table (frontend.md §5.1): only the rows in view (plus overscan) are in the
 * DOM, so 100,000 loaded rows scroll as smoothly as 100; a sticky header; the next cursor page
 * is fetched as the window nears the end ("Loading more…"), with an "n of total" indicator.
 * ARIA table roles with aria-rowcount/aria-rowindex keep the full size known to screen readers.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { formatTotal } from '../lib/format.ts';
import { needsMore } from './windowing.ts';

export interface Column<R> {
  id: string;
  header: string;
  /** CSS grid track, e.g. "minmax(8rem, 1fr)". */
  width: string;
  cell: (row: R) => ReactNode;
  /** Hidden on narrow screens (frontend.md §5.6 simplified cards below 768 px). */
  optional?: boolean;
}

export interface VirtualTableProps<R> {
  label: string;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  total: number | null;
  approximate?: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  onLoadMore: () => void;
  rowHeight?: number;
  /** Max height of the scroll area (CSS length). */
  height?: string;
}

export function VirtualTable<R>({
  label,
  columns,
  rows,
  rowKey,
  total,
  approximate = false,
  hasMore,
  fetchingMore,
  onLoadMore,
  rowHeight = 44,
  height = 'min(70vh, 44rem)',
}: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (needsMore(lastIndex, rows.length, hasMore, fetchingMore)) onLoadMore();
  }, [lastIndex, rows.length, hasMore, fetchingMore, onLoadMore]);

  const template = columns.map((c) => c.width).join(' ');
  const rowCount = (total ?? rows.length) + 1; // + the header row
  return (
    <div className="vtable">
      <p className="muted small vtable__count" aria-live="polite">
        {formatTotal(rows.length, total, approximate)}
      </p>
      <div ref={scrollRef} className="vtable__scroll" style={{ maxHeight: height }} tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
        <div role="table" aria-label={label} aria-rowcount={rowCount} className="vtable__table">
          <div role="rowgroup" className="vtable__head">
            <div role="row" aria-rowindex={1} className="vtable__row" style={{ gridTemplateColumns: template }}>
              {columns.map((c) => (
                <div role="columnheader" key={c.id} className={c.optional ? 'vtable__cell optional' : 'vtable__cell'}>
                  {c.header}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  role="row"
                  key={rowKey(row, item.index)}
                  aria-rowindex={item.index + 2}
                  data-row-index={item.index}
                  className="vtable__row vtable__body-row"
                  style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${item.start}px)` }}
                >
                  {columns.map((c) => (
                    <div role="cell" key={c.id} className={c.optional ? 'vtable__cell optional' : 'vtable__cell'}>
                      {c.cell(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
        {fetchingMore && (
          <p className="muted small vtable__more" role="status">
            Loading more…
          </p>
        )}
      </div>
    </div>
  );
}
