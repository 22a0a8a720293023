/**
 * Rebuild the organization's portfolio and watch the steps complete live (D5: org admins
 * and super admins rebuild; D15 DAG). Seeded from GET /organizations/{o}/pipeline, then fed
 * by the browser's one shared org stream (app/liveEventsProvider.tsx, frontend.md §5.9; api.md §4). Reusable
 * by the admin panel. Each step carries data-step / data-step-status for tests.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLive, useLiveEvent } from '../app/liveEventsProvider.tsx';
import { getJson, postJson } from '../api/client.ts';
import { fillPath } from '../api/contractPath.ts';
import { ErrorPanel } from './ErrorPanel.tsx';
import { dataOf, isRecord } from './fields.ts';
import { applyPipelineEvent, initialTracker, PIPELINE_STEPS, trackerFromRun, type TrackerState } from './pipelineSteps.ts';

const EVENTS = ['run.started', 'run.resumed', 'step.started', 'step.finished', 'step.failed', 'run.finished', 'run.failed'];
const LABEL: Readonly<Record<string, string>> = { pending: 'Waiting', running: 'Running', success: 'Done', failed: 'Failed', skipped: 'Skipped' };

export function PipelineTracker({ orgId }: { orgId: string }) {
  const path = fillPath('/api/v1/organizations/{}/pipeline', orgId);
  const [state, setState] = useState<TrackerState>(initialTracker);
  const live = useLive().status === 'live';
  const status = useQuery({ queryKey: ['pipeline', orgId], queryFn: ({ signal }) => getJson(path, { signal }) });
  useEffect(() => {
    const d = dataOf(status.data);
    if (isRecord(d)) setState((s) => (s.run === 'running' || s.run === 'queued' ? s : trackerFromRun(d.latestRun)));
  }, [status.data]);
  useLiveEvent(EVENTS, (name, data) => setState((s) => applyPipelineEvent(s, name, data)));
  const rebuild = useMutation({
    mutationFn: () => postJson(path, {}),
    onSuccess: () => setState({ ...initialTracker(), run: 'queued' }),
  });
  const busy = state.run === 'running' || state.run === 'queued' || rebuild.isPending;
  return (
    <section className="card" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">Portfolio pipeline</h2>
      <p className="muted small">
        Stream: {live ? 'live' : 'connecting…'} · Run: <span data-run-status={state.run} data-run-id={state.runId ?? ''}>{state.run}</span>
      </p>
      <button type="button" className="button-primary" onClick={() => rebuild.mutate()} disabled={busy}>
        {busy ? 'Rebuilding…' : 'Rebuild portfolio'}
      </button>
      {rebuild.isError && <ErrorPanel error={rebuild.error} />}
      <ol className="pipeline-steps" aria-live="polite">
        {PIPELINE_STEPS.map((step) => (
          <li key={step} data-step={step} data-step-status={state.steps[step].status}>
            <span className={`chip chip--step-${state.steps[step].status}`}>{LABEL[state.steps[step].status]}</span> {step.replace('_', ' ')}
            {state.steps[step].error && <span className="field-error"> {state.steps[step].error}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
