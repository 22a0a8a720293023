/**
 * Live updates (frontend.md §5.9, api.md §4): ONE org event stream per browser.
 *
 * - A leader tab, elected with Web Locks (`navigator.locks.request('patentrack-sse')`),
 *   holds the connection; every other tab is a follower and receives the events and the
 *   connection status over `BroadcastChannel('patentrack-sse')`. When the leader tab
 *   closes, its lock is released and the next waiting tab takes over, resuming from the
 *   last event id it saw (followers track it too).
 * - Transport: `fetch` + a streamed SSE parser rather than `EventSource`. EventSource
 *   hides the two things §5.9 needs: the `: ping` comments (the 75 s silence watchdog
 *   would fire on every quiet stream) and HTTP statuses (429 → polling, 401 → refresh).
 *   With fetch, `Last-Event-ID` is a real header on every reconnect.
 * - 75 s without a byte (pings come every 15–30 s) → abort and reconnect.
 * - `session-expired`, or a 401 → refresh the session through the fetch layer (one shared
 *   /auth/refresh), then reconnect; a failed refresh is the login redirect's business.
 * - `resync` → invalidate everything. 429 (2 streams per user, api.md §1.6) → poll mode:
 *   invalidate every 60 s and try the stream again later.
 *
 * This file is pure logic with injected effects (unit-tested with fakes and fake timers);
 * liveEventsProvider.tsx wires it to the browser and TanStack Query.
 */

export const STREAM_URL = '/api/v1/events/stream';
export const LOCK_NAME = 'patentrack-sse';
export const CHANNEL_NAME = 'patentrack-sse';
export const SILENCE_MS = 75_000;
export const POLL_MS = 60_000;
export const RATE_LIMITED_RETRY_MS = 60_000;
export const RETRY_MS = 5_000; // api.md §4: the server's `retry: 5000`
export const MAX_RETRY_MS = 60_000;

/** Events the SPA reacts to (data events of §4 and the pipeline progress events). */
export const STREAM_EVENTS = [
  'new-assignments',
  'dashboard-refresh',
  'pipeline-complete',
  'job-progress',
  'export-complete',
  'resync',
  'run.started',
  'run.resumed',
  'run.full_fallback',
  'step.started',
  'step.finished',
  'step.failed',
  'run.finished',
  'run.failed',
] as const;

// ---------------------------------------------------------------------------------------
// SSE wire format

export type SseMessage =
  | { kind: 'comment'; text: string }
  | { kind: 'event'; event: string; data: string; id: string | null };

