/**
 * Settings `/settings/:tab` (frontend.md §3.10): profile (name, theme) and security
 * (password, MFA) for everyone; organization, users, alerts (webhooks) and integrations for
 * org admins (D5) — the route guard hides them from members, the API enforces it.
 */
import { Navigate, NavLink, useParams } from 'react-router';
import { RequireRole } from '../app/guards.tsx';
import { hasRole, useMe, type Role } from '../app/session.ts';
import { PipelineTracker } from '../components/PipelineTracker.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { AlertsSettings } from './AlertsSettings.tsx';
import { ProfileSettings } from './ProfileSettings.tsx';
import { SecuritySettings } from './SecuritySettings.tsx';

const TABS: ReadonlyArray<{ id: string; label: string; role: Role }> = [
  { id: 'profile', label: 'Profile', role: 'org_member' },
  { id: 'security', label: 'Security', role: 'org_member' },
  { id: 'organization', label: 'Organization', role: 'org_admin' },
  { id: 'users', label: 'Users', role: 'org_admin' },
  { id: 'alerts', label: 'Alerts', role: 'org_admin' },
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
        {!me.data ? (
          <Skeleton lines={4} label="Loading your settings…" />
        ) : active.id === 'profile' ? (
          <ProfileSettings me={me.data} />
        ) : active.id === 'security' ? (
          <SecuritySettings me={me.data} />
        ) : active.id === 'alerts' ? (
          <AlertsSettings />
        ) : active.id === 'organization' && me.data?.organizationId ? (
          <PipelineTracker orgId={me.data.organizationId} />
        ) : (
          <p className="muted">{active.label} settings arrive with their endpoints.</p>
        )}
      </RequireRole>
    </section>
  );
}
