import { describe, expect, it } from 'vitest';
import { flattenPages, readPage } from './pages.ts';

describe('paginated envelopes (api.md §1.2, §1.4)', () => {
  it('reads data, cursor and total', () => {
    const page = readPage({ data: [{ id: 'a' }, { id: 'b' }], cursor: { next: 'c1', hasMore: true }, total: 12, totalIsApproximate: false });
    expect(page).toEqual({ rows: [{ id: 'a' }, { id: 'b' }], next: 'c1', total: 12, approximate: false });
  });

  it('stops when hasMore is false even if a cursor is present, and flags estimates', () => {
    expect(readPage({ data: [], cursor: { next: 'x', hasMore: false }, total: 5, totalExact: false })).toMatchObject({
      next: null,
      approximate: true,
    });
  });

  it('accepts bounded lists and bare arrays, dropping non-objects', () => {
    expect(readPage({ data: [{ code: 'A' }, 3, null] }).rows).toEqual([{ code: 'A' }]);
    expect(readPage([{ id: 1 }])).toMatchObject({ rows: [{ id: 1 }], next: null, total: null });
    expect(readPage('<html>')).toEqual({ rows: [], next: null, total: null, approximate: false });
  });

  it('flattens pages in order and keeps the newest total', () => {
    const out = flattenPages([
      { rows: [{ i: 1 }], next: 'n', total: 3, approximate: false },
      { rows: [{ i: 2 }, { i: 3 }], next: null, total: 3, approximate: false },
    ]);
    expect(out).toEqual({ rows: [{ i: 1 }, { i: 2 }, { i: 3 }], total: 3, approximate: false });
    expect(flattenPages([])).toEqual({ rows: [], total: null, approximate: false });
  });
});
