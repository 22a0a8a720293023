/**
 * Jobs browser (frontend.md §3.11): ingestion jobs with status / source / date filters in
 * the URL, live progress patched in from the stream, Retry for failed jobs (409 shown
 * inline: `job_not_failed`, `job_not_retryable`, `source_paused`), and a drawer (deep link
 * `/admin/ingestion/jobs/{id}`) with the counts, the JSON payload and the error rows.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, formatDateTime, formatTotal } from '../../lib/format.ts';
import { enc, post, read, readData, type CursorPage, type JobDetail, type JobRow } from './api.ts';
import { sourceLabel } from './freshness.ts';
import { liveForRow, type IngestionLive } from './ingestionLive.ts';
import { useIngestionStatus } from './Ingestion.tsx';
import { formatDuration } from './stepper.ts';
import { ActionError, Json } from './ui.tsx';
import { useIngestionLive } from './useIngestionLive.ts';
import { StreamDot } from './useEventStream.tsx';
import { JOB_FILTERS, jobsApiQuery, readFilters, writeFilters } from './urlFilters.ts';

const STATUS: Readonly<Record<string, { icon: string; label: string }>> = {
  pending: { icon: '○', label: 'Waiting' },
  running: { icon: '◔', label: 'Active' },
  success: { icon: '✓', label: 'Completed' },
  partial: { icon: '◑', label: 'Completed with errors' },
  failed: { icon: '✕', label: 'Failed' },
};

function JobStatus({ status }: { status: string }) {
  const v = STATUS[status] ?? { icon: '•', label: status };
  return (
    <span className={`badge badge--job-${status}`}>
      <span aria-hidden="true">{v.icon}</span> {v.label}
    </span>
  );
}

export function JobsPage({ jobId }: { jobId: string | null }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, JOB_FILTERS);
  const { live, stream } = useIngestionLive();
  const sources = useIngestionStatus(false);
  const jobs = useInfiniteQuery({
    queryKey: ['admin', 'ingestion-jobs', filters],
    queryFn: ({ pageParam, signal }) => read<CursorPage<JobRow>>('/admin/ingestion/jobs', { ...jobsApiQuery(filters), limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.cursor.hasMore ? last.cursor.next : undefined),
    refetchInterval: stream === 'offline' ? 10_000 : false,
  });
  const update = (next: Partial<typeof filters>) => setParams(writeFilters({ ...filters, ...next }, JOB_FILTERS));
  const rows = jobs.data?.pages.flatMap((p) => p.data) ?? [];
  const total = jobs.data?.pages[0]?.total ?? null;
  const search = params.toString();
  return (
    <div className="admin-stack">
      <div className="admin-row">
        <h2>Jobs</h2>
        <StreamDot state={stream} />
      </div>
      <form className="filters" aria-label="Job filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={filters.status} onChange={(e) => update({ status: e.target.value })}>
            {JOB_FILTERS.status.allowed.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'all' : (STATUS[s]?.label ?? s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={filters.source} onChange={(e) => update({ source: e.target.value })}>
            <option value="">all</option>
            {(sources.data?.sources ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {sourceLabel(s.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.dateFrom} onChange={(e) => update({ dateFrom: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={filters.dateTo} onChange={(e) => update({ dateTo: e.target.value })} />
        </label>
      </form>
      {jobs.isPending ? (
        <Skeleton label="Loading jobs…" />
      ) : jobs.isError ? (
        <ErrorPanel error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <>
          <p className="muted small">{formatTotal(rows.length, total)}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Ingestion jobs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Records</th>
                  <th scope="col">Created</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Failure</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <JobRowView key={j.id} job={j} live={live} search={search} />
                ))}
              </tbody>
            </table>
          </div>
          {jobs.hasNextPage && (
            <button type="button" onClick={() => void jobs.fetchNextPage()} disabled={jobs.isFetchingNextPage}>
              {jobs.isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </button>
          )}
        </>
      )}
      {jobId && <JobDrawer jobId={jobId} search={search} />}
    </div>
  );
}

function JobRowView({ job, live, search }: { job: JobRow; live: IngestionLive; search: string }) {
  const queryClient = useQueryClient();
  const stream = liveForRow(live, job.id);
  const running = job.status === 'running' || job.status === 'pending';
  const records = running && stream ? Math.max(stream.recordsProcessed, job.recordsProcessed) : job.recordsProcessed;
  const [key, setKey] = useState(newIdempotencyKey);
  const retry = useMutation({
    mutationFn: () => post<{ data: { jobId: string } }>(`/admin/ingestion/jobs/${enc(job.id)}/retry`, {}, key),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['admin', 'ingestion-jobs'] });
    },
  });
  return (
    <tr data-job={job.id} data-job-status={job.status}>
      <td>
        <Link to={`/admin/ingestion/jobs/${job.id}${search ? `?${search}` : ''}`} title={job.id}>
          {job.fileName ?? job.id.slice(0, 8)}
        </Link>
      </td>
      <td>{sourceLabel(job.source)}</td>
      <td>
        <JobStatus status={job.status} />
      </td>
      <td>
        {running && stream ? (
          <>
            <progress max={100} value={stream.progress ?? undefined} aria-label={`Progress of job ${job.id}`} /> {stream.progress !== null ? `${stream.progress}%` : ''}
          </>
        ) : running ? (
          '…'
        ) : (
          '—'
        )}
      </td>
      <td>{formatCount(records)}</td>
      <td>{formatDateTime(job.createdAt)}</td>
      <td>{formatDuration(job.durationMs)}</td>
      <td className="truncate">{job.errorMessage ?? ''}</td>
      <td>
        {job.status === 'failed' && (
          <>
            <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending || retry.isSuccess || !job.retryable} title={job.retryable ? undefined : 'Its arguments cannot be rebuilt; trigger the source instead.'}>
              {retry.isSuccess ? 'Retried' : 'Retry'}
            </button>
            {retry.isError && <ActionError error={retry.error} />}
          </>
        )}
      </td>
    </tr>
  );
}

const ERRORS_PAGE = 25;

function JobDrawer({ jobId, search }: { jobId: string; search: string }) {
  const navigate = useNavigate();
  const [offset, setOffset] = useState(0);
  const job = useQuery({
    queryKey: ['admin', 'ingestion-job', jobId, offset],
    queryFn: ({ signal }) => readData<JobDetail>(`/admin/ingestion/jobs/${enc(jobId)}`, { errorsLimit: ERRORS_PAGE, errorsOffset: offset }, signal),
  });
  const close = () => void navigate(`/admin/ingestion/jobs${search ? `?${search}` : ''}`);
  return (
    <aside className="admin-drawer card" aria-labelledby="job-drawer-title" data-job-drawer={jobId}>
      <div className="admin-row">
        <h3 id="job-drawer-title">Job {jobId.slice(0, 8)}</h3>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      {job.isPending ? (
        <Skeleton label="Loading the job…" />
      ) : job.isError ? (
        <ErrorPanel error={job.error} />
      ) : (
        <>
          <dl className="kv">
            <dt>Source</dt>
            <dd>{sourceLabel(job.data.source)}</dd>
            <dt>Status</dt>
            <dd>
              <JobStatus status={job.data.status} />
            </dd>
            <dt>File</dt>
            <dd>{job.data.fileName ?? '—'}</dd>
            <dt>Records</dt>
            <dd>
              {formatCount(job.data.recordsProcessed)} processed · {formatCount(job.data.recordsInserted)} inserted · {formatCount(job.data.recordsUpdated)} updated · {formatCount(job.data.recordsFailed)} failed
            </dd>
            <dt>Started</dt>
            <dd>{formatDateTime(job.data.startedAt)}</dd>
            <dt>Completed</dt>
            <dd>{formatDateTime(job.data.completedAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(job.data.durationMs)}</dd>
          </dl>
          {job.data.errorMessage && <p className="field-error">{job.data.errorMessage}</p>}
          <h4>Payload</h4>
          <Json value={job.data.metadata} />
          <h4>Errors ({formatCount(job.data.errorsTotal)})</h4>
          {job.data.errors.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Error rows of the job</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">Type</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {job.data.errors.map((e) => (
                    <tr key={e.id}>
                      <td>{e.recordIdentifier ?? e.recordPosition ?? '—'}</td>
                      <td>{e.errorType}</td>
                      <td>{e.errorMessage}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="actions">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ERRORS_PAGE))}>
              Previous errors
            </button>
            <button type="button" disabled={offset + ERRORS_PAGE >= job.data.errorsTotal} onClick={() => setOffset(offset + ERRORS_PAGE)}>
              Next errors
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
