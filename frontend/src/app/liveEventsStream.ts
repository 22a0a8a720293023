/**
 * The org stream over fetch (see liveEvents.ts for why not EventSource): cookie auth only
 * (api.md §4: never a bearer header nor a token in the URL), `Last-Event-ID` as a header
 * on every reconnect, HTTP statuses visible to the caller.
 */
import { SseParser, STREAM_URL, type Connect } from './liveEvents.ts';

export function fetchConnect(fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Connect {
  return async (lastEventId, signal, onMessage) => {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    let response: Response;
    try {
      response = await fetchImpl(STREAM_URL, { headers, credentials: 'same-origin', cache: 'no-store', signal });
    } catch {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'network' };
    }
    if (!response.ok || response.body === null) {
      void response.body?.cancel().catch(() => undefined);
      return { kind: 'http', status: response.status };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return { kind: 'ended' };
        for (const message of parser.feed(value)) onMessage(message);
      }
    } catch {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'network' };
    } finally {
      reader.cancel().catch(() => undefined);
    }
  };
}
