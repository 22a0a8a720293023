/** Small pieces shared by the admin screens. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import type { StatusView } from './freshness.ts';

/** Status with an icon AND text (frontend.md §6: never colour alone). */
export function StatusBadge({ view, testId }: { view: StatusView; testId?: string }) {
  return (
    <span className={`badge badge--${view.tone}`} {...(testId ? { 'data-status': testId } : {})}>
      <span aria-hidden="true">{view.icon}</span> {view.label}
    </span>
  );
}

export function Tile({ label, value, tone, id }: { label: string; value: string; tone?: 'warn' | 'bad' | undefined; id?: string }) {
  return (
    <li className={`card stat${tone ? ` stat--${tone}` : ''}`} {...(id ? { 'data-tile': id } : {})}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
    </li>
  );
}

/** The current time, ticking every `ms` while mounted (live elapsed times). */
export function useNow(ms = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms, active]);
  return now;
}

/**
 * A mutation's failure (frontend.md §5.7): 409 `job_running` links to the running job,
 * other 409s show their reason inline, the rest go to the standard error panel.
 */
export function ActionError({ error, jobLink }: { error: unknown; jobLink?: (jobId: string) => string }) {
  if (error instanceof ApiError && error.status === 409) {
    const jobId = typeof error.details.jobId === 'string' ? error.details.jobId : null;
    return (
      <div className="notice notice--warn" role="alert" data-conflict={error.reason ?? 'conflict'}>
        <p>{error.message}</p>
        {error.reason === 'job_running' && jobId && jobLink && (
          <p>
            <Link to={jobLink(jobId)}>View the running job ({jobId})</Link>
          </p>
        )}
      </div>
    );
  }
  return <ErrorPanel error={error} />;
}

export function FieldError({ error, field }: { error: unknown; field: string }) {
  if (!(error instanceof ApiError)) return null;
  const messages = error.fieldErrors[field];
  if (!messages?.length) return null;
  return (
    <span className="field-error" id={`err-${field}`}>
      {messages.join(' ')}
    </span>
  );
}

/** Pretty JSON for payload drawers. */
export function Json({ value }: { value: unknown }) {
  return <pre className="raw admin-json">{JSON.stringify(value ?? null, null, 2)}</pre>;
}
