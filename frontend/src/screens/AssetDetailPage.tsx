/**
 * Asset detail `/assets/:id/:tab` (frontend.md §3.5): every tab is a deep link. The diagram
 * tab loads the diagram chunk only when opened (React.lazy).
 */
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, useParams } from 'react-router';
import { ContractQuery } from '../components/ContractQuery.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { parseDiagramPayload } from '../diagram/payload.ts';

const Diagram = lazy(() => import('../diagram/Diagram.tsx'));

export const ASSET_TABS = ['overview', 'assignments', 'family', 'cpc', 'maintenance', 'citations', 'diagram', 'documents'] as const;
type Tab = (typeof ASSET_TABS)[number];

const ENDPOINT: Readonly<Record<Tab, string>> = {
  overview: '',
  assignments: '/assignments',
  family: '/family',
  cpc: '/cpc',
  maintenance: '/maintenance',
  citations: '/citations',
  diagram: '/diagram',
  documents: '/assignments',
};

function DiagramTab({ body }: { body: unknown }) {
  let payload;
  try {
    payload = parseDiagramPayload(body);
  } catch (error) {
    return <ErrorPanel error={error} title="The diagram could not be read." />;
  }
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading the diagram…" />}>
      <Diagram payload={payload} />
    </Suspense>
  );
}

export default function AssetDetailPage() {
  const { id = '', tab } = useParams();
  const active = ASSET_TABS.find((t) => t === tab);
  if (!active) return <Navigate to={`/assets/${encodeURIComponent(id)}/overview`} replace />;
  const template = `/api/v1/assets/{id}${ENDPOINT[active]}`;
  const path = `/api/v1/assets/${encodeURIComponent(id)}${ENDPOINT[active]}`;
  return (
    <section aria-labelledby="asset-title" className="page-wide">
      <h1 id="asset-title">Asset {id}</h1>
      <nav aria-label="Asset sections" className="tabs">
        {ASSET_TABS.map((t) => (
          <NavLink key={t} to={`/assets/${encodeURIComponent(id)}/${t}`} className="tab">
            {t[0]!.toUpperCase() + t.slice(1)}
          </NavLink>
        ))}
      </nav>
      <ContractQuery what={`The ${active} tab`} template={template} path={path}>
        {(body) =>
          active === 'diagram' ? (
            <DiagramTab body={body} />
          ) : (
            <pre className="raw">{JSON.stringify(body, null, 2)}</pre>
          )
        }
      </ContractQuery>
    </section>
  );
}
