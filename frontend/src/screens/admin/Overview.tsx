/**
 * Admin overview (frontend.md §3.11): tiles (active orgs, trials, active jobs, failures in
 * 24 h, queue depth, unhealthy sources, paused queues) and a live feed of completions,
 * failures and queue events from the ingestion stream. The contract has no cross-tenant
 * "running pipelines" count, so that tile is not shown.
 */
import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { read, type OffsetPage, type OrgRow } from './api.ts';
import { LiveJobs, useIngestionStatus, useQueueControls } from './Ingestion.tsx';
import { Tile } from './ui.tsx';
import { useIngestionLive } from './useIngestionLive.ts';
import { StreamDot } from './useEventStream.tsx';

function useOrgCount(status: 'active' | 'trial') {
  return useQuery({
    queryKey: ['admin', 'orgs', 'count', status],
    queryFn: ({ signal }) => read<OffsetPage<OrgRow>>('/admin/organizations', { status, limit: 1 }, signal),
  });
}

export function OverviewPage() {
  const { live, stream } = useIngestionLive();
  const active = useOrgCount('active');
  const trial = useOrgCount('trial');
  const status = useIngestionStatus(stream === 'offline');
  const queues = useQueueControls();
  const unhealthy = status.data?.sources.filter((s) => s.status !== 'healthy').length;
  const paused = queues.data?.filter((q) => q.paused).length;
  return (
    <div className="admin-stack">
      <ul className="cards" aria-label="Platform at a glance">
        <Tile id="activeOrgs" label="Active orgs" value={formatCount(active.data?.total)} />
        <Tile id="trials" label="Trials" value={formatCount(trial.data?.total)} />
        <Tile id="activeJobs" label="Active jobs" value={formatCount(status.data?.activeJobs)} />
        <Tile id="failures24h" label="Failures in 24 h" value={formatCount(status.data?.failedJobsLast24H)} tone={(status.data?.failedJobsLast24H ?? 0) > 0 ? 'bad' : undefined} />
        <Tile id="queueDepth" label="Queue depth" value={formatCount(status.data?.queueDepth)} tone={(status.data?.queueDepth ?? 0) > 1000 ? 'warn' : undefined} />
        <Tile id="unhealthySources" label="Unhealthy sources" value={formatCount(unhealthy)} tone={(unhealthy ?? 0) > 0 ? 'warn' : undefined} />
        <Tile id="pausedQueues" label="Paused queues" value={formatCount(paused)} tone={(paused ?? 0) > 0 ? 'warn' : undefined} />
      </ul>
      <section className="card" aria-labelledby="feed-title">
        <div className="admin-row">
          <h2 id="feed-title">Live feed</h2>
          <StreamDot state={stream} />
        </div>
        {live.feed.length === 0 ? (
          <p className="muted">Completions, failures and queue changes appear here as they happen.</p>
        ) : (
          <ol className="plain-list feed" aria-live="polite">
            {live.feed.map((f) => (
              <li key={f.id} data-feed={f.kind}>
                <span aria-hidden="true">{f.kind === 'completed' ? '✓ ' : f.kind === 'failed' ? '✕ ' : f.kind === 'paused' ? '❚❚ ' : '▶ '}</span>
                {f.text} <span className="muted small">{formatDateTime(f.at)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <LiveJobs live={live} />
    </div>
  );
}
