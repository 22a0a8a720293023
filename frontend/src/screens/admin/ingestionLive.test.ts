import { describe, expect, it } from 'vitest';
import { applyIngestionEvent, emptyLive, FEED_LENGTH, formatBytes, liveForRow } from './ingestionLive.ts';

describe('ingestion live state', () => {
  it('patches a job from progress to completion and feeds the live feed', () => {
    let s = applyIngestionEvent(emptyLive(), 'ingestion-progress', { jobId: 'arq1', source: 'USPTO_PASDL_DAILY', step: 'start', progress: null, recordsProcessed: 0 }, '1-0');
    s = applyIngestionEvent(s, 'ingestion-progress', { jobId: 'arq1', ingestionJobId: 'row1', source: 'USPTO_PASDL_DAILY', step: 'load', progress: 42.5, recordsProcessed: 80, recordsPerSecond: 40, bytesRead: 2048, currentFile: 'ad20160102.zip' }, '2-0');
    expect(s.progressEvents).toBe(2);
    expect(s.jobs.arq1).toMatchObject({ status: 'active', progress: 42.5, recordsProcessed: 80, currentFile: 'ad20160102.zip', ingestionJobId: 'row1' });
    expect(liveForRow(s, 'row1')?.jobId).toBe('arq1');
    expect(liveForRow(s, 'nope')).toBeNull();
    s = applyIngestionEvent(s, 'ingestion-complete', { jobId: 'arq1', source: 'USPTO_PASDL_DAILY', status: 'success', recordsProcessed: 199, duration: 5000 }, '3-0');
    expect(s.jobs.arq1).toMatchObject({ status: 'completed', progress: 100, recordsProcessed: 199, durationMs: 5000, currentFile: 'ad20160102.zip' });
    expect(s.feed[0]).toMatchObject({ kind: 'completed', id: '3-0' });
    expect(s.feed[0]?.text).toContain('199 records');
    // A replayed event does not add a second feed line.
    expect(applyIngestionEvent(s, 'ingestion-complete', { jobId: 'arq1', source: 'USPTO_PASDL_DAILY', recordsProcessed: 199 }, '3-0').feed).toHaveLength(1);
  });

  it('records failures with the retry flag', () => {
    const s = applyIngestionEvent(emptyLive(), 'ingestion-failed', { jobId: 'j', source: 'CPC', failedReason: 'HTTP 500', willRetry: true, attemptsMade: 1 }, '5-0');
    expect(s.jobs.j).toMatchObject({ status: 'failed', failedReason: 'HTTP 500', willRetry: true });
    expect(s.feed[0]?.text).toBe('CPC failed (will retry): HTTP 500');
  });

  it('tracks queue pause state for the banner', () => {
    let s = applyIngestionEvent(emptyLive(), 'queue-paused', { queue: 'ingestion', reason: 'maintenance', at: '2026-01-01T00:00:00Z' }, '7-0');
    expect(s.queues.ingestion).toEqual({ paused: true, reason: 'maintenance', at: '2026-01-01T00:00:00Z' });
    s = applyIngestionEvent(s, 'queue-resumed', { queue: 'ingestion' }, '8-0');
    expect(s.queues.ingestion?.paused).toBe(false);
    expect(s.feed.map((f) => f.kind)).toEqual(['resumed', 'paused']);
  });

  it('ignores events without a job id or queue, and unknown events', () => {
    const s = emptyLive();
    expect(applyIngestionEvent(s, 'ingestion-progress', {}, '1-0')).toBe(s);
    expect(applyIngestionEvent(s, 'queue-paused', {}, '1-0')).toBe(s);
    expect(applyIngestionEvent(s, 'something-else', { jobId: 'x' }, '1-0')).toBe(s);
  });

  it('keeps the feed bounded', () => {
    let s = emptyLive();
    for (let i = 0; i < FEED_LENGTH + 5; i++) s = applyIngestionEvent(s, 'ingestion-complete', { jobId: `j${i}`, source: 's' }, `${i}-0`);
    expect(s.feed).toHaveLength(FEED_LENGTH);
    expect(s.feed[0]?.id).toBe(`${FEED_LENGTH + 4}-0`);
  });

  it('formats bytes', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GB');
  });
});
