/**
 * One admin SSE stream (api.md §4; frontend.md §5.9): EventSource with cookies
 * (`withCredentials`), so the browser reconnects by itself and sends `Last-Event-ID`,
 * and the server replays the gap. `resync` (the gap was trimmed) asks the page to refetch;
 * `session-expired` refreshes the session through the fetch layer (its 401 handler) before
 * the browser reconnects. A refused connection (429: both stream slots taken, or 401) closes
 * the EventSource: the state turns `offline` (pages poll instead) and it retries later.
 */
import { useEffect, useRef, useState } from 'react';
import { getJson } from '../../api/client.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline';
export type StreamHandler = (event: string, data: Record<string, unknown>, id: string) => void;

const REOPEN_MS = 15_000;

function parse(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string') return {};
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function useEventStream(url: string | null, events: readonly string[], onEvent: StreamHandler, onResync: () => void): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const handler = useRef(onEvent);
  const resync = useRef(onResync);
  handler.current = onEvent;
  resync.current = onResync;
  const names = events.join(',');

  useEffect(() => {
    if (url === null || typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const open = () => {
      if (closed) return;
      setState((s) => (s === 'offline' ? 'reconnecting' : s));
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.addEventListener('connected', () => setState('live'));
      es.addEventListener('resync', () => resync.current());
      es.addEventListener('session-expired', () => {
        // Any authenticated GET refreshes the access cookie (http.ts refreshes once on 401).
        void getJson('/api/v1/me').catch(() => undefined);
      });
      for (const name of names.split(',')) {
        es.addEventListener(name, (e) => {
          const me = e as MessageEvent<unknown>;
          handler.current(name, parse(me.data), me.lastEventId);
        });
      }
      es.onerror = () => {
        if (es.readyState === EventSource.CLOSED) {
          setState('offline');
          es.close();
          timer = setTimeout(open, REOPEN_MS);
        } else {
          setState('reconnecting');
        }
      };
    };
    open();
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [url, names]);

  return state;
}

export function StreamDot({ state }: { state: StreamState }) {
  const label = state === 'live' ? 'Live' : state === 'offline' ? 'Offline (polling)' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span className={`stream-dot stream-dot--${state}`} data-stream-state={state}>
      <span aria-hidden="true">●</span> {label}
    </span>
  );
}
