import { describe, expect, it } from 'vitest';
import { cloudTable, fontRem, layoutCloud, MAX_REM, MIN_REM } from './cloud.ts';

const items = [
  { code: 'H04L', count: 40, weight: 1 },
  { code: 'G06F', count: 10, weight: 0.25 },
  { code: 'A61B', count: 0, weight: 0 },
  { code: 'Y02E', count: 10, weight: 0.25 },
];

describe('CPC cloud layout', () => {
  it('sizes by weight within bounds', () => {
    expect(fontRem(1)).toBe(MAX_REM);
    expect(fontRem(0)).toBe(MIN_REM);
    expect(fontRem(0.25)).toBeCloseTo(MIN_REM + (MAX_REM - MIN_REM) * 0.5, 2);
    expect(fontRem(7)).toBe(MAX_REM);
    expect(fontRem(Number.NaN)).toBe(MIN_REM);
  });

  it('is stable whatever the input order', () => {
    const a = layoutCloud(items).map((w) => w.code);
    const b = layoutCloud([...items].reverse()).map((w) => w.code);
    expect(a).toEqual(b);
    expect(new Set(a)).toEqual(new Set(items.map((i) => i.code)));
  });

  it('tints by section', () => {
    const words = Object.fromEntries(layoutCloud(items).map((w) => [w.code, w]));
    expect(words.H04L!.section).toBe('H');
    expect(words.H04L!.hue).not.toBe(words.G06F!.hue);
  });

  it('gives a table biggest first', () => {
    expect(cloudTable(items).map((i) => i.code)).toEqual(['H04L', 'G06F', 'Y02E', 'A61B']);
  });
});
