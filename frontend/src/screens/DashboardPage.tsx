/**
 * Dashboard `/?view=kpi|attention|activity` (frontend.md §3.3). The tab lives in the URL
 * (§5.3 deep links). Figures come only from the API; until its endpoints are in the
 * contract each tab says so.
 */
import { Link, useSearchParams } from 'react-router';
import { ContractQuery } from '../components/ContractQuery.tsx';
import { dataOf, isRecord } from '../components/fields.ts';

const VIEWS = [
  { id: 'kpi', label: 'KPIs' },
  { id: 'attention', label: 'Attention' },
  { id: 'activity', label: 'Activity' },
] as const;

function Figures({ body }: { body: unknown }) {
  const data = dataOf(body);
  const numbers = isRecord(data) ? Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number') : [];
  if (numbers.length === 0) return <p className="muted">No figures yet.</p>;
  return (
    <dl className="cards">
      {numbers.map(([k, v]) => (
        <div className="card stat" key={k}>
          <dt>{k}</dt>
          <dd>{v.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function DashboardPage() {
  const [params] = useSearchParams();
  const view = VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'kpi';
  return (
    <section aria-labelledby="dash-title" className="page-wide">
      <h1 id="dash-title">Dashboard</h1>
      <nav aria-label="Dashboard views" className="tabs">
        {VIEWS.map((v) => (
          <Link key={v.id} to={`/?view=${v.id}`} aria-current={v.id === view ? 'page' : undefined} className="tab">
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'kpi' && (
        <ContractQuery what="The dashboard summary" template="/api/v1/dashboards/summary" path="/api/v1/dashboards/summary">
          {(body) => <Figures body={body} />}
        </ContractQuery>
      )}
      {view === 'attention' && (
        <ContractQuery
          what="The broken-title list"
          template="/api/v1/dashboards/broken-titles"
          path="/api/v1/dashboards/broken-titles"
          query={{ limit: '10' }}
        >
          {(body) => <p>{Array.isArray(dataOf(body)) ? `${(dataOf(body) as unknown[]).length} broken titles` : 'No data.'}</p>}
        </ContractQuery>
      )}
      {view === 'activity' && (
        <ContractQuery what="Recent assignments" template="/api/v1/events/assignments" path="/api/v1/events/assignments" query={{ days: '30' }}>
          {(body) => <p>{Array.isArray(dataOf(body)) ? `${(dataOf(body) as unknown[]).length} recent assignments` : 'No data.'}</p>}
        </ContractQuery>
      )}
    </section>
  );
}
