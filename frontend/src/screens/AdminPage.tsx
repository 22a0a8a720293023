/** Admin `/admin/*` (frontend.md §3.11; super admins only — the route guard checks /me). */
import { NavLink, useParams } from 'react-router';
import { ContractQuery } from '../components/ContractQuery.tsx';

const SECTIONS = [
  { id: '', label: 'Overview', template: '/api/v1/admin/overview' },
  { id: 'organizations', label: 'Organizations', template: '/api/v1/admin/organizations' },
  { id: 'transactions', label: 'Transactions', template: '/api/v1/admin/transactions' },
  { id: 'ingestion', label: 'Ingestion', template: '/api/v1/admin/ingestion/status' },
] as const;

export default function AdminPage() {
  const { section = '' } = useParams();
  const active = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  return (
    <section aria-labelledby="admin-title" className="page-wide">
      <h1 id="admin-title">Admin</h1>
      <nav aria-label="Admin sections" className="tabs">
        {SECTIONS.map((s) => (
          <NavLink key={s.id} to={s.id ? `/admin/${s.id}` : '/admin'} end className="tab">
            {s.label}
          </NavLink>
        ))}
      </nav>
      <ContractQuery what={active.label} template={active.template} path={active.template}>
        {(body) => <pre className="raw">{JSON.stringify(body, null, 2)}</pre>}
      </ContractQuery>
    </section>
  );
}
