/**
 * A screen section fed by one GET. When the endpoint is not in the committed contract yet
 * it says so (no request, no fake data); otherwise it shows a skeleton, the error panel or
 * its children with the data. Once `npm run generate:api` brings the endpoint in, the same
 * section starts calling it with no code change.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { ErrorPanel } from './ErrorPanel.tsx';
import { Skeleton } from './Skeleton.tsx';

export interface ContractQueryProps {
  /** Contract path template, e.g. /api/v1/assets/{id}. */
  template: string;
  /** The concrete path to call. */
  path: string;
  query?: Readonly<Record<string, string | undefined>>;
  what: string;
  children: (data: unknown) => ReactNode;
}

export function NotInContract({ what, template }: { what: string; template: string }) {
  return (
    <div className="notice" role="status">
      <p className="notice__title">{what} is not available yet</p>
      <p className="muted">
        This screen reads <code>GET {template}</code>, which is not in the API contract yet. It will show real data
        as soon as the endpoint is published.
      </p>
    </div>
  );
}

export function ContractQuery({ template, path, query, what, children }: ContractQueryProps) {
  const enabled = inContract('GET', template);
  const result = useQuery({
    queryKey: ['get', path, query ?? {}],
    queryFn: ({ signal }) => getJson(path, { signal, ...(query ? { query } : {}) }),
    enabled,
  });
  if (!enabled) return <NotInContract what={what} template={template} />;
  if (result.isPending) return <Skeleton label={`Loading ${what.toLowerCase()}…`} />;
  if (result.isError) return <ErrorPanel error={result.error} onRetry={() => void result.refetch()} />;
  return <>{children(result.data)}</>;
}
