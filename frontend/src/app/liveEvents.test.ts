import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dotOf,
  familyOfKey,
  LiveController,
  nextStatus,
  POLL_MS,
  RATE_LIMITED_RETRY_MS,
  reactionTo,
  RETRY_MS,
  SILENCE_MS,
  SseParser,
  browserTimers,
  type ChannelLike,
  type Connect,
  type LiveStatus,
  type LocksLike,
  type RelayMessage,
  type SessionCheck,
  type SseMessage,
  type StreamOutcome,
} from './liveEvents.ts';

describe('SSE parser', () => {
  it('parses events, ids, multi-line data and comments across chunk boundaries', () => {
    const p = new SseParser();
    const out: SseMessage[] = [];
    out.push(...p.feed('retry: 5000\nevent: connected\ndata: {"orgId":"o"}\n\n: pi'));
    out.push(...p.feed('ng\r\nid: 7\nevent: step.started\ndata: {"a":\ndata: 1}\n'));
    expect(out).toEqual([
      { kind: 'event', event: 'connected', data: '{"orgId":"o"}', id: null },
      { kind: 'comment', text: 'ping' },
    ]);
    expect(p.feed('\n')).toEqual([{ kind: 'event', event: 'step.started', data: '{"a":\n1}', id: '7' }]);
  });
});

describe('event → query families (frontend.md §5.9)', () => {
  it('maps the screens’ query keys to families', () => {
    expect(familyOfKey(['get', '/api/v1/dashboards/summary', {}])).toBe('dashboard');
    expect(familyOfKey(['recent-conveyances', 30, 10, true])).toBe('dashboard');
    expect(familyOfKey(['list', '/api/v1/assets', { status: 'broken' }, 50])).toBe('assets');
    expect(familyOfKey(['get', '/api/v1/assets/a1/assignments', {}])).toBe('assets');
    expect(familyOfKey(['get', '/api/v1/assets/a1/diagram', {}])).toBe('diagram');
    expect(familyOfKey(['list', '/api/v1/dashboards/broken-titles', {}, 50])).toBe('broken-titles');
    expect(familyOfKey(['get', '/api/v1/dashboards/timeline', {}])).toBe('timeline');
    expect(familyOfKey(['trees', 1, null])).toBe('trees');
    expect(familyOfKey(['tree', 'x'])).toBe('trees');
    expect(familyOfKey(['cpc-cloud', 'class', null])).toBe('cpc');
    expect(familyOfKey(['list', '/api/v1/events/assignments', {}, 50])).toBe('events');
    expect(familyOfKey(['entity', 'o', 'e'])).toBe('entities');
    expect(familyOfKey(['list', '/api/v1/organizations/o/companies', {}, 50])).toBe('companies');
    expect(familyOfKey(['pipeline', 'o'])).toBe('pipeline');
    // Never touched: the session, share pages, admin views, the stream itself.
    expect(familyOfKey(['me'])).toBeNull();
    expect(familyOfKey(['shared', 'abc', 'assets'])).toBeNull();
    expect(familyOfKey(['admin', 'orgs', {}, 0])).toBeNull();
    expect(familyOfKey(['get', '/api/v1/events/stream', {}])).toBeNull();
  });

  it('reacts to each §4 event', () => {
    const done = reactionTo('pipeline-complete', { status: 'completed' });
    expect([...done.families].sort()).toEqual(
      ['assets', 'broken-titles', 'companies', 'cpc', 'dashboard', 'diagram', 'entities', 'events', 'pipeline', 'timeline', 'trees'],
    );
    expect([...reactionTo('pipeline-complete', { status: 'failed' }).families]).toEqual(['pipeline']);
    const summary = reactionTo('dashboard-refresh', { dataType: 'summary' });
    expect(summary.families.has('trees') && summary.families.has('diagram') && !summary.families.has('pipeline')).toBe(true);
    expect([...reactionTo('dashboard-refresh', { dataType: 'cpc' }).families]).toEqual(['cpc']);
    const news = reactionTo('new-assignments', { count: 3, refreshNeeded: true });
    expect([...news.families].sort()).toEqual(['assets', 'dashboard', 'events', 'pipeline']);
    expect(news.toast).toBe('3 new or changed conveyances recorded for your portfolio. Updating your data…');
    expect(reactionTo('new-assignments', { count: 1 }).toast).toMatch(/^1 new or changed conveyance recorded/);
    expect(reactionTo('resync', {}).everything).toBe(true);
    const step = reactionTo('step.finished', { step: 'tree' });
    expect(step.families.size === 0 && !step.everything && step.toast === null).toBe(true);
  });
});

