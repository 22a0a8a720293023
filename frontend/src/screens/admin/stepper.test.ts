import { describe, expect, it } from 'vitest';
import { applyEvent, emptyStepper, formatDuration, isBusy, stepperFromRun, STEP_GROUPS, STEPS, type Stepper } from './stepper.ts';

const RUN = 'run-2';
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

function fold(events: Array<[string, Record<string, unknown>, number?]>, start: Stepper = emptyStepper()): Stepper {
  return events.reduce((s, [name, data, id]) => applyEvent(s, name, data, id), start);
}

describe('pipeline stepper reducer', () => {
  it('groups the eight steps as the D15 DAG', () => {
    expect(STEP_GROUPS.flat()).toEqual([...STEPS]);
    expect(STEP_GROUPS.map((g) => g.length)).toEqual([1, 1, 2, 1, 2, 1]);
  });

  it('follows a full run with durations, rows and attempts', () => {
    const events: Array<[string, Record<string, unknown>, number]> = [['run.started', { runId: RUN, done: [], at: at(0) }, 1]];
    let id = 2;
    for (const step of STEPS) {
      events.push(['step.started', { runId: RUN, step, at: at(id) }, id++]);
      events.push(['step.finished', { runId: RUN, step, records: 7, seconds: 1.25, at: at(id) }, id++]);
    }
    const mid = fold(events.slice(0, 4));
    expect(mid.run).toBe('running');
    expect(isBusy(mid)).toBe(true);
    expect(mid.steps.classify).toMatchObject({ status: 'success', durationMs: 1250, records: 7, attempts: 1 });
    expect(mid.steps.flag.status).toBe('running');
    expect(mid.steps.flag.startedAt).toBe(Date.parse(at(4)));
    expect(mid.steps.tree.status).toBe('pending');
    const end = fold([...events, ['run.finished', { runId: RUN }, id]]);
    expect(end.run).toBe('success');
    expect(isBusy(end)).toBe(false);
    expect(STEPS.every((s) => end.steps[s].status === 'success')).toBe(true);
    expect(end.lastEventId).toBe(id);
  });

  it('shows a failure with its error and marks the steps that never ran as skipped', () => {
    const s = fold([
      ['run.started', { runId: RUN, done: [] }, 1],
      ['step.started', { runId: RUN, step: 'classify', at: at(0) }, 2],
      ['step.finished', { runId: RUN, step: 'classify', records: 1, seconds: 0.5 }, 3],
      ['step.started', { runId: RUN, step: 'flag', at: at(1) }, 4],
      ['step.failed', { runId: RUN, step: 'flag', error: 'boom', at: at(4) }, 5],
      ['run.failed', { runId: RUN, steps: ['flag'] }, 6],
    ]);
    expect(s.run).toBe('failed');
    expect(s.steps.flag).toMatchObject({ status: 'failed', error: 'boom', durationMs: 3000, attempts: 1 });
    expect(s.steps.classify.status).toBe('success');
    expect(s.steps.generate_json.status).toBe('skipped');
  });

  it('ignores replayed duplicates (ids at or below the last one)', () => {
    const once = fold([
      ['run.started', { runId: RUN, done: [] }, 1],
      ['step.started', { runId: RUN, step: 'classify' }, 2],
    ]);
    const again = applyEvent(once, 'step.started', { runId: RUN, step: 'classify' }, 2);
    expect(again).toBe(once);
    expect(again.steps.classify.attempts).toBe(1);
  });

  it('a resumed run keeps the steps already done', () => {
    const s = fold([['run.resumed', { runId: RUN, done: ['classify', 'flag'] }, 9]]);
    expect(s.steps.classify.status).toBe('success');
    expect(s.steps.flag.status).toBe('success');
    expect(s.steps.tree.status).toBe('pending');
    expect(s.run).toBe('running');
  });

  it('a step of a newer run whose start was missed restarts the view', () => {
    const old = stepperFromRun({ id: 'run-1', status: 'success', steps: STEPS.map((name) => ({ name, status: 'success' })) });
    const s = applyEvent(old, 'step.started', { runId: RUN, step: 'classify' }, 40);
    expect(s.runId).toBe(RUN);
    expect(s.run).toBe('running');
    expect(s.steps.classify.status).toBe('running');
    expect(s.steps.flag.status).toBe('pending');
    // The end of some other run does not touch the view.
    expect(applyEvent(s, 'run.finished', { runId: 'run-0' }, 41).run).toBe('running');
  });

  it('a full fallback resets the steps of the same run', () => {
    const s = fold([
      ['run.started', { runId: RUN, done: [] }, 1],
      ['step.started', { runId: RUN, step: 'classify' }, 2],
      ['step.finished', { runId: RUN, step: 'classify', seconds: 1 }, 3],
      ['run.full_fallback', { runId: RUN, reason: 'x' }, 4],
    ]);
    expect(s.steps.classify.status).toBe('pending');
    expect(s.run).toBe('running');
  });

  it('seeds from a stored run with step timings', () => {
    const s = stepperFromRun({
      id: 'r',
      status: 'failed',
      steps: [
        { name: 'classify', status: 'success', startedAt: at(0), completedAt: at(2), recordsProcessed: 12, attempts: 1, errorMessage: null },
        { name: 'flag', status: 'failed', startedAt: at(2), completedAt: at(3), durationMs: 900, attempts: 2, errorMessage: 'bad row' },
        { name: 'nonsense', status: 'success' },
      ],
    });
    expect(s.run).toBe('failed');
    expect(s.steps.classify).toMatchObject({ status: 'success', durationMs: 2000, records: 12 });
    expect(s.steps.flag).toMatchObject({ status: 'failed', durationMs: 900, attempts: 2, error: 'bad row' });
    expect(stepperFromRun(null).run).toBe('idle');
    expect(stepperFromRun({ id: 'q', status: 'pending', steps: [] }).run).toBe('queued');
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
  });
});
