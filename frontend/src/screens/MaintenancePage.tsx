/**
 * Maintenance fees `/events/maintenance` (frontend.md §3.7; D2): the fee events of the org's
 * grants with window, status and due date. Status and window filters live in the URL; items
 * due within 90 days or in surcharge are highlighted (with a text label, never colour
 * alone). CSV of the loaded rows (frontend.md §5.5: there is no server stream for fees).
 * Replaces the legacy "pay maintenance fee" screen: no payments in the app.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { downloadCsv, toCsv } from '../lib/csv.ts';
import { formatDate, formatPatentNumber, formatTotal, humanize } from '../lib/format.ts';
import { FEE_STATUSES, FEE_WINDOWS, feeUrgency, feeWindowLabel } from '../lib/maintenance.ts';
import { enumParam, patchParams } from '../lib/urlParams.ts';
import { rowsAs, type MaintenanceEvent } from './customerApi.ts';
import { EventsNav } from './EventsNav.tsx';

const URGENCY_TEXT = { surcharge: 'In surcharge', soon: 'Due soon' } as const;

export default function MaintenancePage() {
  const [params, setParams] = useSearchParams();
  const status = enumParam(params, 'status', FEE_STATUSES, 'all');
  const feeWindow = enumParam(params, 'window', FEE_WINDOWS, 'all');
  const set = (patch: Record<string, string>) =>
    setParams((prev) => patchParams(prev, patch, { status: 'all', window: 'all' }), { replace: true });
  const list = useCursorList('/api/v1/events/maintenance', {
    status: status === 'all' ? undefined : status,
    feeWindow: feeWindow === 'all' ? undefined : feeWindow,
  });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const fees = rowsAs<MaintenanceEvent>(rows);
  const now = new Date();
  function exportCsv() {
    const header = ['grant_number', 'title', 'event_code', 'event_date', 'window', 'status', 'due_date'];
    downloadCsv(
      'maintenance-fees.csv',
      toCsv(
        header,
        fees.map((f) => [f.grantNumber, f.title, f.eventCode, f.eventDate, f.feeWindow, f.status, f.dueDate]),
      ),
    );
  }
  return (
    <section aria-labelledby="mf-title" className="page-wide">
      <h1 id="mf-title">Maintenance fees</h1>
      <EventsNav />
      <form className="filters" aria-label="Filter maintenance fees" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => set({ status: e.target.value })}>
            {FEE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'All statuses' : humanize(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Window
          <select value={feeWindow} onChange={(e) => set({ window: e.target.value })}>
            {FEE_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {feeWindowLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={fees.length === 0}>
          Export CSV <span className="muted small">({fees.length} loaded rows)</span>
        </button>
      </form>
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={fees.length === 0}
        emptyText={<p>{status !== 'all' || feeWindow !== 'all' ? 'No fee events match these filters.' : 'No maintenance-fee events yet.'}</p>}
        loadingLabel="Loading maintenance fees…"
      >
        <p className="muted small" aria-live="polite">
          {formatTotal(fees.length, total, approximate)}
        </p>
        <div className="table-wrap">
          <table data-testid="fees-table">
            <caption className="visually-hidden">Maintenance-fee events</caption>
            <thead>
              <tr>
                <th scope="col">Grant</th>
                <th scope="col">Title</th>
                <th scope="col">Code</th>
                <th scope="col">Date</th>
                <th scope="col">Window</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {fees.map((f) => {
                const urgency = feeUrgency(f.status, f.dueDate, now);
                return (
                  <tr key={f.id} data-urgency={urgency ?? undefined} style={urgency ? { background: urgency === 'surcharge' ? 'var(--err-bg)' : 'var(--warn-bg)' } : undefined}>
                    <td>
                      <Link to={`/assets/${encodeURIComponent(f.assetId)}/maintenance`}>{formatPatentNumber(f.grantNumber, null)}</Link>
                    </td>
                    <td>{f.title ?? '—'}</td>
                    <td>
                      <code title={f.description ?? undefined}>{f.eventCode}</code>
                    </td>
                    <td>{formatDate(f.eventDate)}</td>
                    <td>{feeWindowLabel(f.feeWindow)}</td>
                    <td>{humanize(f.status)}</td>
                    <td>
                      {formatDate(f.dueDate)}
                      {urgency && <strong className="small"> · {URGENCY_TEXT[urgency]}</strong>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </section>
  );
}
