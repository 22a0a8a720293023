/**
 * The connection panel (frontend.md §4.2 "Click an edge"): a drawer on desktop, a bottom
 * sheet on phones (CSS). Shows what the payload carries; the legacy connection fields and
 * documents come from `…/assignments?rfId=` once that endpoint is in the contract (§7 gap 2).
 */
import { useEffect, useRef } from 'react';
import type { LaidEdge } from './layout.ts';

function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const d = (Date.parse(b) - Date.parse(a)) / 86_400_000;
  return Number.isFinite(d) ? Math.round(d) : null;
}

function unique(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return [...new Set(ids)].map((id) => names.get(id) ?? id);
}

/** One conveyance = every edge sharing its rfId (one per assignor->assignee pair, D22). */
export function DiagramPanel({
  edges,
  names,
  total,
  onClose,
}: {
  edges: readonly LaidEdge[];
  names: ReadonlyMap<string, string>;
  total: number;
  onClose: () => void;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const edge = edges[0]!;
  useEffect(() => closeRef.current?.focus(), [edge.id]);
  const c = edge.connection;
  const assignors = unique(edges.map((e) => e.from), names);
  const assignees = unique(edges.map((e) => e.to), names);
  const days = daysBetween(c.execDate, c.recordDate);
  return (
    <aside
      className="diagram-panel"
      aria-labelledby="conn-title"
      role="dialog"
      aria-modal="false"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="diagram-panel__head">
        <h2 id="conn-title">
          <span className="swatch" style={{ background: edge.color }} aria-hidden="true" /> {edge.category}
        </h2>
        <button ref={closeRef} type="button" onClick={onClose} aria-label="Close connection details">
          ✕
        </button>
      </div>
      <dl className="kv">
        <dt>Conveyance</dt>
        <dd>
          #{edge.ordinal} of {total}
        </dd>
        <dt>Reel/frame</dt>
        <dd>
          {c.reelNo}/{c.frameNo}
        </dd>
        <dt>{assignors.length > 1 ? 'Assignors' : 'Assignor'}</dt>
        <dd>{assignors.join('; ')}</dd>
        <dt>{assignees.length > 1 ? 'Assignees' : 'Assignee'}</dt>
        <dd>{assignees.join('; ')}</dd>
        <dt>Executed</dt>
        <dd>{c.execDate ?? '—'}</dd>
        <dt>Recorded</dt>
        <dd>
          {c.recordDate ?? '—'}
          {days !== null && <span className="muted"> ({days} days later)</span>}
        </dd>
        <dt>Type</dt>
        <dd>
          {c.conveyanceType}
          {c.employerAssign ? ' (employer)' : ''}
        </dd>
      </dl>
    </aside>
  );
}