/** Incremental text/event-stream parser (WHATWG "event stream interpretation"). */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | null = null;

  feed(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const nl = this.buffer.search(/\r\n|\r|\n/);
      if (nl < 0) break;
      const sep = this.buffer.startsWith('\r\n', nl) ? 2 : 1;
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + sep);
      if (line === '') {
        if (this.data.length > 0 || this.event !== '') {
          out.push({ kind: 'event', event: this.event || 'message', data: this.data.join('\n'), id: this.id });
        }
        this.event = '';
        this.data = [];
        this.id = null;
        continue;
      }
      if (line.startsWith(':')) {
        out.push({ kind: 'comment', text: line.slice(1).trim() });
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// Connection status and the header dot

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'offline';
export type LiveSignal = 'start' | 'connected' | 'dropped' | 'silence' | 'rate-limited' | 'network-down' | 'signed-out';

/** The connection's state machine (what the dot shows follows from it). */
export function nextStatus(status: LiveStatus, signal: LiveSignal): LiveStatus {
  switch (signal) {
    case 'start':
      return status === 'live' ? 'live' : 'connecting';
    case 'connected':
      return 'live';
    case 'dropped':
    case 'silence':
      // Poll mode stays until a stream really connects; offline stays until it does too.
      return status === 'polling' || status === 'offline' ? status : 'reconnecting';
    case 'rate-limited':
      return 'polling';
    case 'network-down':
    case 'signed-out':
      return 'offline';
  }
}

export type DotTone = 'live' | 'reconnecting' | 'offline';

/** frontend.md §5.9 header dot: Live / Reconnecting / Offline, with text for screen readers. */
export function dotOf(status: LiveStatus): { tone: DotTone; label: string; description: string } {
  switch (status) {
    case 'live':
      return { tone: 'live', label: 'Live', description: 'Live updates are on.' };
    case 'connecting':
    case 'reconnecting':
      return { tone: 'reconnecting', label: 'Reconnecting', description: 'Reconnecting to live updates…' };
    case 'polling':
      return { tone: 'offline', label: 'Offline', description: 'Live updates unavailable; checking for new data every minute.' };
    case 'offline':
      return { tone: 'offline', label: 'Offline', description: 'Live updates are offline.' };
  }
}

// ---------------------------------------------------------------------------------------
// Event -> query families to invalidate

export type QueryFamily =
  | 'dashboard'
  | 'assets'
  | 'broken-titles'
  | 'timeline'
  | 'trees'
  | 'cpc'
  | 'events'
  | 'entities'
  | 'companies'
  | 'pipeline'
  | 'diagram';

export const DERIVED_FAMILIES: readonly QueryFamily[] = [
  'dashboard',
  'assets',
  'broken-titles',
  'timeline',
  'trees',
  'cpc',
  'events',
  'entities',
  'companies',
  'pipeline',
  'diagram',
];

const API = '/api/v1';

/**
 * The family a query key belongs to, from the keys the screens use: ['get', path, query]
 * (ContractQuery, asset tabs), ['list', path, ...] (cursor lists), and the screens' own
 * ['trees', ...], ['tree', id], ['cpc-cloud', ...], ['recent-conveyances', ...],
 * ['entity', ...], ['share-picker-assets'], ['pipeline', orgId]. Share pages (['shared', ...])
 * and admin keys (['admin', ...], patched by their own streams) belong to none.
 */
export function familyOfKey(key: readonly unknown[]): QueryFamily | null {
  const [head, second] = key;
  switch (head) {
    case 'trees':
    case 'tree':
      return 'trees';
    case 'cpc-cloud':
      return 'cpc';
    case 'recent-conveyances':
      return 'dashboard';
    case 'entity':
      return 'entities';
    case 'share-picker-assets':
      return 'assets';
    case 'pipeline':
      return 'pipeline';
    case 'get':
    case 'list':
      return typeof second === 'string' ? familyOfPath(second) : null;
    default:
      return null;
  }
}

export function familyOfPath(path: string): QueryFamily | null {
  const p = path.startsWith('http') ? new URL(path).pathname : path.split('?')[0] ?? path;
  if (/^\/api\/v1\/assets\/[^/]+\/diagram$/.test(p)) return 'diagram';
  if (p.startsWith(`${API}/dashboards/broken-titles`)) return 'broken-titles';
  if (p.startsWith(`${API}/dashboards/timeline`)) return 'timeline';
  if (p.startsWith(`${API}/dashboards/trees`)) return 'trees';
  if (p.startsWith(`${API}/dashboards/cpc`)) return 'cpc';
  if (p.startsWith(`${API}/dashboards`)) return 'dashboard';
  if (p.startsWith(`${API}/assets`)) return 'assets';
  if (p === `${API}/events/stream`) return null;
  if (p.startsWith(`${API}/events`)) return 'events';
  if (p.startsWith(`${API}/entities`) || /^\/api\/v1\/organizations\/[^/]+\/entities/.test(p)) return 'entities';
  if (p.startsWith(`${API}/companies`) || /^\/api\/v1\/organizations\/[^/]+\/companies/.test(p)) return 'companies';
  if (/^\/api\/v1\/organizations\/[^/]+\/pipeline/.test(p)) return 'pipeline';
  return null;
}

export interface Reaction {
  /** Families to invalidate (the diagram family is only marked stale, see below). */
  families: ReadonlySet<QueryFamily>;
  /** Invalidate every query (resync). */
  everything: boolean;
  /** A message for the toast, if any. */
  toast: string | null;
}

const NONE: Reaction = { families: new Set(), everything: false, toast: null };

const BY_DATA_TYPE: Readonly<Record<string, readonly QueryFamily[]>> = {
  // The pipeline sends one `summary` for a run that recomputed everything (data_events.py).
  summary: DERIVED_FAMILIES.filter((f) => f !== 'pipeline'),
  tree: ['trees', 'diagram', 'dashboard'],
  timeline: ['timeline', 'dashboard'],
  'broken-titles': ['broken-titles', 'assets', 'dashboard'],
  cpc: ['cpc'],
  org: ['dashboard', 'companies'],
};

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** What the SPA does for one stream event (frontend.md §5.9 "Events"). */
export function reactionTo(name: string, data: Readonly<Record<string, unknown>>): Reaction {
  switch (name) {
    case 'pipeline-complete':
      if (data.status === 'completed') return { ...NONE, families: new Set(DERIVED_FAMILIES) };
      return { ...NONE, families: new Set<QueryFamily>(['pipeline']) };
    case 'dashboard-refresh': {
      const families = BY_DATA_TYPE[typeof data.dataType === 'string' ? data.dataType : 'summary'] ?? BY_DATA_TYPE.summary ?? [];
      return { ...NONE, families: new Set(families) };
    }
    case 'new-assignments': {
      // Raw conveyances are visible at once (asset assignments, recent events); the derived
      // data follows with the pipeline run the load queued (its pipeline-complete).
      const count = typeof data.count === 'number' ? data.count : null;
      const what = count === null ? 'New conveyances' : plural(count, 'new or changed conveyance', 'new or changed conveyances');
      return {
        families: new Set<QueryFamily>(['events', 'assets', 'dashboard', 'pipeline']),
        everything: false,
        toast: `${what} recorded for your portfolio. Updating your data…`,
      };
    }
    case 'resync':
      return { ...NONE, everything: true };
    default:
      return NONE;
  }
}

// ---------------------------------------------------------------------------------------
// Leader / follower relay and the leader's connection loop

export type StreamOutcome =
  | { kind: 'http'; status: number }
  | { kind: 'network' }
  | { kind: 'ended' }
  | { kind: 'aborted' };

/** Open the stream and feed its messages to `onMessage` until it ends; never throws. */
export type Connect = (lastEventId: string | null, signal: AbortSignal, onMessage: (m: SseMessage) => void) => Promise<StreamOutcome>;

export type SessionCheck = 'ok' | 'unauthenticated' | 'offline';

export type RelayMessage =
  | { type: 'event'; name: string; data: Record<string, unknown>; id: string | null }
  | { type: 'status'; status: LiveStatus }
  | { type: 'hello' };

export interface ChannelLike {
  postMessage(message: RelayMessage): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface LocksLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

export interface TimersLike {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface LiveDeps {
  connect: Connect;
  ensureSession: () => Promise<SessionCheck>;
  locks: LocksLike | null;
  channel: ChannelLike | null;
  timers: TimersLike;
  onEvent: (name: string, data: Record<string, unknown>) => void;
  onStatus: (status: LiveStatus) => void;
  /** Poll mode tick: refetch what the stream would have told us about. */
  onPoll: () => void;
}

export const browserTimers: TimersLike = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

function parseData(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export class LiveController {
  role: 'idle' | 'follower' | 'leader' | 'stopped' = 'idle';
  status: LiveStatus = 'connecting';
  lastEventId: string | null = null;
  private readonly stopper = new AbortController();
  private releaseLock: (() => void) | null = null;
  private attempt: AbortController | null = null;
  private watchdog: unknown = null;
  private poller: unknown = null;
  private silenced = false;

  constructor(private readonly deps: LiveDeps) {}

  start(): void {
    if (this.role !== 'idle') return;
    this.role = 'follower';
    const { channel, locks } = this.deps;
    if (channel) channel.onmessage = (e: MessageEvent) => this.onRelay(e.data as RelayMessage);
    if (!locks) {
      void this.lead();
      return;
    }
    channel?.postMessage({ type: 'hello' });
    locks
      .request(LOCK_NAME, { signal: this.stopper.signal }, () => this.lead())
      .catch(() => undefined); // AbortError when stopped while still waiting
  }

  stop(): void {
    if (this.role === 'stopped') return;
    this.role = 'stopped';
    this.stopper.abort();
    this.attempt?.abort();
    this.clearWatchdog();
    this.setPolling(false);
    this.releaseLock?.();
    if (this.deps.channel) {
      this.deps.channel.onmessage = null;
      this.deps.channel.close();
    }
  }

  private setStatus(signal: LiveSignal): void {
    const next = nextStatus(this.status, signal);
    this.setPolling(next === 'polling');
    if (next === this.status) return;
    this.status = next;
    this.deps.onStatus(next);
    if (this.role === 'leader') this.deps.channel?.postMessage({ type: 'status', status: next });
  }

  private onRelay(message: RelayMessage): void {
    if (this.role === 'stopped') return;
    if (message.type === 'hello') {
      if (this.role === 'leader') this.deps.channel?.postMessage({ type: 'status', status: this.status });
      return;
    }
    if (this.role === 'leader') return; // only one leader holds the lock; ignore strays
    if (message.type === 'status') {
      this.setPolling(message.status === 'polling'); // every tab refetches its own screens
      if (message.status !== this.status) {
        this.status = message.status;
        this.deps.onStatus(message.status);
      }
      return;
    }
    if (message.id !== null) this.lastEventId = message.id;
    this.deps.onEvent(message.name, message.data);
  }

  private dispatch(name: string, data: Record<string, unknown>, id: string | null): void {
    if (id !== null) this.lastEventId = id;
    this.deps.onEvent(name, data);
    this.deps.channel?.postMessage({ type: 'event', name, data, id });
  }

  private armWatchdog(): void {
    this.clearWatchdog();
    this.watchdog = this.deps.timers.setTimeout(() => {
      this.silenced = true;
      this.attempt?.abort();
    }, SILENCE_MS);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) this.deps.timers.clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private setPolling(on: boolean): void {
    if (on && this.poller === null) this.poller = this.deps.timers.setInterval(() => this.deps.onPoll(), POLL_MS);
    if (!on && this.poller !== null) {
      this.deps.timers.clearInterval(this.poller);
      this.poller = null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopper.signal.aborted) return resolve();
      const handle = this.deps.timers.setTimeout(resolve, ms);
      this.stopper.signal.addEventListener('abort', () => {
        this.deps.timers.clearTimeout(handle);
        resolve();
      });
    });
  }

  /** Holds the lock for as long as this tab leads (until stop()). */
  private async lead(): Promise<void> {
    if (this.role === 'stopped') return;
    this.role = 'leader';
    const held = new Promise<void>((resolve) => {
      this.releaseLock = resolve;
    });
    void this.loop();
    await held;
  }

  private async loop(): Promise<void> {
    let delay = 0;
    this.setStatus('start');
    this.deps.channel?.postMessage({ type: 'status', status: this.status });
    while (this.role === 'leader') {
      if (delay > 0) await this.sleep(delay);
      if (this.role !== 'leader') return;
      const attempt = new AbortController();
      this.attempt = attempt;
      this.silenced = false;
      let expired = false;
      let connected = false;
      this.armWatchdog();
      const outcome = await this.deps.connect(this.lastEventId, attempt.signal, (m) => {
        this.armWatchdog(); // any byte, pings included, proves the stream alive
        if (m.kind !== 'event') return;
        const data = parseData(m.data);
        if (m.event === 'connected') {
          connected = true;
          this.setStatus('connected');
        } else if (m.event === 'session-expired') {
          expired = true;
          attempt.abort();
        } else {
          this.dispatch(m.event, data, m.id);
        }
      });
      this.clearWatchdog();
      if (this.role !== 'leader') return;
      if (this.silenced) {
        this.setStatus('silence'); // 75 s of nothing: a dead connection; reconnect now
        delay = 0;
        continue;
      }
      if (expired || (outcome.kind === 'http' && outcome.status === 401)) {
        const session = await this.deps.ensureSession();
        if (session === 'unauthenticated') {
          this.setStatus('signed-out'); // the fetch layer sends the user to /login
          return;
        }
        this.setStatus(session === 'offline' ? 'network-down' : 'dropped');
        delay = session === 'offline' ? RETRY_MS : 0;
        continue;
      }
      if (outcome.kind === 'http' && outcome.status === 429) {
        this.setStatus('rate-limited');
        delay = RATE_LIMITED_RETRY_MS;
        continue;
      }
      this.setStatus(outcome.kind === 'network' ? 'network-down' : 'dropped');
      // A stream that was up reconnects after the server's retry; repeated failures back off.
      delay = connected ? RETRY_MS : Math.min(MAX_RETRY_MS, Math.max(RETRY_MS, delay * 2));
    }
  }
}
