/**
 * What is drawn under the current filters and playback step (frontend.md §4.2 "Filters",
 * "Playback"). Pure: the layout never changes, only visibility, so nothing jumps.
 */
import type { DiagramLayout, LaidBox, LaidEdge } from './layout.ts';
import type { Category } from './types.ts';

export interface ViewState {
  /** Categories whose checkbox is on (all on by default). */
  categories: ReadonlySet<Category>;
  /** Playback: show conveyances with ordinal <= step; null = all. */
  step: number | null;
  /** D22: third parties are shown by default. */
  showThirdParties: boolean;
}

export interface Visible {
  edges: ReadonlySet<string>;
  boxes: ReadonlySet<string>;
}

export function visibleParts(layout: DiagramLayout, view: ViewState): Visible {
  const lane = new Map(layout.boxes.map((b) => [b.id, b.lane]));
  const edges = new Set<string>();
  const boxes = new Set<string>();
  for (const e of layout.edges) {
    if (!view.categories.has(e.category)) continue;
    if (view.step !== null && e.ordinal > view.step) continue;
    if (!view.showThirdParties && (lane.get(e.from) === 3 || lane.get(e.to) === 3)) continue;
    edges.add(e.id);
    // "Boxes left with no visible connection are hidden."
    boxes.add(e.from);
    boxes.add(e.to);
  }
  return { edges, boxes };
}

/** Boxes in reading order for keyboard navigation: down the page, then left to right. */
export function boxesInTimeOrder(boxes: readonly LaidBox[]): LaidBox[] {
  return [...boxes].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
}

/** Connections in date order (= ordinal order, P5) for keyboard stepping. */
export function edgesInDateOrder(edges: readonly LaidEdge[]): LaidEdge[] {
  return [...edges].sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id, undefined, { numeric: true }));
}

/** Next index in a list of `length`, wrapping around; -1 when the list is empty. */
export function stepIndex(current: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta >= 0 ? 0 : length - 1;
  return (((current + delta) % length) + length) % length;
}

/** The a11y summary of frontend.md §6: "23 transactions, 9 parties, broken between X and Y". */
export function diagramSummary(
  transactions: number,
  parties: number,
  gap: { expected: readonly string[]; actual: readonly string[] } | null,
): string {
  const base = `${transactions} transaction${transactions === 1 ? '' : 's'}, ${parties} part${parties === 1 ? 'y' : 'ies'}`;
  if (!gap) return base;
  return `${base}, broken between ${gap.expected.join(', ') || 'nobody'} and ${gap.actual.join(', ') || 'nobody'}`;
}
