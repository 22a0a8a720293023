import { describe, expect, it } from 'vitest';
import { parseSearchState, searchQuery, serialiseSearchState } from './searchState.ts';

describe('search URL state', () => {
  it('defaults the fields and trims q', () => {
    expect(parseSearchState(new URLSearchParams('q=%20widget%20'))).toEqual({ q: 'widget', fields: ['title', 'number', 'assignee'] });
  });

  it('keeps only known fields, in a canonical order', () => {
    const s = parseSearchState(new URLSearchParams('q=x&fields=inventor&fields=bogus&fields=title'));
    expect(s.fields).toEqual(['title', 'inventor']);
    expect(serialiseSearchState(s).toString()).toBe('q=x&fields=title&fields=inventor');
  });

  it('writes short default links and round-trips', () => {
    const s = { q: 'acme', fields: ['assignee', 'number', 'title'] as const };
    expect(serialiseSearchState({ ...s, fields: [...s.fields] }).toString()).toBe('q=acme');
    expect(searchQuery({ q: 'acme', fields: ['title', 'number', 'assignee'] })).toEqual({ q: 'acme', fields: undefined });
    expect(searchQuery({ q: 'acme', fields: ['inventor'] })).toEqual({ q: 'acme', fields: ['inventor'] });
  });
});
