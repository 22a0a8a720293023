/**
 * `/diagram-preview/:fixture` — a dev/demo route that draws a stored payload fixture without
 * the backend (screenshots, design review). Fixtures and the diagram load lazily.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { FIXTURES, loadFixture } from '../diagram/fixtures.ts';

const Diagram = lazy(() => import('../diagram/Diagram.tsx'));

export default function DiagramPreviewPage() {
  const { fixture } = useParams();
  const payload = useQuery({
    queryKey: ['fixture', fixture],
    queryFn: () => loadFixture(fixture ?? ''),
    enabled: Boolean(fixture),
  });
  return (
    <main id="main" tabIndex={-1} className="preview">
      <nav aria-label="Diagram fixtures" className="preview__nav">
        <h1 className="small">Diagram preview</h1>
        <ul>
          {FIXTURES.map((f) => (
            <li key={f.name}>
              <Link to={`/diagram-preview/${f.name}`} aria-current={f.name === fixture ? 'page' : undefined} title={f.description}>
                {f.name}
              </Link>{' '}
              <span className="muted small">({f.transactions})</span>
            </li>
          ))}
        </ul>
      </nav>
      <div className="preview__body">
        {!fixture && <p>Pick a fixture.</p>}
        {fixture && payload.isPending && <Skeleton lines={6} />}
        {payload.isError && <ErrorPanel error={payload.error} />}
        {payload.data === null && <p>No fixture named “{fixture}”.</p>}
        {payload.data && (
          <Suspense fallback={<Skeleton lines={6} label="Loading the diagram…" />}>
            <Diagram key={fixture} payload={payload.data} />
          </Suspense>
        )}
      </div>
    </main>
  );
}
