/**
 * Public share viewer `/shared/:code` (frontend.md §3.12, §5.7 "Share pages"): no login,
 * branded messages for unknown/revoked (404), expired / used up (410), not included (403
 * share_permission), rate limited (429) and network failures (Retry).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';

export interface ShareProblem {
  title: string;
  body: string;
  retry: boolean;
}

export function shareProblem(error: unknown): ShareProblem {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 404) return { title: 'Link not found', body: 'This link does not exist or has been revoked.', retry: false };
    if (error.is(410, 'share_exhausted')) return { title: 'View limit reached', body: 'This link has been opened as many times as allowed.', retry: false };
    if (error.status === 410) return { title: 'Link expired', body: 'This link has expired. Ask the sender for a new one.', retry: false };
    if (error.is(403, 'share_permission')) return { title: 'Not included', body: 'This part of the portfolio is not included in the link.', retry: false };
    if (error.status === 429) return { title: 'Please wait', body: `Too many views in a short time. Try again in ${error.retryAfter ?? 60} seconds.`, retry: true };
  }
  return { title: 'Could not load this link', body: 'Check your connection and try again.', retry: true };
}

function SharePage({ children }: { children: ReactNode }) {
  // Share pages are never indexed and send no referrer (frontend.md §3.12 "Always").
  useEffect(() => {
    const metas = [
      Object.assign(document.createElement('meta'), { name: 'robots', content: 'noindex' }),
      Object.assign(document.createElement('meta'), { name: 'referrer', content: 'no-referrer' }),
    ];
    metas.forEach((m) => document.head.appendChild(m));
    return () => metas.forEach((m) => m.remove());
  }, []);
  return (
    <div className="share">
      <header className="share__header">
        <span className="brand">PatenTrack</span>
      </header>
      <main id="main" tabIndex={-1} className="share__main">
        {children}
      </main>
      <footer className="share__footer muted small">© PatenTrack</footer>
    </div>
  );
}

export default function ShareViewerPage() {
  const { code = '' } = useParams();
  const available = inContract('GET', '/api/v1/shared/{code}');
  const entry = useQuery({
    queryKey: ['shared', code],
    queryFn: ({ signal }) => getJson(`/api/v1/shared/${encodeURIComponent(code)}`, { signal }),
    enabled: available && code !== '',
    retry: false,
  });
  if (!available) {
    return (
      <SharePage>
        <NotInContract what="The shared-link viewer" template="/api/v1/shared/{code}" />
      </SharePage>
    );
  }
  if (entry.isPending) {
    return (
      <SharePage>
        <Skeleton label="Opening the shared link…" />
      </SharePage>
    );
  }
  if (entry.isError) {
    const problem = shareProblem(entry.error);
    return (
      <SharePage>
        <div className="card share__problem">
          <h1>{problem.title}</h1>
          <p>{problem.body}</p>
          {problem.retry && (
            <button type="button" onClick={() => void entry.refetch()}>
              Retry
            </button>
          )}
        </div>
      </SharePage>
    );
  }
  const info = dataOf(entry.data);
  const org = isRecord(info) ? text(info, 'organizationName', 'orgName') : null;
  return (
    <SharePage>
      <h1>Shared portfolio</h1>
      {org && <p>Shared by {org}</p>}
    </SharePage>
  );
}
