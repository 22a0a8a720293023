/** TanStack Query defaults of frontend.md §1: stale after 5 min, cached 30 min, 2 retries, no refetch on focus. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors.ts';

export function shouldRetry(failureCount: number, error: unknown): boolean {
  // 4xx answers are final (401 is already refreshed once by the fetch layer); retry network
  // failures and 5xx only.
  if (error instanceof ApiError && error.kind === 'http' && error.status < 500) return false;
  if (error instanceof ApiError && error.kind === 'aborted') return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
