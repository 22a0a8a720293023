/**
 * The four states every data section has (frontend.md §5.7, §5.8): a skeleton shaped like
 * the rows while loading (never a blank screen), the error panel with Retry, an empty
 * state that says what would fill it, else the content. Plus the "Load more" button of
 * cursor lists that are not windowed.
 */
import type { ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel.tsx';
import { Skeleton } from './Skeleton.tsx';

export interface ListStateProps {
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  empty: boolean;
  emptyText: ReactNode;
  loadingLabel: string;
  lines?: number;
  children: ReactNode;
}

export function ListState({ pending, error, onRetry, empty, emptyText, loadingLabel, lines = 6, children }: ListStateProps) {
  if (pending) return <Skeleton lines={lines} label={loadingLabel} />;
  if (error) return <ErrorPanel error={error} onRetry={onRetry} />;
  if (empty)
    return (
      <div className="notice" role="status">
        {emptyText}
      </div>
    );
  return <>{children}</>;
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  if (!hasMore) return null;
  return (
    <p>
      <button type="button" onClick={onMore} disabled={loading} aria-busy={loading}>
        {loading ? 'Loading more…' : 'Load more'}
      </button>
    </p>
  );
}
