/**
 * Admin `/admin/*` (frontend.md §3.11; every view deep-linkable, §5.3). Super admins get the
 * whole panel; org admins only their own organization's Pipeline tab (issue 8: "org admins
 * see their org's part"; the API allows them its stream, history and rebuild); members
 * never get here (the route guard sends them to /403). A paused queue shows a banner
 * across the panel.
 */
import { Navigate, NavLink, useParams } from 'react-router';
import { useMe, type Me } from '../app/session.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import './admin/admin.css';
import { FreshnessPage } from './admin/Freshness.tsx';
import { IngestionPage, PausedBanner } from './admin/Ingestion.tsx';
import { JobsPage } from './admin/Jobs.tsx';
import { NewOrganization, OrganizationDetail, OrganizationList } from './admin/Organizations.tsx';
import { OverviewPage } from './admin/Overview.tsx';
import { PipelineTab } from './admin/PipelineTab.tsx';
import { FixItemsPage, TransactionsPage } from './admin/Transactions.tsx';

const SECTIONS = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/organizations', label: 'Organizations', end: false },
  { to: '/admin/transactions', label: 'Transactions', end: true },
  { to: '/admin/fix-items', label: 'Fix items', end: true },
  { to: '/admin/ingestion', label: 'Ingestion', end: true },
  { to: '/admin/ingestion/jobs', label: 'Jobs', end: false },
  { to: '/admin/ingestion/freshness', label: 'Freshness', end: true },
] as const;

export default function AdminPage() {
  const me = useMe();
  const { section = '', '*': rest = '' } = useParams();
  if (!me.data) return <Skeleton label="Checking your session…" />;
  const parts = rest.split('/').filter(Boolean);
  if (me.data.role !== 'super_admin') return <OrgAdminView me={me.data} section={section} parts={parts} />;
  return (
    <section aria-labelledby="admin-title" className="page-wide admin">
      <h1 id="admin-title">Admin</h1>
      <nav aria-label="Admin sections" className="tabs">
        {SECTIONS.map((s) => (
          <NavLink key={s.to} to={s.to} end={s.end} className="tab">
            {s.label}
          </NavLink>
        ))}
      </nav>
      <PausedBanner />
      <SectionView section={section} parts={parts} />
    </section>
  );
}

function SectionView({ section, parts }: { section: string; parts: string[] }) {
  const [a, b] = parts;
  switch (section) {
    case '':
      return <OverviewPage />;
    case 'organizations':
      if (!a) return <OrganizationList />;
      if (a === 'new') return <NewOrganization />;
      return <OrganizationDetail key={a} orgId={a} tab={b ?? 'overview'} />;
    case 'transactions':
      return <TransactionsPage />;
    case 'fix-items':
      return <FixItemsPage />;
    case 'ingestion':
      if (a === 'jobs') return <JobsPage jobId={b ?? null} />;
      if (a === 'freshness') return <FreshnessPage />;
      return <IngestionPage />;
    default:
      return <Navigate to="/admin" replace />;
  }
}

/** An org admin: their own organization's pipeline (rebuild, live stepper, history). */
function OrgAdminView({ me, section, parts }: { me: Me; section: string; parts: string[] }) {
  const own = me.organizationId;
  if (!own) return <Navigate to="/403" replace />;
  const pipeline = `/admin/organizations/${own}/pipeline`;
  if (section === '') return <Navigate to={pipeline} replace />;
  if (section !== 'organizations' || parts[0] !== own) return <Navigate to="/403" replace />;
  if (parts[1] !== 'pipeline') return <Navigate to={pipeline} replace />;
  return (
    <section aria-labelledby="admin-title" className="page-wide admin">
      <h1 id="admin-title">{me.organizationName ?? 'Your organization'}</h1>
      <nav aria-label="Organization tabs" className="tabs">
        <NavLink to={pipeline} className="tab">
          Pipeline
        </NavLink>
      </nav>
      <PipelineTab orgId={own} superAdmin={false} />
    </section>
  );
}
