/**
 * React side of the live updates (frontend.md §5.9; logic in liveEvents.ts): mounted once
 * by the customer-area AppShell — share pages have no shell, so they never stream. It
 * invalidates query families per event, raises the new-assignments toast, exposes the
 * connection status (header dot, PipelineTracker) and lets components subscribe to events.
 *
 * An open diagram never redraws itself: diagram queries are only marked stale and
 * `diagramGeneration` goes up; DiagramTab offers "New data — refresh diagram".
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getJson } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import {
  browserTimers,
  CHANNEL_NAME,
  DERIVED_FAMILIES,
  familyOfKey,
  LiveController,
  reactionTo,
  type ChannelLike,
  type LiveStatus,
  type LocksLike,
  type QueryFamily,
  type SessionCheck,
} from './liveEvents.ts';
import { fetchConnect } from './liveEventsStream.ts';
import { LiveDot } from '../components/LiveDot.tsx';
import { Toasts } from '../components/Toast.tsx';

export type LiveListener = (name: string, data: Record<string, unknown>) => void;

export interface Toast {
  id: number;
  message: string;
}

export interface LiveContextValue {
  status: LiveStatus;
  /** Goes up whenever diagram data changed on the server (stale, not refetched). */
  diagramGeneration: number;
  subscribe: (listener: LiveListener) => () => void;
  toasts: readonly Toast[];
  dismissToast: (id: number) => void;
}

const OUTSIDE: LiveContextValue = {
  status: 'offline',
  diagramGeneration: 0,
  subscribe: () => () => undefined,
  toasts: [],
  dismissToast: () => undefined,
};

const LiveContext = createContext<LiveContextValue>(OUTSIDE);

export function useLive(): LiveContextValue {
  return useContext(LiveContext);
}

/** Call `handler` for every stream event named in `names` (the latest handler is used). */
export function useLiveEvent(names: readonly string[], handler: LiveListener): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  latest.current = handler;
  const key = names.join('\u0000');
  useEffect(() => {
    const wanted = new Set(key.split('\u0000'));
    return subscribe((name, data) => {
      if (wanted.has(name)) latest.current(name, data);
    });
  }, [subscribe, key]);
}

/** Invalidate `families` (or everything); diagram queries are marked stale without a refetch. */
export function invalidateFamilies(client: QueryClient, families: ReadonlySet<QueryFamily>, everything: boolean): boolean {
  const isDiagram = (key: readonly unknown[]) => familyOfKey(key) === 'diagram';
  void client.invalidateQueries({
    predicate: (q) => {
      if (isDiagram(q.queryKey)) return false;
      if (everything) return true;
      const family = familyOfKey(q.queryKey);
      return family !== null && families.has(family);
    },
  });
  const diagrams = everything || families.has('diagram');
  if (diagrams) void client.invalidateQueries({ predicate: (q) => isDiagram(q.queryKey), refetchType: 'none' });
  return diagrams;
}

async function ensureSession(): Promise<SessionCheck> {
  try {
    await getJson('/api/v1/me'); // a 401 goes through the fetch layer's one shared refresh
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'network') return 'offline';
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return 'unauthenticated';
    return 'ok';
  }
}

function browserChannel(): ChannelLike | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike;
}

function browserLocks(): LocksLike | null {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LocksLike }).locks;
  return locks ?? null;
}

let toastIds = 0;

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [diagramGeneration, setDiagramGeneration] = useState(0);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const listeners = useRef(new Set<LiveListener>());

  useEffect(() => {
    if (typeof fetch === 'undefined' || typeof TextDecoderStream === 'undefined') {
      setStatus('offline');
      return;
    }
    const controller = new LiveController({
      connect: fetchConnect(),
      ensureSession,
      locks: browserLocks(),
      channel: browserChannel(),
      timers: browserTimers,
      onStatus: setStatus,
      onPoll: () => {
        if (invalidateFamilies(client, new Set(DERIVED_FAMILIES), false)) setDiagramGeneration((g) => g + 1);
      },
      onEvent: (name, data) => {
        const reaction = reactionTo(name, data);
        if (reaction.everything || reaction.families.size > 0) {
          if (invalidateFamilies(client, reaction.families, reaction.everything)) setDiagramGeneration((g) => g + 1);
        }
        if (reaction.toast !== null) {
          const message = reaction.toast;
          setToasts((list) => [...list.slice(-2), { id: ++toastIds, message }]);
        }
        for (const listener of listeners.current) listener(name, data);
      },
    });
    controller.start();
    return () => controller.stop();
  }, [client]);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const value = useMemo<LiveContextValue>(
    () => ({ status, diagramGeneration, toasts, dismissToast, subscribe }),
    [status, diagramGeneration, toasts, dismissToast, subscribe],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** The header dot, fed by the shared stream's status. */
export function LiveStatusDot() {
  return <LiveDot status={useLive().status} />;
}

/** The live-update toasts (new-assignments). */
export function LiveToasts() {
  const { toasts, dismissToast } = useLive();
  return <Toasts toasts={toasts} onDismiss={dismissToast} />;
}
