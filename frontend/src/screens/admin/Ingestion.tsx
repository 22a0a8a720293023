/**
 * Ingestion status (frontend.md §3.11): per source schedule, last success, last failure
 * with its error, health (icon and text), next run; totals; Run now with optional dates;
 * Pause / Resume of the ingestion, pipeline and enrichment queues with a reason; and the
 * jobs running now, updated live over `/admin/ingestion/stream`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { patch, post, readData, type IngestionStatus, type QueueControl } from './api.ts';
import { healthView, sourceLabel } from './freshness.ts';
import { formatBytes, type IngestionLive, type LiveJob } from './ingestionLive.ts';
import { ActionError, FieldError, StatusBadge, Tile } from './ui.tsx';
import { useIngestionLive } from './useIngestionLive.ts';
import { StreamDot } from './useEventStream.tsx';

const TRIGGER_SOURCES = ['assignments', 'bibliographic', 'epo-family', 'cpc', 'maintenance'] as const;

export function useIngestionStatus(polling: boolean) {
  return useQuery({
    queryKey: ['admin', 'ingestion-status'],
    queryFn: ({ signal }) => readData<IngestionStatus>('/admin/ingestion/status', undefined, signal),
    refetchInterval: polling ? 10_000 : false,
  });
}

export function useQueueControls() {
  return useQuery({
    queryKey: ['admin', 'queue-controls'],
    queryFn: ({ signal }) => readData<QueueControl[]>('/admin/ingestion/queue-controls', undefined, signal),
    refetchInterval: 30_000,
  });
}

export function IngestionPage() {
  const { live, stream } = useIngestionLive();
  const status = useIngestionStatus(stream === 'offline');
  return (
    <div className="admin-stack">
      <div className="admin-row">
        <h2>Ingestion status</h2>
        <StreamDot state={stream} />
      </div>
      {status.isPending ? (
        <Skeleton label="Loading sources…" />
      ) : status.isError ? (
        <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <>
          <ul className="cards" aria-label="Totals">
            <Tile id="activeJobs" label="Active jobs" value={formatCount(status.data.activeJobs)} />
            <Tile id="failedJobsLast24h" label="Failures in 24 h" value={formatCount(status.data.failedJobsLast24H)} tone={status.data.failedJobsLast24H > 0 ? 'bad' : undefined} />
            <Tile id="queueDepth" label="Queue depth" value={formatCount(status.data.queueDepth)} tone={status.data.queueDepth > 1000 ? 'warn' : undefined} />
          </ul>
          <div className="table-wrap card">
            <table>
              <caption className="visually-hidden">Data sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Health</th>
                  <th scope="col">Schedule (UTC)</th>
                  <th scope="col">Last success</th>
                  <th scope="col">Last failure</th>
                  <th scope="col">Next run</th>
                </tr>
              </thead>
              <tbody>
                {status.data.sources.map((s) => (
                  <tr key={s.name} data-source={s.name}>
                    <th scope="row">
                      {sourceLabel(s.name)}
                      {s.paused && <span className="badge badge--warn"> paused</span>}
                    </th>
                    <td>
                      <StatusBadge view={healthView(s.status)} testId={s.status} />
                    </td>
                    <td>
                      <code>{s.schedule ?? '—'}</code>
                    </td>
                    <td>{formatDateTime(s.lastSuccessAt)}</td>
                    <td>
                      {formatDateTime(s.lastFailureAt)}
                      {s.lastError && <span className="field-error truncate"> {s.lastError}</span>}
                    </td>
                    <td>{s.paused ? 'Paused' : formatDateTime(s.nextRunAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <LiveJobs live={live} />
      <div className="admin-grid">
        <RunNow />
        <QueueControls />
      </div>
    </div>
  );
}

export function LiveJobs({ live }: { live: IngestionLive }) {
  const jobs = Object.values(live.jobs).reverse();
  return (
    <section className="card" aria-labelledby="live-jobs-title" data-progress-events={live.progressEvents}>
      <h3 id="live-jobs-title">Live jobs</h3>
      {jobs.length === 0 ? (
        <p className="muted">No job has reported progress since this page opened.</p>
      ) : (
        <ul className="plain-list live-jobs" aria-live="polite">
          {jobs.map((j) => (
            <LiveJobItem key={j.jobId} job={j} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function LiveJobItem({ job }: { job: LiveJob }) {
  const label = job.status === 'active' ? 'Running' : job.status === 'completed' ? 'Completed' : job.willRetry ? 'Failed, will retry' : 'Failed';
  const icon = job.status === 'active' ? '◔' : job.status === 'completed' ? '✓' : '✕';
  return (
    <li className="live-job" data-live-job={job.jobId} data-live-status={job.status} data-records={job.recordsProcessed}>
      <div className="admin-row">
        <strong>{sourceLabel(job.source)}</strong>
        <span className={`badge badge--${job.status === 'failed' ? 'bad' : job.status === 'completed' ? 'ok' : 'none'}`}>
          <span aria-hidden="true">{icon}</span> {label}
        </span>
      </div>
      <progress max={100} value={job.progress ?? undefined} aria-label={`Progress of ${job.jobId}`} />
      <p className="muted small">
        {job.progress !== null ? `${job.progress}% · ` : ''}
        {job.recordsProcessed.toLocaleString('en-US')} records
        {job.recordsPerSecond !== null && job.status === 'active' ? ` · ${job.recordsPerSecond.toLocaleString('en-US')} records/s` : ''}
        {job.bytesRead !== null ? ` · ${formatBytes(job.bytesRead)} read` : ''}
        {job.currentFile ? ` · ${job.currentFile}` : ''}
        {job.step ? ` · step ${job.step}` : ''}
      </p>
      {job.failedReason && <p className="field-error">{job.failedReason}</p>}
    </li>
  );
}

function RunNow() {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const trigger = useMutation({
    mutationFn: (body: { source: string; dateFrom?: string; dateTo?: string }) => post<{ data: { jobIds: string[] } }>('/admin/ingestion/trigger', body, key),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['admin', 'ingestion-status'] });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const dateFrom = String(f.get('dateFrom') ?? '');
    const dateTo = String(f.get('dateTo') ?? '');
    trigger.mutate({ source: String(f.get('source')), ...(dateFrom ? { dateFrom } : {}), ...(dateTo ? { dateTo } : {}) });
  };
  return (
    <section className="card admin-form" aria-labelledby="run-now-title">
      <h3 id="run-now-title">Run now</h3>
      <form onSubmit={submit} id="run-now">
        <label>
          Source
          <select name="source" defaultValue="assignments">
            {TRIGGER_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <FieldError error={trigger.error} field="source" />
        </label>
        <label>
          From (optional)
          <input type="date" name="dateFrom" />
          <FieldError error={trigger.error} field="dateFrom" />
        </label>
        <label>
          To (optional)
          <input type="date" name="dateTo" />
          <FieldError error={trigger.error} field="dateTo" />
        </label>
        <button type="submit" className="button-primary" disabled={trigger.isPending}>
          {trigger.isPending ? 'Queuing…' : 'Run now'}
        </button>
      </form>
      {trigger.isSuccess && (
        <p role="status" data-queued={trigger.data.data.jobIds.join(',')}>
          Queued {trigger.data.data.jobIds.length} job(s). <Link to="/admin/ingestion/jobs">Open the jobs</Link>
        </p>
      )}
      {trigger.isError && <ActionError error={trigger.error} jobLink={() => '/admin/ingestion/jobs?status=running'} />}
    </section>
  );
}

function QueueControls() {
  const queryClient = useQueryClient();
  const queues = useQueueControls();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const toggle = useMutation({
    mutationFn: (v: { queue: string; paused: boolean }) => patch(`/admin/ingestion/queues/${v.queue}`, { paused: v.paused, reason: reasons[v.queue] || null }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'queue-controls'] }),
  });
  return (
    <section className="card" aria-labelledby="queues-title">
      <h3 id="queues-title">Queues</h3>
      {queues.isPending ? (
        <Skeleton label="Loading queues…" />
      ) : queues.isError ? (
        <ErrorPanel error={queues.error} />
      ) : (
        <ul className="plain-list">
          {queues.data.map((q) => (
            <li key={q.queue} data-queue={q.queue} data-paused={String(q.paused)} className="queue-control">
              <strong>{q.queue}</strong>{' '}
              <span className={`badge badge--${q.paused ? 'warn' : 'ok'}`}>
                <span aria-hidden="true">{q.paused ? '❚❚' : '▶'}</span> {q.paused ? 'Paused' : 'Running'}
              </span>
              {q.paused && (
                <span className="muted small">
                  {' '}
                  since {formatDateTime(q.pausedAt)}
                  {q.reason ? ` — ${q.reason}` : ''}
                </span>
              )}
              <div className="inline-field">
                {!q.paused && (
                  <label>
                    <span className="visually-hidden">Reason to pause {q.queue}</span>
                    <input placeholder="Reason" value={reasons[q.queue] ?? ''} maxLength={500} onChange={(e) => setReasons((r) => ({ ...r, [q.queue]: e.target.value }))} />
                  </label>
                )}
                <button type="button" onClick={() => toggle.mutate({ queue: q.queue, paused: !q.paused })} disabled={toggle.isPending}>
                  {q.paused ? `Resume ${q.queue}` : `Pause ${q.queue}`}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {toggle.isError && <ActionError error={toggle.error} />}
    </section>
  );
}

/** The banner across admin while a queue is paused (frontend.md §3.11). */
export function PausedBanner() {
  const queues = useQueueControls();
  const paused = (queues.data ?? []).filter((q) => q.paused);
  if (paused.length === 0) return null;
  return (
    <div className="notice notice--warn" role="status" data-paused-banner={paused.map((q) => q.queue).join(',')}>
      <p className="notice__title">
        <span aria-hidden="true">❚❚ </span>
        {paused.length === 1 ? `The ${paused[0]?.queue} queue is paused` : `Paused queues: ${paused.map((q) => q.queue).join(', ')}`}
      </p>
      {paused.map((q) => (q.reason ? <p key={q.queue}>{`${q.queue}: ${q.reason} (since ${formatDateTime(q.pausedAt)})`}</p> : null))}
      <p>
        <Link to="/admin/ingestion">Queue controls</Link>
      </p>
    </div>
  );
}
