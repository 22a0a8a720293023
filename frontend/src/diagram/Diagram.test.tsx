/**
 * The diagram component renders every stored fixture (server-side render: no DOM needed):
 * one SVG group per visible box and edge, the gap overlay on broken titles, the accessible
 * name and summary, and the category filters present in the payload.
 */
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import Diagram from './Diagram.tsx';
import { parseDiagramPayload } from './payload.ts';
import type { DiagramPayload } from './types.ts';

const raw = import.meta.glob<unknown>(['./__fixtures__/*.json', '!./__fixtures__/index.json'], { import: 'default', eager: true });
const fixtures = Object.entries(raw).map(
  ([path, value]) => [path.replace(/^.*\/(.*)\.json$/, '$1'), parseDiagramPayload(value)] as [string, DiagramPayload],
);

function render(payload: DiagramPayload, url = '/'): string {
  return strip(renderToString(
    <MemoryRouter initialEntries={[url]}>
      <Diagram payload={payload} />
    </MemoryRouter>,
  ));
}

/** React's SSR separates adjacent text nodes with empty comments. */
function strip(html: string): string {
  return html.replaceAll('<!-- -->', '');
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe.each(fixtures)('Diagram on %s', (_name, payload) => {
  const html = render(payload);
  const connected = new Set(payload.connections.flatMap((c) => [c.from, c.to]));

  it('draws every connection and every connected box (unconnected boxes stay hidden)', () => {
    expect(count(html, 'data-edge="')).toBe(payload.connections.length);
    expect(count(html, 'data-box="')).toBe(connected.size);
  });

  it('is a named figure with a summary and a keyboard-operable canvas', () => {
    expect(html).toContain('<figure');
    expect(html).toContain(`${payload.meta.transactionCount} transaction`);
    expect(html).toContain('role="application"');
    expect(html).toContain('tabindex="0"');
  });

  it('offers a filter for each category present', () => {
    for (const c of new Set(payload.connections.map((x) => x.category))) expect(html).toContain(`${c}</label>`);
  });

  it('draws the gap overlay exactly when the title has a located break', () => {
    expect(html.includes('data-gap')).toBe(payload.headlineBreak !== null);
  });
});

describe('URL state', () => {
  const long = fixtures.find(([n]) => n === 'synthetic-long-60')![1];

  it('?step=n shows only conveyances up to n (playback)', () => {
    const html = render(long, '/?step=5');
    const upTo5 = long.connections.filter((c) => c.ordinal <= 5).length;
    expect(count(html, 'data-edge="')).toBe(upTo5);
    expect(html).toContain(`5 / ${long.meta.transactionCount}`);
  });

  it('?conn=<rfId> opens the connection panel for that conveyance', () => {
    const target = long.connections[3]!;
    const html = render(long, `/?conn=${target.rfId}`);
    expect(html).toContain('role="dialog"');
    expect(html).toContain(`${target.reelNo}/${target.frameNo}`);
  });

  it('a multi-party conveyance opens one panel naming all its assignors (D22 edges share the rfId)', () => {
    const single = fixtures.find(([n]) => n === 'real-14678893-single')![1];
    const html = render(single, `/?conn=${single.connections[0]!.rfId}`);
    const panel = html.slice(html.indexOf('role="dialog"'));
    expect(panel).toContain('Assignors');
    for (const name of ['WEINSTEIN, DAMON', 'SEGALL, TIMOTHY R.', 'LAIOSA, VINCENT E.']) expect(panel).toContain(name);
  });

  it('?display=table shows the table view, the text alternative (frontend.md §4.3)', () => {
    const html = render(long, '/?display=table');
    expect(html).toContain('<caption>Conveyances in date order</caption>');
    expect(count(html, '<tr>')).toBe(long.connections.length + 1);
  });

  it('export buttons are hidden in the read-only share mode (frontend.md §4.6)', () => {
    const shared = renderToString(
      <MemoryRouter>
        <Diagram payload={long} mode="shared" />
      </MemoryRouter>,
    );
    expect(shared).not.toContain('>SVG<');
    expect(render(long)).toContain('>SVG<');
  });
});
