/**
 * layoutDiagram: the PURE layout of the ownership diagram (frontend.md §4.4: "payload in,
 * coordinates out"; the app, the share viewer and print all use it).
 *
 * Grammar (frontend.md §4.1 with D22's settlements):
 * - four lanes left to right: inventors, owners, banks / secured parties, third parties;
 * - time runs DOWN the page, earliest at the top: row k holds the boxes whose party entered
 *   with conveyance #k (its entry ordinal); several boxes entering together in one lane stack
 *   inside the row, so the order down the page is never violated;
 * - one edge per connection (the backend already emits one per assignor->assignee pair,
 *   all sharing the conveyance ordinal, D22), in payload order;
 * - straight edges within a lane, curved edges across lanes (D22; the payload's `routing`);
 * - legacy colours per category; License End = license colour dashed, Correct = ownership
 *   colour dashed (D22) — the payload's colour is used, the palette only fills gaps;
 * - a dashed time axis on the left with one marker per transaction.
 *
 * No DOM, no randomness, no clock: the same payload always yields the same numbers, so
 * positions never jump while filters or playback hide parts of the drawing.
 */
import { CATEGORY_STYLE, GAP_GREY, LANE_LABELS } from './palette.ts';
import type { DiagramBox, DiagramConnection, DiagramPayload, LaneIndex } from './types.ts';

export interface LayoutOptions {
  boxWidth: number;
  boxHeight: number;
  /** Vertical space between stacked boxes and between rows. */
  rowGap: number;
  /** Horizontal space between lanes. */
  laneGap: number;
  /** Room on the left for the time axis and its dates. */
  axisWidth: number;
  /** Room at the top for the lane headers. */
  headerHeight: number;
  /** Room at the bottom for the copyright line (kept inside the SVG, §4.1 "Chrome"). */
  footerHeight: number;
  /** Distance between parallel edges joining the same two boxes. */
  parallelSpacing: number;
}

/**
 * Boxes are wider than the legacy 100x30 (meta.boxStyle) so a name and its date/ordinal fit
 * on two lines; D22 replaced the pixel-diff gate with structural equality, and the ratio of
 * lanes to boxes is kept.
 */
export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  boxWidth: 168,
  boxHeight: 44,
  rowGap: 24,
  laneGap: 56,
  axisWidth: 96,
  headerHeight: 40,
  footerHeight: 56,
  parallelSpacing: 7,
};

export interface Point {
  x: number;
  y: number;
}

export interface LaidLane {
  index: LaneIndex;
  label: string;
  x: number;
  width: number;
}

