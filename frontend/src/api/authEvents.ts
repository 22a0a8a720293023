/**
 * Where the fetch layer's global 401/403 decisions go. The router subscribes (AppRoutes)
 * and navigates; the fetch layer stays free of React and of window.location, so it is
 * testable in isolation.
 */
import type { ApiError } from './errors.ts';

export type AuthEvent =
  | { type: 'unauthenticated'; error: ApiError }
  | { type: 'forbidden'; error: ApiError };

type Listener = (event: AuthEvent) => void;
const listeners = new Set<Listener>();

export function onAuthEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitAuthEvent(event: AuthEvent): void {
  for (const listener of listeners) listener(event);
}
