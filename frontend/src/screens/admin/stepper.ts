/**
 * The admin pipeline stepper's state (frontend.md §3.11 "Pipeline" tab; D15 DAG): the
 * eight steps in their six groups classify → flag → {tree ∥ timeline} → broken_title →
 * {dashboard ∥ summary} → generate_json, each with its state, duration, row count,
 * attempts and error. Folded from the pipeline SSE stream
 * (`/admin/organizations/{o}/pipeline/stream`; worker/pipeline/events.py names:
 * `run.started`, `run.resumed`, `run.full_fallback`, `step.started`, `step.finished`,
 * `step.failed`, `run.finished`, `run.failed`) or seeded from a stored run (GET
 * `/organizations/{o}/pipeline` latestRun, or an admin run detail). Pure, so unit-tested.
 */
export const STEP_GROUPS = [['classify'], ['flag'], ['tree', 'timeline'], ['broken_title'], ['dashboard', 'summary'], ['generate_json']] as const;
export const STEPS = ['classify', 'flag', 'tree', 'timeline', 'broken_title', 'dashboard', 'summary', 'generate_json'] as const;
export type Step = (typeof STEPS)[number];
export type StepState = 'pending' | 'running' | 'success' | 'failed' | 'skipped';
export type RunState = 'idle' | 'queued' | 'running' | 'success' | 'failed';

export interface StepView {
  status: StepState;
  /** epoch ms when it started (for the live elapsed time of a running step). */
  startedAt: number | null;
  durationMs: number | null;
  records: number | null;
  attempts: number | null;
  error: string | null;
}

export interface Stepper {
  runId: string | null;
  run: RunState;
  steps: Record<Step, StepView>;
  /** The last event id folded in (SSE ids increase per org), so replays are idempotent. */
  lastEventId: number;
}

const EMPTY: StepView = { status: 'pending', startedAt: null, durationMs: null, records: null, attempts: null, error: null };

export function emptyStepper(): Stepper {
  return { runId: null, run: 'idle', steps: Object.fromEntries(STEPS.map((s) => [s, { ...EMPTY }])) as Record<Step, StepView>, lastEventId: 0 };
}

export function isStep(v: unknown): v is Step {
  return typeof v === 'string' && (STEPS as readonly string[]).includes(v);
}

function time(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** True while a run is queued or going: the rebuild buttons are disabled (§3.11). */
export function isBusy(s: Stepper): boolean {
  return s.run === 'queued' || s.run === 'running';
}

/**
 * Fold one stream event. `id` is the SSE event id (numeric per org); an event at or below
 * the last one folded is a replay duplicate and is ignored. Events of an older run than the
 * one shown (a late replay) are ignored too, except a new run's start.
 */
export function applyEvent(state: Stepper, event: string, data: Record<string, unknown>, id?: number): Stepper {
  if (id !== undefined && id <= state.lastEventId) return state;
  const seen = id ?? state.lastEventId;
  const runId = str(data.runId);
  const at = time(data.at);
  if (event === 'run.started' || event === 'run.resumed') {
    const next = emptyStepper();
    const done = Array.isArray(data.done) ? data.done.filter(isStep) : [];
    // A resumed run keeps the steps it already finished (D15: resume from the failed step).
    for (const s of done) next.steps[s] = event === 'run.resumed' && state.runId === runId ? { ...state.steps[s], status: 'success', error: null } : { ...EMPTY, status: 'success' };
    return { ...next, runId, run: 'running', lastEventId: seen };
  }
  if (runId !== null && state.runId !== null && runId !== state.runId) {
    // An event of a run other than the one shown: a step of a new run whose start we
    // missed (it began while disconnected and the gap was trimmed) restarts the view;
    // the end of some other run changes nothing here.
    if (!event.startsWith('step.')) return { ...state, lastEventId: seen };
    return applyEvent({ ...emptyStepper(), runId, run: 'running', lastEventId: state.lastEventId }, event, data, id);
  }
  const base = { ...state, runId: runId ?? state.runId, lastEventId: seen };
  switch (event) {
    case 'run.full_fallback':
      // Issue 6: the scoped run re-executes every step as a full run.
      return { ...base, run: 'running', steps: emptyStepper().steps };
    case 'step.started':
    case 'step.finished':
    case 'step.failed': {
      if (!isStep(data.step)) return base;
      const prev = state.steps[data.step];
      let view: StepView;
      if (event === 'step.started') {
        view = { ...EMPTY, status: 'running', startedAt: at, attempts: (prev.attempts ?? 0) + 1 };
      } else if (event === 'step.finished') {
        const seconds = num(data.seconds);
        const durationMs = seconds !== null ? Math.round(seconds * 1000) : prev.startedAt !== null && at !== null ? at - prev.startedAt : null;
        view = { ...prev, status: 'success', durationMs, records: num(data.records), error: null };
      } else {
        const durationMs = prev.startedAt !== null && at !== null ? at - prev.startedAt : null;
        view = { ...prev, status: 'failed', durationMs, error: str(data.error) ?? 'The step failed.' };
      }
      return { ...base, run: event === 'step.failed' ? 'failed' : 'running', steps: { ...state.steps, [data.step]: view } };
    }
    case 'run.finished':
      return { ...base, run: 'success' };
    case 'run.failed': {
      // Steps that never started were skipped by the failure.
      const steps = { ...base.steps };
      for (const s of STEPS) if (steps[s].status === 'pending') steps[s] = { ...steps[s], status: 'skipped' };
      return { ...base, run: 'failed', steps };
    }
    default:
      return base;
  }
}

/** Seed from a stored run (PipelineRun of GET /organizations/{o}/pipeline, or RunDetail). */
export function stepperFromRun(run: unknown): Stepper {
  const state = emptyStepper();
  if (typeof run !== 'object' || run === null) return state;
  const r = run as Record<string, unknown>;
  state.runId = str(r.id);
  state.run = r.status === 'success' || r.status === 'partial' ? 'success' : r.status === 'failed' ? 'failed' : r.status === 'running' ? 'running' : r.status === 'pending' ? 'queued' : 'idle';
  for (const raw of Array.isArray(r.steps) ? r.steps : []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const s = raw as Record<string, unknown>;
    if (!isStep(s.name)) continue;
    const status = (['pending', 'running', 'success', 'failed', 'skipped'] as const).find((v) => v === s.status) ?? 'pending';
    const startedAt = time(s.startedAt);
    const completedAt = time(s.completedAt);
    state.steps[s.name] = {
      status,
      startedAt,
      durationMs: num(s.durationMs) ?? (startedAt !== null && completedAt !== null ? completedAt - startedAt : null),
      records: status === 'success' ? num(s.recordsProcessed) : null,
      attempts: num(s.attempts),
      error: str(s.errorMessage),
    };
  }
  return state;
}

/** "850 ms", "12.3 s", "4 min 05 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${String(s).padStart(2, '0')} s`;
}

export const STEP_LABELS: Readonly<Record<Step, string>> = {
  classify: 'Classify',
  flag: 'Flag',
  tree: 'Tree',
  timeline: 'Timeline',
  broken_title: 'Broken title',
  dashboard: 'Dashboard',
  summary: 'Summary',
  generate_json: 'Generate JSON',
};

export const STATE_LABELS: Readonly<Record<StepState, string>> = {
  pending: 'Waiting',
  running: 'Running',
  success: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};
