/**
 * How an API failure is shown (frontend.md §5.7): the message for its status, the requestId
 * for 5xx, a countdown hint for 429 and a Retry button where retrying makes sense.
 */
import { ApiError } from '../api/errors.ts';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong.';
  if (error.kind === 'network') return 'Could not reach PatenTrack. Check your connection.';
  switch (error.status) {
    case 403:
      return 'You do not have access to this.';
    case 404:
      return 'Not found.';
    case 413:
      return 'Too large.';
    case 429:
      return `Too many requests. Try again in ${error.retryAfter ?? 60} seconds.`;
    default:
      if (error.code === 'INVALID_RESPONSE') return 'The server sent an unexpected answer.';
      return error.status >= 500 ? 'The server had a problem.' : error.message;
  }
}

export function ErrorPanel({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="notice notice--error" role="alert">
      {title && <p className="notice__title">{title}</p>}
      <p>{errorText(error)}</p>
      {requestId && (
        <p className="muted small">
          Request ID: <code>{requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