describe('connection state machine and header dot', () => {
  it('moves between the states', () => {
    let s: LiveStatus = nextStatus('offline', 'start');
    expect(s).toBe('connecting');
    s = nextStatus(s, 'connected');
    expect(s).toBe('live');
    s = nextStatus(s, 'silence');
    expect(s).toBe('reconnecting');
    s = nextStatus(s, 'rate-limited');
    expect(s).toBe('polling');
    expect(nextStatus(s, 'dropped')).toBe('polling'); // a failed retry keeps polling
    expect(nextStatus(s, 'connected')).toBe('live');
    expect(nextStatus('live', 'network-down')).toBe('offline');
    expect(nextStatus('offline', 'dropped')).toBe('offline');
    expect(nextStatus('live', 'signed-out')).toBe('offline');
  });

  it('shows Live / Reconnecting / Offline with text for screen readers', () => {
    expect(dotOf('live')).toMatchObject({ tone: 'live', label: 'Live' });
    expect(dotOf('connecting')).toMatchObject({ tone: 'reconnecting', label: 'Reconnecting' });
    expect(dotOf('reconnecting').label).toBe('Reconnecting');
    expect(dotOf('polling')).toMatchObject({ tone: 'offline', label: 'Offline' });
    expect(dotOf('polling').description).toMatch(/every minute/);
    expect(dotOf('offline').label).toBe('Offline');
  });
});

// ---------------------------------------------------------------------------------------
// Fakes: Web Locks (one holder, FIFO waiters), BroadcastChannel (delivers to the others),
// and a scripted stream.

class FakeLocks implements LocksLike {
  private held = false;
  private waiters: Array<() => void> = [];
  request(_name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held = true;
        void callback().finally(() => {
          this.held = false;
          this.waiters.shift()?.();
          resolve(undefined);
        });
      };
      if (!this.held) return run();
      this.waiters.push(run);
      options.signal?.addEventListener('abort', () => {
        this.waiters = this.waiters.filter((w) => w !== run);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}

class FakeHub {
  members = new Set<FakeChannel>();
  channel(): FakeChannel {
    const c = new FakeChannel(this);
    this.members.add(c);
    return c;
  }
}

class FakeChannel implements ChannelLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(private readonly hub: FakeHub) {}
  postMessage(message: RelayMessage): void {
    const copy = structuredClone(message);
    for (const other of this.hub.members) {
      if (other !== this) queueMicrotask(() => other.onmessage?.({ data: copy } as MessageEvent));
    }
  }
  close(): void {
    this.hub.members.delete(this);
  }
}

/** A stream server the test drives: each connect() is one attempt it can feed and end. */
class FakeStream {
  attempts: Array<{ lastEventId: string | null; emit: (m: SseMessage) => void; end: (o: StreamOutcome) => void; signal: AbortSignal }> = [];
  connect: Connect = (lastEventId, signal, onMessage) =>
    new Promise<StreamOutcome>((resolve) => {
      signal.addEventListener('abort', () => resolve({ kind: 'aborted' }));
      this.attempts.push({ lastEventId, emit: onMessage, end: resolve, signal });
    });
  get last() {
    const a = this.attempts.at(-1);
    if (!a) throw new Error('no connection attempt');
    return a;
  }
}

const connected: SseMessage = { kind: 'event', event: 'connected', data: '{}', id: null };
const ev = (id: number, event: string, data: object = {}): SseMessage => ({ kind: 'event', event, data: JSON.stringify(data), id: String(id) });

function tab(stream: FakeStream, locks: LocksLike | null, channel: ChannelLike | null, session: () => Promise<SessionCheck> = async () => 'ok') {
  const seen: Array<[string, Record<string, unknown>]> = [];
  const statuses: LiveStatus[] = [];
  const polls: number[] = [];
  const controller = new LiveController({
    connect: stream.connect,
    ensureSession: session,
    locks,
    channel,
    timers: browserTimers,
    onEvent: (name, data) => seen.push([name, data]),
    onStatus: (s) => statuses.push(s),
    onPoll: () => polls.push(Date.now()),
  });
  return { controller, seen, statuses, polls };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('one stream per browser: leader and followers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the leader holds the only connection and relays events and status to followers', async () => {
    const stream = new FakeStream();
    const locks = new FakeLocks();
    const hub = new FakeHub();
    const a = tab(stream, locks, hub.channel());
    const b = tab(stream, locks, hub.channel());
    a.controller.start();
    b.controller.start();
    await flush();
    expect(a.controller.role).toBe('leader');
    expect(b.controller.role).toBe('follower');
    expect(stream.attempts).toHaveLength(1);

    stream.last.emit(connected);
    stream.last.emit(ev(41, 'new-assignments', { count: 2 }));
    await flush();
    expect(a.statuses.at(-1)).toBe('live');
    expect(b.statuses.at(-1)).toBe('live');
    expect(a.seen).toEqual([['new-assignments', { count: 2 }]]);
    expect(b.seen).toEqual([['new-assignments', { count: 2 }]]);
    expect(b.controller.lastEventId).toBe('41');

    // The leader tab closes: the follower takes the lock and resumes after event 41.
    a.controller.stop();
    await flush();
    expect(stream.attempts[0]?.signal.aborted).toBe(true);
    expect(b.controller.role).toBe('leader');
    expect(stream.attempts).toHaveLength(2);
    expect(stream.last.lastEventId).toBe('41');
    b.controller.stop();
  });

  it('a tab that opens later gets the current status from the leader', async () => {
    const stream = new FakeStream();
    const locks = new FakeLocks();
    const hub = new FakeHub();
    const a = tab(stream, locks, hub.channel());
    a.controller.start();
    await flush();
    stream.last.emit(connected);
    await flush();
    const c = tab(stream, locks, hub.channel());
    c.controller.start();
    await flush();
    expect(c.statuses).toEqual(['live']);
    expect(stream.attempts).toHaveLength(1);
    a.controller.stop();
    c.controller.stop();
  });

  it('without Web Locks or BroadcastChannel a tab leads alone', async () => {
    const stream = new FakeStream();
    const a = tab(stream, null, null);
    a.controller.start();
    await flush();
    expect(a.controller.role).toBe('leader');
    expect(stream.attempts).toHaveLength(1);
    a.controller.stop();
  });
});

