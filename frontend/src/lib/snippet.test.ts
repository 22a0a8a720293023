import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet.ts';

describe('search snippets (only the server <mark> is markup)', () => {
  it('splits marked and plain text', () => {
    expect(parseSnippet('…a <mark>Widget</mark> for <mark>widget</mark>s…')).toEqual([
      { text: '…a ', mark: false },
      { text: 'Widget', mark: true },
      { text: ' for ', mark: false },
      { text: 'widget', mark: true },
      { text: 's…', mark: false },
    ]);
  });

  it('decodes escaped text so it is shown, never parsed as HTML', () => {
    const segments = parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>A&amp;B</mark> &#x27;q&#x27;');
    expect(segments.map((s) => s.text).join('')).toBe("<script>alert(1)</script> & A&B 'q'");
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['A&B']);
  });

  it('keeps any other tag as literal text', () => {
    expect(parseSnippet('<b>bold</b>')).toEqual([{ text: '<b>bold</b>', mark: false }]);
  });

  it('handles an empty snippet and unknown entities', () => {
    expect(parseSnippet('')).toEqual([]);
    expect(decodeEntities('&nope; &#65;')).toBe('&nope; A');
  });
});
