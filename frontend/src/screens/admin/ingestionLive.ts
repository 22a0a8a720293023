/**
 * Live ingestion state folded from the admin stream `/admin/ingestion/stream` (api.md §4;
 * worker/ingestion/progress.py): `ingestion-progress` (jobId, ingestionJobId, source, step,
 * progress %, recordsProcessed, recordsPerSecond, bytesRead, currentFile),
 * `ingestion-complete`, `ingestion-failed`, `queue-paused`, `queue-resumed`. Jobs are keyed
 * by the Arq job id; `ingestionJobId` links a live entry to its ingestion_jobs row so the
 * jobs table can patch rows in place (§5.9). Pure, so unit-tested.
 */
export type LiveStatus = 'active' | 'completed' | 'failed';

export interface LiveJob {
  jobId: string;
  ingestionJobId: string | null;
  source: string;
  status: LiveStatus;
  step: string | null;
  progress: number | null;
  recordsProcessed: number;
  recordsPerSecond: number | null;
  bytesRead: number | null;
  currentFile: string | null;
  failedReason: string | null;
  willRetry: boolean;
  durationMs: number | null;
  at: string | null;
}

export interface QueueFlag {
  paused: boolean;
  reason: string | null;
  at: string | null;
}

export interface FeedItem {
  id: string;
  kind: 'completed' | 'failed' | 'paused' | 'resumed';
  text: string;
  at: string | null;
}

export interface IngestionLive {
  jobs: Record<string, LiveJob>;
  queues: Record<string, QueueFlag>;
  feed: FeedItem[];
  /** Progress events seen, for the "it moves" indicator and tests. */
  progressEvents: number;
}

export const FEED_LENGTH = 30;

export function emptyLive(): IngestionLive {
  return { jobs: {}, queues: {}, feed: [], progressEvents: 0 };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function blank(jobId: string, source: string): LiveJob {
  return {
    jobId,
    ingestionJobId: null,
    source,
    status: 'active',
    step: null,
    progress: null,
    recordsProcessed: 0,
    recordsPerSecond: null,
    bytesRead: null,
    currentFile: null,
    failedReason: null,
    willRetry: false,
    durationMs: null,
    at: null,
  };
}

function pushFeed(feed: FeedItem[], item: FeedItem): FeedItem[] {
  if (feed.some((f) => f.id === item.id)) return feed;
  return [item, ...feed].slice(0, FEED_LENGTH);
}

/** Fold one event (`eventId` is the SSE id: a Redis stream entry id). */
export function applyIngestionEvent(state: IngestionLive, event: string, data: Record<string, unknown>, eventId = ''): IngestionLive {
  const at = str(data.at);
  if (event === 'queue-paused' || event === 'queue-resumed') {
    const queue = str(data.queue);
    if (!queue) return state;
    const paused = event === 'queue-paused';
    const reason = str(data.reason);
    return {
      ...state,
      queues: { ...state.queues, [queue]: { paused, reason, at } },
      feed: pushFeed(state.feed, {
        id: eventId || `${event}:${queue}:${at}`,
        kind: paused ? 'paused' : 'resumed',
        text: paused ? `Queue ${queue} paused${reason ? `: ${reason}` : ''}` : `Queue ${queue} resumed`,
        at,
      }),
    };
  }
  const jobId = str(data.jobId);
  if (!jobId) return state;
  const source = str(data.source) ?? state.jobs[jobId]?.source ?? 'unknown';
  const prev = state.jobs[jobId] ?? blank(jobId, source);
  switch (event) {
    case 'ingestion-progress': {
      const job: LiveJob = {
        ...prev,
        source,
        status: 'active',
        ingestionJobId: str(data.ingestionJobId) ?? prev.ingestionJobId,
        step: str(data.step) ?? prev.step,
        progress: num(data.progress) ?? prev.progress,
        recordsProcessed: num(data.recordsProcessed) ?? prev.recordsProcessed,
        recordsPerSecond: num(data.recordsPerSecond) ?? prev.recordsPerSecond,
        bytesRead: num(data.bytesRead) ?? prev.bytesRead,
        currentFile: str(data.currentFile) ?? prev.currentFile,
        at,
      };
      return { ...state, jobs: { ...state.jobs, [jobId]: job }, progressEvents: state.progressEvents + 1 };
    }
    case 'ingestion-complete': {
      const records = num(data.recordsProcessed) ?? prev.recordsProcessed;
      const job: LiveJob = { ...prev, source, status: 'completed', progress: 100, recordsProcessed: records, durationMs: num(data.duration), at };
      return {
        ...state,
        jobs: { ...state.jobs, [jobId]: job },
        feed: pushFeed(state.feed, {
          id: eventId || `${event}:${jobId}`,
          kind: 'completed',
          text: `${source} ${str(data.status) ?? 'completed'}: ${records.toLocaleString('en-US')} records`,
          at,
        }),
      };
    }
    case 'ingestion-failed': {
      const reason = str(data.failedReason) ?? 'failed';
      const willRetry = data.willRetry === true;
      const job: LiveJob = { ...prev, source, status: 'failed', failedReason: reason, willRetry, at };
      return {
        ...state,
        jobs: { ...state.jobs, [jobId]: job },
        feed: pushFeed(state.feed, {
          id: eventId || `${event}:${jobId}:${at}`,
          kind: 'failed',
          text: `${source} failed${willRetry ? ' (will retry)' : ''}: ${reason}`,
          at,
        }),
      };
    }
    default:
      return state;
  }
}

/** The live entry for an ingestion_jobs row, if the stream has one. */
export function liveForRow(state: IngestionLive, rowId: string): LiveJob | null {
  for (const job of Object.values(state.jobs)) if (job.ingestionJobId === rowId) return job;
  return null;
}

/** "1.2 MB" style. */
export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
