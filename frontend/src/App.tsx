import { useCallback, useEffect, useState } from 'react';
import { HealthError, fetchReadiness, type CheckStatus, type ReadinessReport } from './api/health.ts';

type HealthState =
  | { phase: 'loading' }
  | { phase: 'loaded'; report: ReadinessReport }
  | { phase: 'failed'; message: string };

const CHECK_LABELS: Readonly<Record<string, string>> = {
  database: 'Database',
  redis: 'Redis',
  migrations: 'Migrations',
};

function checkLabel(name: string): string {
  return CHECK_LABELS[name] ?? name;
}

function StatusBadge({ status }: { status: CheckStatus }) {
  const ok = status === 'ok';
  return (
    <span className={`badge ${ok ? 'badge--ok' : 'badge--error'}`}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {ok ? 'OK' : 'Error'}
    </span>
  );
}

function HealthReport({ report }: { report: ReadinessReport }) {
  const ready = report.status === 'ready';
  const checks = Object.entries(report.checks);
  return (
    <>
      <p className={`overall ${ready ? 'overall--ok' : 'overall--error'}`}>
        <span aria-hidden="true">{ready ? '●' : '▲'}</span>{' '}
        {ready ? 'Ready: all systems operational.' : 'Not ready: some checks are failing.'}
      </p>
      {checks.length > 0 ? (
        <dl className="checks">
          {checks.map(([name, status]) => (
            <div className="check" key={name}>
              <dt>{checkLabel(name)}</dt>
              <dd>
                <StatusBadge status={status} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No checks reported.</p>
      )}
    </>
  );
}

export default function App() {
  const [state, setState] = useState<HealthState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ phase: 'loading' });
    fetchReadiness({ signal: controller.signal })
      .then((report) => setState({ phase: 'loaded', report }))
      .catch((error: unknown) => {
        if (error instanceof HealthError && error.kind === 'aborted') return;
        const message =
          error instanceof HealthError ? error.message : 'Something went wrong while checking the API.';
        setState({ phase: 'failed', message });
      });
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const busy = state.phase === 'loading';

  return (
    <main className="page">
      <header className="hero">
        <h1>PatenTrack</h1>
        <p className="tagline">Who really owns a patent.</p>
      </header>

      <section className="card" aria-labelledby="health-heading">
        <h2 id="health-heading">API status</h2>
        <div aria-live="polite" aria-busy={busy}>
          {state.phase === 'loading' && <p className="muted">Checking API status…</p>}
          {state.phase === 'loaded' && <HealthReport report={state.report} />}
          {state.phase === 'failed' && (
            <p className="overall overall--error" role="alert">
              <span aria-hidden="true">▲</span> Could not check API status. {state.message}
            </p>
          )}
        </div>
        <button type="button" onClick={retry} disabled={busy}>
          Check again
        </button>
      </section>
    </main>
  );
}
