/**
 * The table view: the diagram's text alternative (frontend.md §4.3, §6) — ordinal, date,
 * category, from -> to, reel/frame — for the connections currently visible.
 */
import type { DiagramLayout } from './layout.ts';
import type { Visible } from './visibility.ts';

export function DiagramTable({ layout, visible, onSelect }: { layout: DiagramLayout; visible: Visible; onSelect: (id: string) => void }) {
  const names = new Map(layout.boxes.map((b) => [b.id, b.box.name]));
  const rows = layout.edges.filter((e) => visible.edges.has(e.id));
  return (
    <div className="table-wrap">
      <table className="diagram-table">
        <caption>Conveyances in date order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Date</th>
            <th scope="col">Category</th>
            <th scope="col">From → to</th>
            <th scope="col">Reel/frame</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>{e.ordinal}</td>
              <td>{e.connection.execDate ?? e.connection.recordDate ?? '—'}</td>
              <td>
                <span className="swatch" style={{ background: e.color }} aria-hidden="true" /> {e.category}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(e.id)}>
                  {names.get(e.from)} → {names.get(e.to)}
                </button>
              </td>
              <td>
                {e.connection.reelNo}/{e.connection.frameNo}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