export interface LaidBox {
  id: string;
  box: DiagramBox;
  lane: LaneIndex;
  /** Row = entry ordinal (0 for parties without one, drawn above the first transaction). */
  row: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaidEdge {
  id: string;
  connection: DiagramConnection;
  from: string;
  to: string;
  ordinal: number;
  category: DiagramConnection['category'];
  color: string;
  dashed: boolean;
  routing: 'straight' | 'curved';
  /** SVG path data, starting at `start` and ending at `end`. */
  path: string;
  start: Point;
  end: Point;
  /** Where the ordinal label goes (the path's midpoint). */
  label: Point;
}

export interface AxisTick {
  ordinal: number;
  y: number;
  /** ISO date of the transaction (execution date, else record date). */
  date: string | null;
}

export interface Axis {
  x: number;
  top: number;
  bottom: number;
  ticks: AxisTick[];
}

export interface GapOverlay {
  seq: number;
  path: string;
  start: Point;
  end: Point;
  color: string;
  /** Box ids on either side of the break. */
  from: string | null;
  to: string | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  lanes: LaidLane[];
  boxes: LaidBox[];
  edges: LaidEdge[];
  axis: Axis;
  gap: GapOverlay | null;
}

const LANES: readonly LaneIndex[] = [0, 1, 2, 3];

function clampLane(lane: number): LaneIndex {
  return lane <= 0 ? 0 : lane >= 3 ? 3 : (Math.round(lane) as LaneIndex);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function pt(p: Point): string {
  return `${round(p.x)} ${round(p.y)}`;
}

/** Straight edge: vertical between the facing top/bottom sides of two boxes in one lane. */
function straightEdge(a: LaidBox, b: LaidBox, offset: number): { start: Point; end: Point; path: string } {
  const down = b.y >= a.y;
  const x1 = a.x + a.w / 2 + offset;
  const x2 = b.x + b.w / 2 + offset;
  const start = { x: x1, y: down ? a.y + a.h : a.y };
  const end = { x: x2, y: down ? b.y : b.y + b.h };
  return { start, end, path: `M ${pt(start)} L ${pt(end)}` };
}

/**
 * Straight edge that would pass through other boxes of its lane (e.g. title coming back to
 * an earlier owner): still straight segments (D22), but routed as a bracket beside the
 * column, so it never hides behind the boxes it skips. `slot` staggers brackets.
 */
function bracketEdge(a: LaidBox, b: LaidBox, slot: number): { start: Point; end: Point; path: string; label: Point } {
  const out = a.x + a.w + 10 + (slot % 3) * 8;
  const start = { x: a.x + a.w, y: a.y + a.h / 2 };
  const end = { x: b.x + b.w, y: b.y + b.h / 2 };
  return {
    start,
    end,
    path: `M ${pt(start)} L ${pt({ x: out, y: start.y })} L ${pt({ x: out, y: end.y })} L ${pt(end)}`,
    label: { x: out, y: (start.y + end.y) / 2 },
  };
}

/** Curved edge: a cubic S-curve between the facing left/right sides of two lanes. */
function curvedEdge(a: LaidBox, b: LaidBox, offset: number): { start: Point; end: Point; path: string } {
  const right = b.x > a.x;
  const start = { x: right ? a.x + a.w : a.x, y: a.y + a.h / 2 + offset };
  const end = { x: right ? b.x : b.x + b.w, y: b.y + b.h / 2 + offset };
  const pull = Math.max(24, Math.abs(end.x - start.x) / 2) * (right ? 1 : -1);
  const c1 = { x: start.x + pull, y: start.y };
  const c2 = { x: end.x - pull, y: end.y };
  return { start, end, path: `M ${pt(start)} C ${pt(c1)} ${pt(c2)} ${pt(end)}` };
}

/** Self-loop (a party conveying to itself, e.g. a confirmatory re-recording). */
function loopEdge(a: LaidBox, offset: number): { start: Point; end: Point; path: string } {
  const start = { x: a.x + a.w, y: a.y + a.h / 3 };
  const end = { x: a.x + a.w, y: a.y + (2 * a.h) / 3 };
  const r = 18 + offset;
  return {
    start,
    end,
    path: `M ${pt(start)} C ${pt({ x: start.x + r, y: start.y - r / 2 })} ${pt({ x: end.x + r, y: end.y + r / 2 })} ${pt(end)}`,
  };
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

export function layoutDiagram(
  payload: DiagramPayload,
  options: Partial<LayoutOptions> = {},
): DiagramLayout {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const laneWidth = o.boxWidth + o.laneGap;
  const lanes: LaidLane[] = LANES.map((index) => ({
    index,
    label: LANE_LABELS[index],
    x: o.axisWidth + index * laneWidth,
    width: laneWidth,
  }));

  // Rows: 0 (parties with no entry ordinal) then 1..N, N = the last transaction.
  const lastOrdinal = Math.max(
    payload.meta.transactionCount,
    ...payload.connections.map((c) => c.ordinal),
    ...payload.boxes.map((b) => b.entryOrdinal ?? 0),
    0,
  );
  const rowOf = (b: DiagramBox): number => Math.max(0, Math.min(b.entryOrdinal ?? 0, lastOrdinal));
  // How many boxes each (row, lane) holds: a row is as tall as its fullest lane.
  const stack = new Map<string, number>();
  const slot = new Map<string, number>();
  for (const b of payload.boxes) {
    const key = `${rowOf(b)}:${clampLane(b.lane)}`;
    slot.set(b.id, stack.get(key) ?? 0);
    stack.set(key, (stack.get(key) ?? 0) + 1);
  }
  const pitch = o.boxHeight + o.rowGap;
  const rowTop: number[] = [];
  const rowHeight: number[] = [];
  let y = o.headerHeight + o.rowGap;
  for (let row = 0; row <= lastOrdinal; row += 1) {
    const fullest = Math.max(...LANES.map((lane) => stack.get(`${row}:${lane}`) ?? 0));
    // Row 0 takes no space unless some party has no entry ordinal.
    const h = row === 0 && fullest === 0 ? 0 : Math.max(1, fullest) * pitch;
    rowTop.push(y);
    rowHeight.push(h);
    y += h;
  }
  const contentBottom = y;

  const boxes: LaidBox[] = payload.boxes.map((b) => {
    const lane = clampLane(b.lane);
    const row = rowOf(b);
    const laneX = lanes[lane]!.x;
    return {
      id: b.id,
      box: b,
      lane,
      row,
      x: laneX + o.laneGap / 2,
      y: (rowTop[row] ?? 0) + (slot.get(b.id) ?? 0) * pitch,
      w: o.boxWidth,
      h: o.boxHeight,
    };
  });
  const byId = new Map(boxes.map((b) => [b.id, b]));

  // Parallel edges (same two boxes, e.g. repeated confirmations) fan out symmetrically.
  const pairCount = new Map<string, number>();
  for (const c of payload.connections) {
    const key = [c.from, c.to].sort().join('|');
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  const pairSeen = new Map<string, number>();
  let brackets = 0;
  /** Boxes of a's lane strictly between a and b vertically (they would hide a straight line). */
  const blocked = (a: LaidBox, b: LaidBox): boolean => {
    const top = Math.min(a.y, b.y);
    const bottom = Math.max(a.y, b.y);
    return boxes.some((o) => o !== a && o !== b && o.lane === a.lane && o.x === a.x && o.y > top && o.y < bottom);
  };

  const edges: LaidEdge[] = [];
  for (const c of payload.connections) {
    const a = byId.get(c.from);
    const b = byId.get(c.to);
    if (!a || !b) continue; // a dangling reference is a backend bug; never crash the drawing
    const key = [c.from, c.to].sort().join('|');
    const k = pairSeen.get(key) ?? 0;
    pairSeen.set(key, k + 1);
    const offset = (k - ((pairCount.get(key) ?? 1) - 1) / 2) * o.parallelSpacing;
    const routing = a.lane === b.lane ? 'straight' : 'curved';
    const geometry: { start: Point; end: Point; path: string; label?: Point } =
      a === b
        ? loopEdge(a, Math.abs(offset))
        : routing === 'curved'
          ? curvedEdge(a, b, offset)
          : blocked(a, b)
            ? bracketEdge(a, b, brackets++)
            : straightEdge(a, b, offset);
    const fallback = CATEGORY_STYLE[c.category] ?? CATEGORY_STYLE.Ownership;
    edges.push({
      id: c.id,
      connection: c,
      from: c.from,
      to: c.to,
      ordinal: c.ordinal,
      category: c.category,
      color: c.color || fallback.color,
      dashed: typeof c.dashed === 'boolean' ? c.dashed : fallback.dashed,
      // D22 rule, recomputed from the lanes actually drawn (equals the payload's routing).
      routing,
      path: geometry.path,
      start: geometry.start,
      end: geometry.end,
      // Straight edges run through the narrow gap between stacked boxes: their ordinal sits
      // beside the line so it never covers the arrowhead.
      label:
        geometry.label ??
        (routing === 'straight' && a !== b
          ? { x: geometry.start.x + 14, y: (geometry.start.y + geometry.end.y) / 2 }
          : midpoint(geometry.start, geometry.end)),
    });
  }

  // One axis marker per transaction, level with the row of that ordinal.
  const dateOf = new Map<number, string | null>();
  for (const c of payload.connections) {
    if (!dateOf.has(c.ordinal)) dateOf.set(c.ordinal, c.execDate ?? c.recordDate);
  }
  const ticks: AxisTick[] = [];
  for (let ordinal = 1; ordinal <= lastOrdinal; ordinal += 1) {
    ticks.push({ ordinal, y: (rowTop[ordinal] ?? 0) + o.boxHeight / 2, date: dateOf.get(ordinal) ?? null });
  }

  const width = o.axisWidth + LANES.length * laneWidth;
  const height = contentBottom + o.rowGap + o.footerHeight;

  return {
    width,
    height,
    lanes,
    boxes,
    edges,
    axis: { x: o.axisWidth - 16, top: o.headerHeight, bottom: contentBottom, ticks },
    gap: gapOverlay(payload, edges, byId),
  };
}

/**
 * The broken-title overlay (frontend.md §4.2): a dashed grey connector from the holder the
 * chain expected (the receiving box of the link before the break) to the party that
 * conveyed instead (the conveying box of the breaking link).
 */
function gapOverlay(
  payload: DiagramPayload,
  edges: readonly LaidEdge[],
  byId: ReadonlyMap<string, LaidBox>,
): GapOverlay | null {
  const brk = payload.headlineBreak;
  if (!brk) return null;
  const before = brk.beforeRfId ? edges.find((e) => e.connection.rfId === brk.beforeRfId) : undefined;
  const after = edges.find((e) => e.connection.rfId === brk.afterRfId);
  const a = before ? byId.get(before.to) : undefined;
  const b = after ? byId.get(after.from) : undefined;
  if (!b) return null;
  const from = a ?? b;
  const start = { x: from.x + from.w / 2, y: from.y + from.h };
  const end = a ? { x: b.x + b.w / 2, y: b.y } : { x: b.x + b.w / 2, y: b.y };
  const bend = Math.max(30, Math.abs(end.y - start.y) / 3);
  const path = `M ${pt(start)} C ${pt({ x: start.x - bend, y: start.y + bend })} ${pt({ x: end.x - bend, y: end.y - bend })} ${pt(end)}`;
  return { seq: brk.seq, path, start, end, color: GAP_GREY, from: a?.id ?? null, to: b.id };
}
