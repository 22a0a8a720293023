/**
 * The route map of frontend.md §2 with deep links for every screen and tab (§5.3). Screens
 * are lazy chunks, so the initial bundle is the shell only (§6) and the diagram code is
 * fetched only when a diagram is shown.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useParams, type RouteObject } from 'react-router';
import { Skeleton } from '../components/Skeleton.tsx';
import { ForbiddenPage, NotFoundPage, UnavailablePage } from '../screens/StatusPages.tsx';
import { AppShell } from './AppShell.tsx';
import { AuthEventsBridge } from './AuthEventsBridge.tsx';
import { RequireRole } from './guards.tsx';
import { RouteError } from './RouteError.tsx';

const LoginPage = lazy(() => import('../screens/LoginPage.tsx'));
const MfaPage = lazy(() => import('../screens/MfaPage.tsx'));
const DashboardPage = lazy(() => import('../screens/DashboardPage.tsx'));
const AssetsPage = lazy(() => import('../screens/AssetsPage.tsx'));
const AssetDetailPage = lazy(() => import('../screens/AssetDetailPage.tsx'));
const BrokenTitlesPage = lazy(() => import('../screens/BrokenTitlesPage.tsx'));
const SharesPage = lazy(() => import('../screens/SharesPage.tsx'));
const TimelinePage = lazy(() => import('../screens/TimelinePage.tsx'));
const CompaniesPage = lazy(() => import('../screens/CompaniesPage.tsx'));
const AdminPage = lazy(() => import('../screens/AdminPage.tsx'));
const SettingsPage = lazy(() => import('../screens/SettingsPage.tsx'));
const TreesPage = lazy(() => import('../screens/TreesPage.tsx'));
const CpcCloudPage = lazy(() => import('../screens/CpcCloudPage.tsx'));
const EventsPage = lazy(() => import('../screens/EventsPage.tsx'));
const MaintenancePage = lazy(() => import('../screens/MaintenancePage.tsx'));
const RecentAssignmentsPage = lazy(() => import('../screens/RecentAssignmentsPage.tsx'));
const EntitiesPage = lazy(() => import('../screens/EntitiesPage.tsx'));
const SearchPage = lazy(() => import('../screens/SearchPage.tsx'));
const AuthPlaceholderPage = lazy(() => import('../screens/AuthPlaceholderPage.tsx'));

const PUBLIC_AUTH_PAGES = [
  { path: '/register', title: 'Create an account' },
  { path: '/verify-email', title: 'Verify your email' },
  { path: '/forgot-password', title: 'Forgot your password?' },
  { path: '/reset-password', title: 'Choose a new password' },
  { path: '/accept-invite', title: 'Accept your invitation' },
] as const;
const ShareViewerPage = lazy(() => import('../screens/ShareViewerPage.tsx'));
const DiagramPreviewPage = lazy(() => import('../screens/DiagramPreviewPage.tsx'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton />}>{children}</Suspense>;
}

function Root() {
  return (
    <>
      <AuthEventsBridge />
      <Outlet />
    </>
  );
}

/** Legacy `/search/:q` -> `/search?q=` (frontend.md §5.3). */
function LegacySearch() {
  const { q = '' } = useParams();
  return <Navigate to={`/search?q=${encodeURIComponent(q)}`} replace />;
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <Lazy><LoginPage /></Lazy> },
      { path: '/login/mfa', element: <Lazy><MfaPage /></Lazy> },
      ...PUBLIC_AUTH_PAGES.map((p) => ({ path: p.path, element: <Lazy><AuthPlaceholderPage title={p.title} /></Lazy> })),
      { path: '/shared/:code/*', element: <Lazy><ShareViewerPage /></Lazy> },
      { path: '/diagram-preview/:fixture?', element: <Lazy><DiagramPreviewPage /></Lazy> },
      {
        element: (
          <RequireRole role="org_member">
            <AppShell />
          </RequireRole>
        ),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Lazy><DashboardPage /></Lazy> },
          { path: 'assets', element: <Lazy><AssetsPage /></Lazy> },
          { path: 'assets/:id/:tab?', element: <Lazy><AssetDetailPage /></Lazy> },
          { path: 'broken-titles', element: <Lazy><BrokenTitlesPage /></Lazy> },
          // D5: every role manages the share links it created (admins all of the org's).
          { path: 'shares', element: <Lazy><SharesPage /></Lazy> },
          { path: 'timeline', element: <Lazy><TimelinePage /></Lazy> },
          { path: 'companies', element: <Lazy><CompaniesPage /></Lazy> },
          {
            path: 'admin/:section?/*',
            // Issue 8: org admins see their own org's pipeline; AdminPage narrows further.
            element: (
              <RequireRole role="org_admin">
                <Lazy>
                  <AdminPage />
                </Lazy>
              </RequireRole>
            ),
          },
          { path: 'trees/:id?', element: <Lazy><TreesPage /></Lazy> },
          { path: 'cpc', element: <Lazy><CpcCloudPage /></Lazy> },
          { path: 'events', element: <Lazy><EventsPage /></Lazy> },
          { path: 'events/maintenance', element: <Lazy><MaintenancePage /></Lazy> },
          { path: 'events/assignments', element: <Lazy><RecentAssignmentsPage /></Lazy> },
          { path: 'entities/:id?', element: <Lazy><EntitiesPage /></Lazy> },
          { path: 'search', element: <Lazy><SearchPage /></Lazy> },
          { path: 'settings/:tab?', element: <Lazy><SettingsPage /></Lazy> },
          { path: '403', element: <ForbiddenPage /> },
          { path: 'unavailable', element: <UnavailablePage /> },
          // Legacy redirects (frontend.md §5.3), kept for at least 90 days.
          { path: 'dashboard/:view', element: <LegacyDashboard /> },
          { path: 'patent_assets', element: <Navigate to="/assets" replace /> },
          { path: 'global', element: <Navigate to="/assets" replace /> },
          { path: 'due_dilligence', element: <Navigate to="/assets" replace /> },
          { path: 'pay_maintainence_fee', element: <Navigate to="/events/maintenance" replace /> },
          { path: 'assignments', element: <Navigate to="/timeline" replace /> },
          { path: 'restore_ownership', element: <Navigate to="/broken-titles" replace /> },
          { path: 'clear_encumbrances', element: <Navigate to="/assets?status=encumbered" replace /> },
          { path: 'search/:q', element: <LegacySearch /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

function LegacyDashboard() {
  const { view = 'kpi' } = useParams();
  return <Navigate to={`/?view=${encodeURIComponent(view)}`} replace />;
}

export function createAppRouter() {
  return createBrowserRouter(routes);
}
