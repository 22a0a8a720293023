/**
 * Pure helpers of the windowed table (frontend.md §5.1): which rows to render and when to
 * fetch the next cursor page. Kept apart from the component so they are unit-tested.
 */

/** Fetch the next page when the window's last row is within `threshold` rows of the end. */
export function needsMore(lastVisibleIndex: number, loaded: number, hasMore: boolean, fetching: boolean, threshold = 25): boolean {
  return hasMore && !fetching && loaded > 0 && lastVisibleIndex >= loaded - 1 - threshold;
}

/**
 * The rows a fixed-height window shows: [start, end) with `overscan` rows either side.
 * The virtualizer does this in the browser; this is the same arithmetic, used by tests and
 * by the print/CSV paths that must not depend on layout.
 */
export function windowRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 10): [number, number] {
  if (count <= 0 || rowHeight <= 0) return [0, 0];
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return [start, end];
}
