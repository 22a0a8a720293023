import { describe, expect, it } from 'vitest';
import realSecurity from './__fixtures__/real-13890380-security-release.json';
import thirdParties from './__fixtures__/mixed-third-parties.json';
import { layoutDiagram } from './layout.ts';
import { CATEGORY_ORDER } from './palette.ts';
import { parseDiagramPayload } from './payload.ts';
import { clampScale, fitView, zoomAt } from './useZoomPan.ts';
import { boxesInTimeOrder, diagramSummary, edgesInDateOrder, stepIndex, visibleParts } from './visibility.ts';

const all = new Set(CATEGORY_ORDER);

describe('visibleParts (frontend.md §4.2 filters and playback)', () => {
  const layout = layoutDiagram(parseDiagramPayload(thirdParties));

  it('shows everything by default, third parties included (D22)', () => {
    const v = visibleParts(layout, { categories: all, step: null, showThirdParties: true });
    expect(v.edges.size).toBe(layout.edges.length);
  });

  it('a category filter hides its edges and the boxes left without a connection', () => {
    const v = visibleParts(layout, { categories: new Set(['Ownership']), step: null, showThirdParties: true });
    expect([...v.edges].every((id) => layout.edges.find((e) => e.id === id)!.category === 'Ownership')).toBe(true);
    expect(layout.boxes.filter((b) => b.lane === 2).every((b) => !v.boxes.has(b.id))).toBe(true);
  });

  it('playback step n keeps conveyances 1..n only', () => {
    const v = visibleParts(layout, { categories: all, step: 2, showThirdParties: true });
    expect([...v.edges].map((id) => layout.edges.find((e) => e.id === id)!.ordinal).every((o) => o <= 2)).toBe(true);
    expect(visibleParts(layout, { categories: all, step: 0, showThirdParties: true }).boxes.size).toBe(0);
  });

  it('"Show third parties" off hides lane 3 and its edges', () => {
    const v = visibleParts(layout, { categories: all, step: null, showThirdParties: false });
    expect(layout.boxes.filter((b) => b.lane === 3).some((b) => v.boxes.has(b.id))).toBe(false);
  });
});

describe('keyboard order', () => {
  const layout = layoutDiagram(parseDiagramPayload(realSecurity));
  it('boxes go down the page, edges by ordinal, and stepping wraps', () => {
    const ys = boxesInTimeOrder(layout.boxes).map((b) => b.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(edgesInDateOrder(layout.edges).map((e) => e.ordinal)).toEqual([1, 2]);
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});

describe('summary (frontend.md §6)', () => {
  it('names the break', () => {
    expect(diagramSummary(23, 9, { expected: ['X'], actual: ['Y'] })).toBe('23 transactions, 9 parties, broken between X and Y');
    expect(diagramSummary(1, 1, null)).toBe('1 transaction, 1 party');
  });
});

describe('zoom and fit (frontend.md §4.2)', () => {
  it('opens fitted, or fitted to width when fitting would go below 0.5x', () => {
    const fitted = fitView({ width: 1000, height: 800 }, { width: 1000, height: 800 });
    expect(fitted.scale).toBe(1);
    const tall = fitView({ width: 1000, height: 5000 }, { width: 800, height: 600 });
    expect(tall.scale).toBeCloseTo(0.8);
    expect(tall.y).toBe(0);
  });

  it('zooms around the pointer within 0.25x-4x', () => {
    const v = zoomAt({ scale: 1, x: 0, y: 0 }, 2, 100, 100);
    expect(v).toEqual({ scale: 2, x: -100, y: -100 });
    expect(clampScale(10)).toBe(4);
    expect(clampScale(0.01)).toBe(0.25);
  });
});
