import { describe, expect, it } from 'vitest';
import { needsMore, windowRange } from './windowing.ts';

describe('windowed table arithmetic (frontend.md §5.1)', () => {
  it('renders a small, bounded window of 100,000 rows wherever the user scrolls', () => {
    const rowHeight = 44;
    for (const scrollTop of [0, 1_000_000, 44 * 99_990, 10 ** 9]) {
      const [start, end] = windowRange(scrollTop, 600, rowHeight, 100_000);
      expect(end - start).toBeLessThanOrEqual(16 + 20);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(100_000);
      expect(end).toBeGreaterThan(start);
    }
    expect(windowRange(0, 600, 44, 100_000)[0]).toBe(0);
    expect(windowRange(44 * 50_000, 600, 44, 100_000)).toEqual([49_990, 50_025]);
  });

  it('handles empty and short lists', () => {
    expect(windowRange(0, 600, 44, 0)).toEqual([0, 0]);
    expect(windowRange(0, 600, 44, 3)).toEqual([0, 3]);
  });

  it('asks for the next page near the end only, and never twice at once', () => {
    expect(needsMore(10, 100, true, false)).toBe(false);
    expect(needsMore(80, 100, true, false)).toBe(true);
    expect(needsMore(99, 100, true, true)).toBe(false);
    expect(needsMore(99, 100, false, false)).toBe(false);
    expect(needsMore(0, 0, true, false)).toBe(false);
  });
});
