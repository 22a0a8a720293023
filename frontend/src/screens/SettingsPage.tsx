/**
 * Settings `/settings/:tab` (frontend.md §3.10): profile and security for everyone;
 * organization, users and integrations for org admins (D5) — the route guard hides them
 * from members, the API enforces it.
 */
import { Navigate, NavLink, useParams } from 'react-router';
import { RequireRole } from '../app/guards.tsx';
import { hasRole, useMe, type Role } from '../app/session.ts';

const TABS: ReadonlyArray<{ id: string; label: string; role: Role }> = [
  { id: 'profile', label: 'Profile', role: 'org_member' },
  { id: 'security', label: 'Security', role: 'org_member' },
  { id: 'organization', label: 'Organization', role: 'org_admin' },
  { id: 'users', label: 'Users', role: 'org_admin' },
  { id: 'integrations', label: 'Integrations', role: 'org_admin' },
];

export default function SettingsPage() {
  const { tab } = useParams();
  const me = useMe();
  const active = TABS.find((t) => t.id === tab);
  if (!active) return <Navigate to="/settings/profile" replace />;
  const visible = TABS.filter((t) => me.data && hasRole(me.data, t.role));
  return (
    <section aria-labelledby="settings-title" className="page-wide">
      <h1 id="settings-title">Settings</h1>
      <nav aria-label="Settings sections" className="tabs">
        {visible.map((t) => (
          <NavLink key={t.id} to={`/settings/${t.id}`} className="tab">
            {t.label}
          </NavLink>
        ))}
      </nav>
      <RequireRole role={active.role}>
        {active.id === 'profile' && me.data ? (
          <dl className="kv">
            <dt>Name</dt>
            <dd>{me.data.name}</dd>
            <dt>Email</dt>
            <dd>{me.data.email}</dd>
            <dt>Organization</dt>
            <dd>{me.data.organizationName ?? '—'}</dd>
          </dl>
        ) : (
          <p className="muted">{active.label} settings arrive with their endpoints.</p>
        )}
      </RequireRole>
    </section>
  );
}
