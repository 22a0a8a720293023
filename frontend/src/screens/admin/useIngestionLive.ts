/**
 * The admin ingestion stream as page state (frontend.md §5.9: it opens only on the pages
 * that show it). Progress patches rows in place; completions, failures and queue events
 * also refetch the status, jobs and queue queries so counts and banners follow.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { applyIngestionEvent, emptyLive, type IngestionLive } from './ingestionLive.ts';
import { useEventStream, type StreamState } from './useEventStream.tsx';

const EVENTS = ['ingestion-progress', 'ingestion-complete', 'ingestion-failed', 'queue-paused', 'queue-resumed'];

export function useIngestionLive(): { live: IngestionLive; stream: StreamState } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<IngestionLive>(emptyLive);
  const refetch = useCallback(() => {
    for (const key of ['ingestion-status', 'ingestion-jobs', 'ingestion-job', 'queue-controls', 'freshness']) {
      void queryClient.invalidateQueries({ queryKey: ['admin', key] });
    }
  }, [queryClient]);
  const onEvent = useCallback(
    (name: string, data: Record<string, unknown>, id: string) => {
      setLive((s) => applyIngestionEvent(s, name, data, id));
      if (name !== 'ingestion-progress') refetch();
    },
    [refetch],
  );
  const stream = useEventStream('/api/v1/admin/ingestion/stream', EVENTS, onEvent, refetch);
  return { live, stream };
}
