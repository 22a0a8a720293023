/**
 * layoutDiagram on the stored payload fixtures (D22: structural golden checks of lanes,
 * boxes, edge categories, colours and order, built from real sample conveyances).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, layoutDiagram, type DiagramLayout, type LaidBox, type Point } from './layout.ts';
import { BOX_COLOR, CATEGORY_STYLE, LICENSE_YELLOW, OWNERSHIP_RED } from './palette.ts';
import { parseDiagramPayload } from './payload.ts';
import type { DiagramPayload } from './types.ts';

const raw = import.meta.glob<unknown>(['./__fixtures__/*.json', '!./__fixtures__/index.json'], {
  import: 'default',
  eager: true,
});
const fixtures: Record<string, DiagramPayload> = Object.fromEntries(
  Object.entries(raw).map(([path, value]) => [path.replace(/^.*\/(.*)\.json$/, '$1'), parseDiagramPayload(value)]),
);
const names = Object.keys(fixtures).sort();

function fixture(name: string): DiagramPayload {
  const f = fixtures[name];
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}

/** The structural golden view of a layout: what D22 says must stay equal. */
function structure(payload: DiagramPayload, layout: DiagramLayout) {
  const name = new Map(payload.boxes.map((b) => [b.id, b.name]));
  return {
    boxes: layout.boxes.map((b) => `${b.box.name} | lane ${b.lane} | ${b.box.boxType} | ${b.box.color} | row ${b.row}`),
    edges: layout.edges.map(
      (e) => `#${e.ordinal} ${name.get(e.from)} -> ${name.get(e.to)} | ${e.category} | ${e.color}${e.dashed ? ' dashed' : ''} | ${e.routing}`,
    ),
  };
}

