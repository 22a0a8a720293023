import { describe, expect, it } from 'vitest';
import { applyPipelineEvent, initialTracker, PIPELINE_STEPS, trackerFromRun } from './pipelineSteps.ts';

describe('pipeline step tracker (D15)', () => {
  it('follows a run from start to finish through the stream events', () => {
    let s = applyPipelineEvent(initialTracker(), 'run.started', { runId: 'r1', done: [] });
    expect(s.run).toBe('running');
    s = applyPipelineEvent(s, 'step.started', { runId: 'r1', step: 'classify' });
    expect(s.steps.classify.status).toBe('running');
    for (const step of PIPELINE_STEPS) s = applyPipelineEvent(s, 'step.finished', { runId: 'r1', step });
    s = applyPipelineEvent(s, 'run.finished', { runId: 'r1' });
    expect(s.run).toBe('success');
    expect(Object.values(s.steps).every((x) => x.status === 'success')).toBe(true);
  });

  it('marks a failed step with its error, and a resumed run keeps finished steps', () => {
    let s = applyPipelineEvent(initialTracker(), 'step.failed', { runId: 'r2', step: 'tree', error: 'boom' });
    expect(s).toMatchObject({ run: 'failed', steps: { tree: { status: 'failed', error: 'boom' } } });
    s = applyPipelineEvent(s, 'run.resumed', { runId: 'r2', done: ['classify', 'flag', 'nonsense'] });
    expect(s.steps.classify.status).toBe('success');
    expect(s.steps.tree.status).toBe('pending');
  });

  it('ignores unknown events and steps', () => {
    const s = initialTracker();
    expect(applyPipelineEvent(s, 'connected', {})).toBe(s);
    expect(applyPipelineEvent(s, 'step.started', { step: 'mystery' })).toBe(s);
  });

  it('seeds from the latest run of GET /pipeline', () => {
    const s = trackerFromRun({ id: 'r3', status: 'success', steps: [{ name: 'classify', status: 'success' }, { name: 'flag', status: 'failed', errorMessage: 'x' }] });
    expect(s).toMatchObject({ runId: 'r3', run: 'success', steps: { classify: { status: 'success' }, flag: { status: 'failed', error: 'x' } } });
    expect(trackerFromRun(null).run).toBe('idle');
  });
});
