/** Route error boundary (frontend.md §5.7 "Route error boundaries catch crashes"). */
import { useRouteError } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel.tsx';

export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Something went wrong</h1>
      <ErrorPanel error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