describe('leader connection loop (watchdog, session, 429)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reconnects after 75 s of silence, and pings keep the stream alive', async () => {
    const stream = new FakeStream();
    const a = tab(stream, null, null);
    a.controller.start();
    await flush();
    stream.last.emit(connected);
    stream.last.emit(ev(5, 'step.started', { step: 'classify' }));
    for (let i = 0; i < 4; i += 1) {
      await vi.advanceTimersByTimeAsync(30_000);
      stream.last.emit({ kind: 'comment', text: 'ping' });
    }
    expect(stream.attempts).toHaveLength(1); // 2 minutes, but never 75 s of silence
    await vi.advanceTimersByTimeAsync(SILENCE_MS - 1);
    expect(stream.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.attempts[0]?.signal.aborted).toBe(true);
    expect(a.statuses).toContain('reconnecting');
    expect(stream.attempts).toHaveLength(2);
    expect(stream.last.lastEventId).toBe('5'); // Last-Event-ID on the new connection
    a.controller.stop();
  });

  it('session-expired refreshes the session, then reconnects with the last id', async () => {
    const stream = new FakeStream();
    let checks = 0;
    const a = tab(stream, null, null, async () => {
      checks += 1;
      return 'ok';
    });
    a.controller.start();
    await flush();
    stream.last.emit(connected);
    stream.last.emit(ev(9, 'dashboard-refresh', { dataType: 'summary' }));
    stream.last.emit({ kind: 'event', event: 'session-expired', data: '{}', id: null });
    await flush();
    expect(checks).toBe(1);
    expect(stream.attempts).toHaveLength(2);
    expect(stream.last.lastEventId).toBe('9');
    expect(a.seen.map(([n]) => n)).toEqual(['dashboard-refresh']); // not forwarded as data
    a.controller.stop();
  });

  it('a failed refresh goes offline and stops', async () => {
    const stream = new FakeStream();
    const a = tab(stream, null, null, async () => 'unauthenticated');
    a.controller.start();
    await flush();
    stream.last.end({ kind: 'http', status: 401 });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(a.statuses.at(-1)).toBe('offline');
    expect(stream.attempts).toHaveLength(1);
    a.controller.stop();
  });

  it('429 switches to polling every 60 s and retries the stream later', async () => {
    const stream = new FakeStream();
    const a = tab(stream, null, null);
    a.controller.start();
    await flush();
    stream.last.end({ kind: 'http', status: 429 });
    await flush();
    expect(a.statuses.at(-1)).toBe('polling');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(a.polls).toHaveLength(1);
    expect(stream.attempts).toHaveLength(2); // retried after RATE_LIMITED_RETRY_MS
    expect(RATE_LIMITED_RETRY_MS).toBe(POLL_MS);
    stream.last.end({ kind: 'http', status: 429 });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(a.polls).toHaveLength(2);
    expect(stream.attempts).toHaveLength(3);
    stream.last.emit(connected);
    await flush();
    expect(a.statuses.at(-1)).toBe('live');
    await vi.advanceTimersByTimeAsync(3 * POLL_MS);
    expect(a.polls).toHaveLength(2); // polling stopped once live
    a.controller.stop();
  });

  it('a dropped stream reconnects after the server retry, failures back off', async () => {
    const stream = new FakeStream();
    const a = tab(stream, null, null);
    a.controller.start();
    await flush();
    stream.last.emit(connected);
    stream.last.end({ kind: 'ended' });
    await flush();
    expect(a.statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(stream.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.attempts).toHaveLength(2);
    stream.last.end({ kind: 'http', status: 503 });
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2 - 1);
    expect(stream.attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.attempts).toHaveLength(3);
    stream.last.end({ kind: 'network' });
    await flush();
    expect(a.statuses.at(-1)).toBe('offline');
    a.controller.stop();
  });
});
