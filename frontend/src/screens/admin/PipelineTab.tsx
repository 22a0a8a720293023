/**
 * Organization detail → Pipeline (frontend.md §3.11): Rebuild / Rebuild trees / Run from
 * step, a live stepper of the D15 DAG fed by `/admin/organizations/{o}/pipeline/stream`,
 * each step's state, live elapsed time or duration, rows, attempts, and on failure the error
 * with Retry; buttons disabled during a run, a 409 links to the running job; and the
 * pipeline history with step timings and errors (`…/pipeline/runs[/{id}]`).
 *
 * Super admins use the admin rebuild endpoints (any step); org admins (their own org only,
 * issue 8) rebuild with POST /organizations/{o}/pipeline, which the stream and history
 * routes also allow them.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { enc, post, read, readData, type CursorPage, type PipelineStatus, type RunDetail, type RunRow } from './api.ts';
import { applyEvent, emptyStepper, formatDuration, isBusy, stepperFromRun, STATE_LABELS, STEP_GROUPS, STEP_LABELS, STEPS, type Step, type Stepper } from './stepper.ts';
import { ActionError, useNow } from './ui.tsx';
import { StreamDot, useEventStream } from './useEventStream.tsx';

const EVENTS = ['run.started', 'run.resumed', 'run.full_fallback', 'step.started', 'step.finished', 'step.failed', 'run.finished', 'run.failed'];
const ICON: Readonly<Record<string, string>> = { pending: '○', running: '◔', success: '✓', failed: '✕', skipped: '–' };

export function PipelineTab({ orgId, superAdmin }: { orgId: string; superAdmin: boolean }) {
  const queryClient = useQueryClient();
  const [stepper, setStepper] = useState<Stepper>(emptyStepper);
  const [startStep, setStartStep] = useState<Step>('classify');
  const status = useQuery({
    queryKey: ['admin', 'pipeline-status', orgId],
    queryFn: ({ signal }) => readData<PipelineStatus>(`/organizations/${enc(orgId)}/pipeline`, undefined, signal),
  });
  useEffect(() => {
    if (!status.data) return;
    const seeded = stepperFromRun(status.data.latestRun);
    setStepper((s) => (isBusy(s) && s.runId !== seeded.runId ? s : { ...seeded, lastEventId: s.lastEventId, run: status.data.running && seeded.run !== 'running' ? 'queued' : seeded.run }));
  }, [status.data]);

  const refetchAll = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['admin', 'pipeline-status', orgId] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'pipeline-runs', orgId] });
  }, [queryClient, orgId]);
  const onEvent = useCallback(
    (name: string, data: Record<string, unknown>, id: string) => {
      const n = Number(id);
      setStepper((s) => applyEvent(s, name, data, Number.isFinite(n) && id !== '' ? n : undefined));
      if (name === 'run.finished' || name === 'run.failed' || name === 'run.started') {
        void queryClient.invalidateQueries({ queryKey: ['admin', 'pipeline-runs', orgId] });
      }
    },
    [queryClient, orgId],
  );
  const stream = useEventStream(`/api/v1/admin/organizations/${enc(orgId)}/pipeline/stream`, EVENTS, onEvent, refetchAll);

  const rebuild = useMutation({
    mutationFn: async (what: { kind: 'pipeline' | 'tree'; from: Step }) => {
      const key = newIdempotencyKey();
      if (!superAdmin) return post(`/organizations/${enc(orgId)}/pipeline`, {}, key);
      if (what.kind === 'tree') return post(`/admin/organizations/${enc(orgId)}/rebuild-tree`, {}, key);
      return post(`/admin/organizations/${enc(orgId)}/rebuild-pipeline`, { startFromStep: what.from }, key);
    },
    onSuccess: () => setStepper((s) => ({ ...s, run: 'queued' })),
  });
  const busy = isBusy(stepper) || rebuild.isPending;
  const failed = STEPS.find((s) => stepper.steps[s].status === 'failed');
  const now = useNow(1000, stepper.run === 'running');

  if (status.isPending) return <Skeleton label="Loading the pipeline…" />;
  if (status.isError) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;

  return (
    <div className="admin-stack">
      <section className="card" aria-labelledby="pipeline-live-title" id="pipeline-stepper">
        <div className="admin-row">
          <h2 id="pipeline-live-title">Pipeline</h2>
          <StreamDot state={stream} />
        </div>
        <p className="muted small">
          Run{' '}
          <span data-run-status={stepper.run} data-run-id={stepper.runId ?? ''}>
            {stepper.run === 'idle' ? 'not run yet' : stepper.run}
          </span>
          {status.data.lastSuccessAt && <> · last success {formatDateTime(status.data.lastSuccessAt)}</>}
        </p>
        <div className="actions">
          <button type="button" className="button-primary" disabled={busy} onClick={() => rebuild.mutate({ kind: 'pipeline', from: 'classify' })}>
            {busy ? 'Running…' : 'Rebuild pipeline'}
          </button>
          {superAdmin && (
            <>
              <button type="button" disabled={busy} onClick={() => rebuild.mutate({ kind: 'tree', from: 'tree' })}>
                Rebuild trees
              </button>
              <label className="inline-field">
                <span>Start from</span>
                <select value={startStep} onChange={(e) => setStartStep(e.target.value as Step)} disabled={busy}>
                  {STEPS.map((s) => (
                    <option key={s} value={s}>
                      {STEP_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" disabled={busy} onClick={() => rebuild.mutate({ kind: 'pipeline', from: startStep })}>
                Run from step
              </button>
            </>
          )}
        </div>
        {rebuild.isError && <ActionError error={rebuild.error} jobLink={() => `/admin/organizations/${orgId}/pipeline#pipeline-stepper`} />}
        <ol className="stepper" aria-live="polite" aria-label="Pipeline steps">
          {STEP_GROUPS.map((group, gi) => (
            <li key={gi} className="stepper__group">
              <ul className="plain-list stepper__steps">
                {group.map((step) => {
                  const v = stepper.steps[step];
                  const elapsed = v.status === 'running' && v.startedAt !== null ? Math.max(0, now - v.startedAt) : v.durationMs;
                  return (
                    <li key={step} className={`stepper__step stepper__step--${v.status}`} data-step={step} data-step-status={v.status}>
                      <span className="stepper__name">
                        <span aria-hidden="true">{ICON[v.status]}</span> {STEP_LABELS[step]}
                      </span>
                      <span className="stepper__state">{STATE_LABELS[v.status]}</span>
                      <span className="muted small">
                        {formatDuration(elapsed)}
                        {v.records !== null && <> · {v.records.toLocaleString('en-US')} rows</>}
                        {v.attempts !== null && v.attempts > 1 && <> · attempt {v.attempts}</>}
                      </span>
                      {v.error && <span className="field-error">{v.error}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
        {failed && stepper.run === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p>
              Step {STEP_LABELS[failed]} failed{stepper.steps[failed].attempts ? ` after ${stepper.steps[failed].attempts} attempt(s)` : ''}: {stepper.steps[failed].error}
            </p>
            <button type="button" disabled={busy} onClick={() => rebuild.mutate({ kind: 'pipeline', from: failed })}>
              Retry
            </button>
          </div>
        )}
      </section>
      <RunHistory orgId={orgId} />
    </div>
  );
}

function RunHistory({ orgId }: { orgId: string }) {
  const [params, setParams] = useSearchParams();
  const selected = params.get('run');
  const runs = useInfiniteQuery({
    queryKey: ['admin', 'pipeline-runs', orgId],
    queryFn: ({ pageParam, signal }) => read<CursorPage<RunRow>>(`/admin/organizations/${enc(orgId)}/pipeline/runs`, { limit: 10, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.cursor.hasMore ? last.cursor.next : undefined),
  });
  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('run', id);
    else next.delete('run');
    setParams(next, { replace: true });
  };
  const rows = runs.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Pipeline history</h2>
      {runs.isPending ? (
        <Skeleton label="Loading runs…" />
      ) : runs.isError ? (
        <ErrorPanel error={runs.error} onRetry={() => void runs.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Pipeline runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Duration</th>
                <th scope="col">Error</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-run={r.id}>
                  <td>{formatDateTime(r.startedAt ?? r.createdAt)}</td>
                  <td>{r.trigger ?? r.jobType}</td>
                  <td>
                    <span aria-hidden="true">{ICON[r.status === 'partial' ? 'success' : r.status === 'pending' ? 'pending' : r.status]}</span> {r.status}
                  </td>
                  <td>{formatDuration(r.durationMs)}</td>
                  <td className="truncate">{r.errorMessage ?? ''}</td>
                  <td>
                    <button type="button" className="link-button" aria-expanded={selected === r.id} onClick={() => select(selected === r.id ? null : r.id)}>
                      {selected === r.id ? 'Hide steps' : 'Steps'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.hasNextPage && (
        <button type="button" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? 'Loading more…' : 'Older runs'}
        </button>
      )}
      {selected && <RunSteps orgId={orgId} runId={selected} />}
    </section>
  );
}

function RunSteps({ orgId, runId }: { orgId: string; runId: string }) {
  const run = useQuery({
    queryKey: ['admin', 'pipeline-run', orgId, runId],
    queryFn: ({ signal }) => readData<RunDetail>(`/admin/organizations/${enc(orgId)}/pipeline/runs/${enc(runId)}`, undefined, signal),
  });
  if (run.isPending) return <Skeleton label="Loading the run…" />;
  if (run.isError) return <ErrorPanel error={run.error} />;
  const r = run.data;
  return (
    <div className="drawer" data-run-detail={r.id}>
      <h3>
        Run of {formatDateTime(r.createdAt)} — {r.status}
      </h3>
      {r.errorMessage && <p className="field-error">{r.errorMessage}</p>}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Steps of the run</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Rows</th>
              <th scope="col">Attempts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {r.steps.map((s) => (
              <tr key={s.number} data-history-step={s.name}>
                <td>{STEP_LABELS[s.name]}</td>
                <td>
                  <span aria-hidden="true">{ICON[s.status]}</span> {STATE_LABELS[s.status]}
                </td>
                <td>{formatDateTime(s.startedAt)}</td>
                <td>{formatDuration(s.durationMs)}</td>
                <td>{s.recordsProcessed.toLocaleString('en-US')}</td>
                <td>{s.attempts}</td>
                <td>{s.errorMessage ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`/admin/organizations/${orgId}/pipeline`}>Close</Link>
      </p>
    </div>
  );
}
