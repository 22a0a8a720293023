/**
 * The pipeline step tracker's state (D15; frontend.md §3.11 "live stepper"): the eight steps
 * of classify → flag → {tree ‖ timeline} → broken_title → {dashboard ‖ summary} →
 * generate_json, folded from the org stream's events (`run.started`, `step.started`,
 * `step.finished`, `step.failed`, `run.finished`, `run.failed`; worker/pipeline/events.py)
 * or seeded from GET /organizations/{o}/pipeline. Pure, so it is unit-tested.
 */
export const PIPELINE_STEPS = ['classify', 'flag', 'tree', 'timeline', 'broken_title', 'dashboard', 'summary', 'generate_json'] as const;
export type StepName = (typeof PIPELINE_STEPS)[number];
export type StepStatus = 'pending' | 'running' | 'success' | 'failed' | 'skipped';

export interface TrackerState {
  runId: string | null;
  run: 'idle' | 'queued' | 'running' | 'success' | 'failed';
  steps: Record<StepName, { status: StepStatus; error: string | null }>;
}

export function initialTracker(): TrackerState {
  return {
    runId: null,
    run: 'idle',
    steps: Object.fromEntries(PIPELINE_STEPS.map((s) => [s, { status: 'pending', error: null }])) as TrackerState['steps'],
  };
}

function isStep(v: unknown): v is StepName {
  return typeof v === 'string' && (PIPELINE_STEPS as readonly string[]).includes(v);
}

/** Fold one stream event into the state; unknown events leave it unchanged. */
export function applyPipelineEvent(state: TrackerState, event: string, data: Record<string, unknown>): TrackerState {
  const runId = typeof data.runId === 'string' ? data.runId : state.runId;
  switch (event) {
    case 'run.started':
    case 'run.resumed': {
      const fresh = initialTracker();
      const done = Array.isArray(data.done) ? data.done.filter(isStep) : [];
      for (const s of done) fresh.steps[s] = { status: 'success', error: null };
      return { ...fresh, runId, run: 'running' };
    }
    case 'step.started':
    case 'step.finished':
    case 'step.failed': {
      if (!isStep(data.step)) return state;
      const status: StepStatus = event === 'step.started' ? 'running' : event === 'step.finished' ? 'success' : 'failed';
      const error = event === 'step.failed' && typeof data.error === 'string' ? data.error : null;
      return { ...state, runId, run: event === 'step.failed' ? 'failed' : 'running', steps: { ...state.steps, [data.step]: { status, error } } };
    }
    case 'run.finished':
      return { ...state, runId, run: 'success' };
    case 'run.failed':
      return { ...state, runId, run: 'failed' };
    default:
      return state;
  }
}

/** Seed from GET /organizations/{o}/pipeline's `latestRun`. */
export function trackerFromRun(run: unknown): TrackerState {
  const state = initialTracker();
  if (typeof run !== 'object' || run === null) return state;
  const r = run as Record<string, unknown>;
  state.runId = typeof r.id === 'string' ? r.id : null;
  state.run = r.status === 'success' ? 'success' : r.status === 'failed' ? 'failed' : r.status === 'running' ? 'running' : r.status === 'pending' ? 'queued' : 'idle';
  for (const s of Array.isArray(r.steps) ? r.steps : []) {
    if (typeof s !== 'object' || s === null) continue;
    const step = s as Record<string, unknown>;
    if (!isStep(step.name)) continue;
    const status = ['pending', 'running', 'success', 'failed', 'skipped'].includes(String(step.status)) ? (step.status as StepStatus) : 'pending';
    state.steps[step.name] = { status, error: typeof step.errorMessage === 'string' ? step.errorMessage : null };
  }
  return state;
}
