/**
 * Route guards from GET /me (frontend.md §1 "The UI hides what a role cannot use; the API
 * enforces it", D5). A 401 never reaches here: the fetch layer refreshes once and otherwise
 * sends the user to /login.
 */
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { inContract } from '../api/contract.ts';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { NotInContract } from '../components/ContractQuery.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { hasRole, useMe, type Role } from './session.ts';

export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const me = useMe();
  if (!inContract('GET', '/api/v1/me')) {
    return (
      <main id="main" className="page" tabIndex={-1}>
        <NotInContract what="Signing in" template="/api/v1/me" />
      </main>
    );
  }
  if (me.isPending) {
    return (
      <main id="main" className="page" tabIndex={-1}>
        <Skeleton label="Checking your session…" />
      </main>
    );
  }
  if (me.isError) {
    // A 401 already went to /login through the fetch layer; this is an outage or a bad answer.
    return (
      <main id="main" className="page" tabIndex={-1}>
        <h1>PatenTrack</h1>
        <ErrorPanel title="Could not check your session." error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!hasRole(me.data, role)) return <Navigate to="/403" replace />;
  return <>{children}</>;
}