function overlaps(a: LaidBox, b: LaidBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** True when p lies on the rectangle's outline (within half a pixel; paths are rounded). */
function onOutline(p: Point, r: LaidBox): boolean {
  const eps = 0.51;
  const inX = p.x >= r.x - eps && p.x <= r.x + r.w + eps;
  const inY = p.y >= r.y - eps && p.y <= r.y + r.h + eps;
  const onV = Math.abs(p.x - r.x) <= eps || Math.abs(p.x - r.x - r.w) <= eps;
  const onH = Math.abs(p.y - r.y) <= eps || Math.abs(p.y - r.y - r.h) <= eps;
  return inX && inY && (onV || onH);
}

function pathEnds(path: string): [Point, Point] {
  const nums = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  return [
    { x: nums[0]!, y: nums[1]! },
    { x: nums[nums.length - 2]!, y: nums[nums.length - 1]! },
  ];
}

it('has the fixtures the script writes, including a 50+ conveyance asset', () => {
  expect(names.length).toBeGreaterThanOrEqual(10);
  expect(Math.max(...names.map((n) => fixture(n).meta.transactionCount))).toBeGreaterThanOrEqual(50);
});

describe.each(names)('fixture %s', (name) => {
  const payload = fixture(name);
  const layout = layoutDiagram(payload);
  const boxById = new Map(layout.boxes.map((b) => [b.id, b]));

  it('matches its structural golden (lanes, boxes, edge categories, colours, order)', () => {
    expect(structure(payload, layout)).toMatchSnapshot();
  });

  it('lays out four lanes left to right and every box inside its payload lane', () => {
    expect(layout.lanes.map((l) => l.label)).toEqual(['Inventors', 'Owners', 'Banks / secured parties', 'Third parties']);
    for (let i = 1; i < layout.lanes.length; i += 1) {
      expect(layout.lanes[i]!.x).toBeGreaterThan(layout.lanes[i - 1]!.x);
    }
    expect(layout.boxes).toHaveLength(payload.boxes.length);
    for (const b of layout.boxes) {
      expect(b.lane).toBe(b.box.lane);
      const lane = layout.lanes[b.lane]!;
      expect(b.x).toBeGreaterThanOrEqual(lane.x);
      expect(b.x + b.w).toBeLessThanOrEqual(lane.x + lane.width);
    }
  });

  it('keeps the legacy colours: boxes by type, edges by category (License End, Correct dashed)', () => {
    for (const b of layout.boxes) expect(b.box.color).toBe(BOX_COLOR[b.box.boxType]);
    for (const e of layout.edges) {
      expect({ color: e.color, dashed: e.dashed }).toEqual(CATEGORY_STYLE[e.category]);
    }
  });

  it('draws one edge per connection, in payload (ordinal) order, straight within a lane and curved across', () => {
    expect(layout.edges.map((e) => e.id)).toEqual(payload.connections.map((c) => c.id));
    const ordinals = layout.edges.map((e) => e.ordinal);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    for (const e of layout.edges) {
      const sameLane = boxById.get(e.from)!.lane === boxById.get(e.to)!.lane;
      expect(e.routing).toBe(sameLane ? 'straight' : 'curved');
      expect(e.routing).toBe(e.connection.routing);
      expect(e.path.startsWith('M ')).toBe(true);
      // A party conveying to itself is a small loop beside its box.
      if (e.from !== e.to) expect(e.path.includes(' C ')).toBe(e.routing === 'curved');
    }
  });

  it('runs time down the page: a box that enters later is never above one that entered earlier', () => {
    const dated = layout.boxes.filter((b) => b.box.entryOrdinal !== null);
    for (const a of dated) {
      for (const b of dated) {
        if (a.box.entryOrdinal! < b.box.entryOrdinal!) expect(a.y).toBeLessThan(b.y);
      }
    }
    const ticks = layout.axis.ticks;
    expect(ticks).toHaveLength(payload.meta.transactionCount);
    expect(ticks.map((t) => t.ordinal)).toEqual(ticks.map((_, i) => i + 1));
    for (let i = 1; i < ticks.length; i += 1) expect(ticks[i]!.y).toBeGreaterThan(ticks[i - 1]!.y);
    const dates = ticks.map((t) => t.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
  });

  it('never overlaps two boxes', () => {
    for (let i = 0; i < layout.boxes.length; i += 1) {
      for (let j = i + 1; j < layout.boxes.length; j += 1) {
        expect(overlaps(layout.boxes[i]!, layout.boxes[j]!), `${layout.boxes[i]!.box.name} / ${layout.boxes[j]!.box.name}`).toBe(false);
      }
    }
  });

  it('attaches every edge to its two boxes', () => {
    for (const e of layout.edges) {
      const [start, end] = pathEnds(e.path);
      expect(onOutline(e.start, boxById.get(e.from)!)).toBe(true);
      expect(onOutline(e.end, boxById.get(e.to)!)).toBe(true);
      expect(start.x).toBeCloseTo(e.start.x, 0);
      expect(start.y).toBeCloseTo(e.start.y, 0);
      expect(end.x).toBeCloseTo(e.end.x, 0);
      expect(end.y).toBeCloseTo(e.end.y, 0);
    }
  });

  it('keeps everything inside the canvas', () => {
    for (const b of layout.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.axis.bottom).toBeLessThanOrEqual(layout.height);
  });

  it('is pure: the same payload gives the same layout, and the payload is not modified', () => {
    const before = JSON.stringify(payload);
    expect(layoutDiagram(payload)).toEqual(layout);
    expect(JSON.stringify(payload)).toBe(before);
  });
});

describe('specific real conveyances', () => {
  it('real 14678893: three inventors each get an edge to the one assignee, all ordinal 1 (D22)', () => {
    const payload = fixture('real-14678893-single');
    const layout = layoutDiagram(payload);
    const lanes = layout.boxes.map((b) => [b.box.name, b.lane]);
    expect(lanes).toEqual([
      ['WEINSTEIN, DAMON', 0],
      ['SEGALL, TIMOTHY R.', 0],
      ['LAIOSA, VINCENT E.', 0],
      ['SOUNDBITE COMMUNICATIONS, INC.', 1],
    ]);
    expect(layout.edges.map((e) => [e.ordinal, e.category, e.color, e.routing])).toEqual([
      [1, 'Ownership', OWNERSHIP_RED, 'curved'],
      [1, 'Ownership', OWNERSHIP_RED, 'curved'],
      [1, 'Ownership', OWNERSHIP_RED, 'curved'],
    ]);
  });

  it('real 14029180: three conveyances between the same two boxes fan out instead of overlapping', () => {
    const layout = layoutDiagram(fixture('real-14029180-repeated'));
    expect(layout.edges).toHaveLength(3);
    expect(new Set(layout.edges.map((e) => e.path)).size).toBe(3);
  });

  it('real 13890380: a security goes to the bank lane in orange, the release comes back in green', () => {
    const layout = layoutDiagram(fixture('real-13890380-security-release'));
    expect(layout.edges.map((e) => [e.category, e.color])).toEqual([
      ['Security', '#ffaa00'],
      ['Release', '#70A800'],
    ]);
    expect(layout.boxes.filter((b) => b.lane === 2).map((b) => b.box.name)).toEqual([
      'WELLS FARGO BANK, NATIONAL ASSOCIATION, LONDON BRANCH, AS AGENT',
      'PACIFIC WESTERN BANK (AS SUCCESSOR IN INTEREST BY MERGER TO SQUARE 1 BANK)',
    ]);
  });

  it('real 10431348: a license from a person is yellow, into the licensee box', () => {
    const layout = layoutDiagram(fixture('real-10431348-license'));
    expect(layout.edges.map((e) => [e.category, e.color, e.dashed])).toEqual([['License', LICENSE_YELLOW, false]]);
  });

  it('real 13014379: a change of name is a straight blue edge within the owners lane', () => {
    const layout = layoutDiagram(fixture('real-13014379-namechg'));
    expect(layout.edges.map((e) => [e.category, e.color, e.routing])).toEqual([['Name Change', '#2493f2', 'straight']]);
  });

  it('mixed-third-parties: grantors that never owned the asset land in the third-party lane', () => {
    const layout = layoutDiagram(fixture('mixed-third-parties'));
    const third = layout.boxes.filter((b) => b.lane === 3);
    expect(third.length).toBeGreaterThanOrEqual(5);
    expect(third.every((b) => b.box.boxType === 'third_party')).toBe(true);
  });

  it('mixed-broken: the gap overlay joins the expected holder to the party that conveyed instead', () => {
    const payload = fixture('mixed-broken');
    const layout = layoutDiagram(payload);
    expect(payload.isBrokenTitle).toBe(true);
    const gap = layout.gap!;
    expect(gap.seq).toBe(payload.headlineBreak!.seq);
    const from = layout.boxes.find((b) => b.id === gap.from)!;
    const to = layout.boxes.find((b) => b.id === gap.to)!;
    expect(payload.headlineBreak!.expected).toContain(from.box.name);
    expect(payload.headlineBreak!.actual).toContain(to.box.name);
    expect(onOutline(gap.start, from)).toBe(true);
    expect(onOutline(gap.end, to)).toBe(true);
  });

  it('no break, no overlay', () => {
    expect(layoutDiagram(fixture('real-14678893-single')).gap).toBeNull();
  });
});

describe('the 50+ conveyance asset', () => {
  const payload = fixture('synthetic-long-60');

  it('has 60 conveyances and stays bounded: four lanes wide, one row per conveyance tall', () => {
    const layout = layoutDiagram(payload);
    const o = DEFAULT_LAYOUT_OPTIONS;
    expect(payload.meta.transactionCount).toBe(60);
    expect(layout.width).toBe(o.axisWidth + 4 * (o.boxWidth + o.laneGap));
    const pitch = o.boxHeight + o.rowGap;
    // Rows only grow where several parties enter together in one lane: at most one extra
    // pitch per extra box, and on average well under two pitches per conveyance.
    const margins = o.headerHeight + o.footerHeight + 2 * o.rowGap;
    expect(layout.height).toBeLessThanOrEqual(margins + (60 + payload.boxes.length) * pitch);
    expect((layout.height - margins) / 60).toBeLessThan(2 * pitch);
    for (const n of [layout.width, layout.height, ...layout.boxes.flatMap((b) => [b.x, b.y])]) {
      expect(Number.isFinite(n)).toBe(true);
    }
  });

  it('lays out quickly (frontend.md §6: 300 connections in 300 ms; this is 64)', () => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i += 1) layoutDiagram(payload);
    expect((performance.now() - t0) / 20).toBeLessThan(30);
  });
});

it('a connection to an unknown box is rejected at the boundary', () => {
  const bad = { ...fixture('real-09364302-merger') };
  bad.connections = [{ ...bad.connections[0]!, to: 'nope' }];
  expect(() => parseDiagramPayload(bad)).toThrow(/does not exist/);
});
