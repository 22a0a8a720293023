import { describe, expect, it } from 'vitest';
import { enumParam, intParam, optionalIntParam, patchParams, textParam } from './urlParams.ts';

const p = (s: string) => new URLSearchParams(s);

describe('URL state readers', () => {
  it('falls back for unknown enum values', () => {
    expect(enumParam(p('status=due'), 'status', ['all', 'due'] as const, 'all')).toBe('due');
    expect(enumParam(p('status=DROP'), 'status', ['all', 'due'] as const, 'all')).toBe('all');
    expect(enumParam(p(''), 'status', ['all', 'due'] as const, 'all')).toBe('all');
  });

  it('reads bounded integers only', () => {
    expect(intParam(p('days=90'), 'days', 1, 365, 30)).toBe(90);
    expect(intParam(p('days=0'), 'days', 1, 365, 30)).toBe(30);
    expect(intParam(p('days=366'), 'days', 1, 365, 30)).toBe(30);
    expect(intParam(p('days=1e2'), 'days', 1, 365, 30)).toBe(30);
    expect(intParam(p('days=12abc'), 'days', 1, 365, 30)).toBe(30);
    expect(optionalIntParam(p('year=2015'), 'year', 1790, 2100)).toBe(2015);
    expect(optionalIntParam(p('year=15'), 'year', 1790, 2100)).toBeNull();
    expect(optionalIntParam(p(''), 'year', 1790, 2100)).toBeNull();
  });

  it('trims and caps free text', () => {
    expect(textParam(p('q=%20%20acme%20'), 'q')).toBe('acme');
    expect(textParam(p(`q=${'x'.repeat(300)}`), 'q')).toHaveLength(255);
  });
});

describe('patchParams', () => {
  it('sets, removes empties and defaults, keeps the rest', () => {
    const next = patchParams(p('tab=1&keep=yes&cursor=abc'), { tab: 0, type: '3', q: '' }, { tab: 0 }, ['cursor']);
    expect(next.toString()).toBe('keep=yes&type=3');
  });

  it('does not mutate its input', () => {
    const prev = p('a=1');
    patchParams(prev, { a: null });
    expect(prev.get('a')).toBe('1');
  });
});
