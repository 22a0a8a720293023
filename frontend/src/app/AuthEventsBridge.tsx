/**
 * Turns the fetch layer's global 401/403 decisions into navigation (frontend.md §5.7):
 * 401 after a failed refresh -> /login?next=<here>; 403 gates -> their pages. Other 403s
 * are left to the screen that made the call (inline notice).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onAuthEvent } from '../api/authEvents.ts';
import { onLogoutBroadcast } from './logoutBroadcast.ts';

const PUBLIC_PREFIXES = ['/login', '/register', '/verify-email', '/forgot-password', '/reset-password', '/accept-invite', '/shared', '/diagram-preview'];

/** Pages that work without a session: a 401 there must not bounce to /login. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function AuthEventsBridge() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event.type === 'unauthenticated') {
          queryClient.removeQueries();
          if (isPublicPath(location.pathname)) return;
          const next = `${location.pathname}${location.search}`;
          void navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
          return;
        }
        const reason = event.error.reason;
        if (reason === 'password_change_required' || reason === 'mfa_enrollment_required' || reason === 'org_inactive') {
          void navigate(`/403?reason=${reason}`, { replace: true });
        }
      }),
    [navigate, location.pathname, location.search, queryClient],
  );
  // Another tab signed out: this one's cookies are gone too.
  useEffect(
    () =>
      onLogoutBroadcast(() => {
        queryClient.clear();
        if (!isPublicPath(location.pathname)) void navigate('/login', { replace: true });
      }),
    [navigate, location.pathname, queryClient],
  );
  return null;
}
