/**
 * The customer-area shell (frontend.md §3.2): skip link, header with nav, theme switch and
 * user menu, a main landmark that takes focus on navigation, and the footer.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { postJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { LiveEventsProvider, LiveStatusDot, LiveToasts } from './liveEventsProvider.tsx';
import { broadcastLogout } from './logoutBroadcast.ts';
import { hasRole, useMe } from './session.ts';
import { ThemePreferenceSync, usePersistedTheme } from '../components/themePreference.tsx';

function ThemeToggle() {
  // frontend.md §5.2: the switch also saves the choice to /me preferences.
  const { choice, toggle } = usePersistedTheme();
  const dark = document.documentElement.dataset.theme === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  return (
    <button type="button" className="icon-button" onClick={toggle} aria-pressed={dark} aria-label="Dark mode">
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
    </button>
  );
}

function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!me.data) return null;
  async function logout() {
    try {
      if (inContract('POST', '/api/v1/auth/logout')) await postJson('/api/v1/auth/logout', {});
    } finally {
      broadcastLogout();
      queryClient.clear();
      void navigate('/login');
    }
  }
  return (
    <div className="user-menu">
      <span className="user-menu__name">{me.data.name || me.data.email}</span>
      <button type="button" onClick={() => void logout()}>
        Sign out
      </button>
    </div>
  );
}

export function AppShell() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const me = useMe();
  // Super admins see the whole panel; org admins their org's part of it (issue 8).
  const canAdmin = me.data ? hasRole(me.data, 'org_admin') : false;

  // Focus management: after a route change, move focus to the main landmark so screen
  // readers announce the new page and keyboard users start from its top.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setMenuOpen(false);
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    // frontend.md §5.9: one shared org stream for the customer area (never on share pages).
    <LiveEventsProvider>
    <div className="shell">
      <ThemePreferenceSync />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <NavLink to="/" className="brand" aria-label="PatenTrack home">
          PatenTrack
        </NavLink>
        <button
          type="button"
          className="icon-button nav-toggle"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">Menu</span>
        </button>
        <nav id="primary-nav" aria-label="Primary" className={menuOpen ? 'nav nav--open' : 'nav'}>
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/assets">Assets</NavLink>
          <NavLink to="/broken-titles">Broken titles</NavLink>
          <NavLink to="/timeline">Timeline</NavLink>
          <NavLink to="/companies">Companies</NavLink>
          <NavLink to="/shares">Share links</NavLink>
          <NavLink to="/search">Search</NavLink>
          <NavLink to="/settings/profile">Settings</NavLink>
          {canAdmin && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <div className="shell__tools">
          <LiveStatusDot />
          <ThemeToggle />
          <UserMenu />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
        <Outlet />
      </main>
      <footer className="shell__footer muted small">© PatenTrack</footer>
      <LiveToasts />
    </div>
    </LiveEventsProvider>
  );
}
