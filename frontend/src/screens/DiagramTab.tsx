/** The diagram of one payload (app or share), lazily loaded (frontend.md §4, §6 budgets). */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { familyOfKey } from '../app/liveEvents.ts';
import { useLive } from '../app/liveEventsProvider.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { parseDiagramPayload } from '../diagram/payload.ts';

const Diagram = lazy(() => import('../diagram/Diagram.tsx'));

/** frontend.md §5.9: an open diagram never redraws itself when the data changes; it offers
 * to. The live provider only marks diagram queries stale and bumps `diagramGeneration`. */
function StaleDiagramNotice() {
  const { diagramGeneration } = useLive();
  const [drawn, setDrawn] = useState(diagramGeneration);
  const client = useQueryClient();
  if (diagramGeneration <= drawn) return null;
  return (
    <div className="notice diagram-stale" role="status">
      <span>The ownership data changed since this diagram was drawn.</span>
      <button
        type="button"
        onClick={() => {
          setDrawn(diagramGeneration);
          void client.invalidateQueries({ predicate: (q) => familyOfKey(q.queryKey) === 'diagram' });
        }}
      >
        New data — refresh diagram
      </button>
    </div>
  );
}

export function DiagramTab({ body, mode = 'app' }: { body: unknown; mode?: 'app' | 'shared' }) {
  let payload;
  try {
    payload = parseDiagramPayload(body);
  } catch (error) {
    return <ErrorPanel error={error} title="The diagram could not be read." />;
  }
  if (payload.boxes.length === 0) return <p className="muted">No recorded conveyances yet, so there is nothing to draw.</p>;
  return (
    <>
      {mode === 'app' && <StaleDiagramNotice />}
      <Suspense fallback={<Skeleton lines={6} label="Loading the diagram…" />}>
        <Diagram payload={payload} mode={mode} />
      </Suspense>
    </>
  );
}
