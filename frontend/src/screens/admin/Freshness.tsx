/** Freshness (frontend.md §3.11): per source cadence, newest data, last load, age, status (icon and text), records. */
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.ts';
import { read, type FreshnessItem } from './api.ts';
import { cadenceLabel, formatStaleDays, freshnessView, sourceLabel } from './freshness.ts';
import { StatusBadge } from './ui.tsx';

export function FreshnessPage() {
  const fresh = useQuery({
    queryKey: ['admin', 'freshness'],
    queryFn: ({ signal }) => read<{ data: FreshnessItem[] }>('/admin/ingestion/freshness', undefined, signal),
    refetchInterval: 60_000,
  });
  return (
    <section aria-labelledby="fresh-title">
      <h2 id="fresh-title">Data freshness</h2>
      {fresh.isPending ? (
        <Skeleton label="Loading freshness…" />
      ) : fresh.isError ? (
        <ErrorPanel error={fresh.error} onRetry={() => void fresh.refetch()} />
      ) : (
        <div className="table-wrap card">
          <table>
            <caption className="visually-hidden">Freshness of each data source</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Expected</th>
                <th scope="col">Newest data</th>
                <th scope="col">Last ingestion</th>
                <th scope="col">Age</th>
                <th scope="col">Records</th>
              </tr>
            </thead>
            <tbody>
              {fresh.data.data.map((f) => (
                <tr key={f.source} data-fresh-source={f.source}>
                  <th scope="row">{sourceLabel(f.source)}</th>
                  <td>
                    <StatusBadge view={freshnessView(f.status)} testId={f.status ?? 'none'} />
                  </td>
                  <td>{cadenceLabel(f.source, f.expectedFrequency)}</td>
                  <td>{formatDate(f.lastDataDate)}</td>
                  <td>{formatDateTime(f.lastIngestionDate)}</td>
                  <td>{formatStaleDays(f.staleDays)}</td>
                  <td>{formatCount(f.recordCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
