/**
 * Search snippets (frontend.md §3.10; api.md §3.2 #21): the server HTML-escapes the matched
 * text and wraps only the matches in `<mark>`. The SPA never injects that string as HTML:
 * it is split into plain-text and marked segments, entities decoded, and rendered as React
 * text nodes, so any other markup (a stray `<b>`, a script) stays visible, escaped text.
 */

export interface SnippetSegment {
  text: string;
  mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the entities Python's html.escape produces (plus numeric ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** `a <mark>b</mark> c` → [{a }, {b, mark}, { c}]; unbalanced tags end the mark at the end. */
export function parseSnippet(snippet: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let mark = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (part !== '') {
      const text = decodeEntities(part);
      const last = out[out.length - 1];
      if (last && last.mark === mark) last.text += text;
      else out.push({ text, mark });
    }
  }
  return out;
}
