/**
 * Dashboard `/?view=kpi|attention|activity` (frontend.md §3.3). The tab lives in the URL
 * (§5.3 deep links). Figures come only from the API (GET /dashboards/summary); every card
 * deep-links to its filtered list. Attention: newest broken titles, assets with open liens
 * (D2) and recent conveyances. Activity: recorded conveyances over 7/30/90/365 days.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { readPage, type Row } from '../api/pages.ts';
import { ContractQuery } from '../components/ContractQuery.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import { StatusChip } from '../components/StatusChip.tsx';
import { conveyanceLabel, formatCount, formatDate, formatPatentNumber, humanize } from '../lib/format.ts';
import { kpiCards } from './dashboardCards.ts';

const VIEWS = [
  { id: 'kpi', label: 'KPIs' },
  { id: 'attention', label: 'Attention' },
  { id: 'activity', label: 'Activity' },
] as const;

const DAYS = [7, 30, 90, 365] as const;

function Figures({ body }: { body: unknown }) {
  const cards = kpiCards(dataOf(body));
  if (cards === null) {
    return (
      <div className="notice" role="status">
        <p className="notice__title">Your portfolio is being prepared</p>
        <p className="muted">The figures appear as soon as the first pipeline run completes.</p>
      </div>
    );
  }
  return (
    <>
      <h2 className="visually-hidden">Key figures</h2>
      <ul className="cards" aria-label="Key figures">
        {cards.map((c) => (
          <li className={`card stat${c.tone ? ` stat--${c.tone}` : ''}`} key={c.key}>
            <span className="stat__label">{c.label}</span>
            <span className="stat__value" data-kpi={c.key}>
              {formatCount(c.value)}
            </span>
            {c.to && (
              <Link to={c.to} className="small">
                View <span className="visually-hidden">{c.label.toLowerCase()}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ListSection({ title, to, children }: { title: string; to: string; children: React.ReactNode }) {
  const id = `att-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card attention" aria-labelledby={id}>
      <div className="attention__head">
        <h2 id={id}>{title}</h2>
        <Link to={to} className="small">
          View all <span className="visually-hidden">{title.toLowerCase()}</span>
        </Link>
      </div>
      {children}
    </section>
  );
}

function rowsOf(body: unknown): Row[] {
  return readPage(body).rows;
}

function BrokenList({ body }: { body: unknown }) {
  const rows = rowsOf(body);
  if (!rows.length) return <p className="muted">No broken titles.</p>;
  return (
    <ul className="plain-list">
      {rows.map((r, i) => {
        const id = text(r, 'assetId');
        const bp = isRecord(r.breakPoint) ? r.breakPoint : null;
        const gap = bp ? `${text(bp, 'missingLinkFrom') ?? '?'} → ${text(bp, 'missingLinkTo') ?? '?'}` : humanize(r.reasonCode);
        return (
          <li key={id ?? i}>
            {id ? <Link to={`/assets/${encodeURIComponent(id)}/diagram?focus=gap`}>{formatPatentNumber(r.grantNumber, r.applicationNumber)}</Link> : '—'}
            <span className="muted small"> {gap}</span>
          </li>
        );
      })}
    </ul>
  );
}

function LienList({ body }: { body: unknown }) {
  const rows = rowsOf(body);
  if (!rows.length) return <p className="muted">No open liens.</p>;
  return (
    <ul className="plain-list">
      {rows.map((r, i) => {
        const id = text(r, 'id');
        return (
          <li key={id ?? i}>
            {id ? <Link to={`/assets/${encodeURIComponent(id)}/overview`}>{formatPatentNumber(r.grantNumber, r.applicationNumber)}</Link> : '—'}{' '}
            <StatusChip status={r.status} /> <span className="muted small">{text(r, 'title') ?? ''}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Recent conveyances: /events/assignments when published, else the timeline (newest first). */
function useRecent(days: number, limit: number) {
  const events = inContract('GET', '/api/v1/events/assignments');
  const timeline = inContract('GET', '/api/v1/dashboards/timeline');
  const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  return useQuery({
    queryKey: ['recent-conveyances', days, limit, events],
    enabled: events || timeline,
    queryFn: async ({ signal }) =>
      readPage(
        events
          ? await getJson('/api/v1/events/assignments', { signal, query: { days, limit } })
          : await getJson('/api/v1/dashboards/timeline', { signal, query: { limit, ...(days < 3650 ? { dateFrom: since } : {}) } }),
      ),
  });
}

function RecentList({ days, limit }: { days: number; limit: number }) {
  const recent = useRecent(days, limit);
  if (recent.isPending) return <p className="muted">Loading…</p>;
  if (recent.isError) return <p className="muted">Could not load recent conveyances.</p>;
  if (!recent.data.rows.length) return <p className="muted">No recent conveyances.</p>;
  return (
    <ul className="plain-list">
      {recent.data.rows.map((r, i) => (
        <li key={text(r, 'id') ?? i}>
          <span className="type-dot" style={{ background: text(r, 'color') ?? 'var(--muted)' }} aria-hidden="true" />
          <strong>{conveyanceLabel(r.conveyanceType)}</strong> · {formatDate(r.recordDate)} ·{' '}
          <span>{text(r, 'canonicalName', 'assigneeName', 'originalName') ?? ''}</span>{' '}
          <span className="muted small">
            reel/frame {text(r, 'rfId') ?? '—'}
            {typeof r.assetCount === 'number' ? ` · ${r.assetCount} asset${r.assetCount === 1 ? '' : 's'}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'kpi';
  const days = DAYS.find((d) => String(d) === params.get('days')) ?? 30;
  return (
    <section aria-labelledby="dash-title" className="page-wide">
      <h1 id="dash-title">Dashboard</h1>
      <nav aria-label="Dashboard views" className="tabs">
        {VIEWS.map((v) => (
          <Link key={v.id} to={`/?view=${v.id}`} aria-current={v.id === view ? 'page' : undefined} className="tab">
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'kpi' && (
        <ContractQuery what="The dashboard summary" template="/api/v1/dashboards/summary" path="/api/v1/dashboards/summary">
          {(body) => <Figures body={body} />}
        </ContractQuery>
      )}
      {view === 'attention' && (
        <div className="attention-grid">
          <ListSection title="Broken titles" to="/broken-titles">
            <ContractQuery what="The broken-title list" template="/api/v1/dashboards/broken-titles" path="/api/v1/dashboards/broken-titles" query={{ limit: '10' }}>
              {(body) => <BrokenList body={body} />}
            </ContractQuery>
          </ListSection>
          <ListSection title="Open liens" to="/assets?liens=open">
            <ContractQuery what="Assets with open liens" template="/api/v1/assets" path="/api/v1/assets" query={{ hasOpenLiens: 'true', limit: '10' }}>
              {(body) => <LienList body={body} />}
            </ContractQuery>
          </ListSection>
          <ListSection title="Recent conveyances" to="/timeline">
            <RecentList days={3650} limit={10} />
          </ListSection>
        </div>
      )}
      {view === 'activity' && (
        <>
          <label className="inline-field">
            Look back
            <select
              value={days}
              onChange={(e) =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('days', e.target.value);
                  return next;
                })
              }
            >
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          </label>
          <RecentList days={days} limit={50} />
        </>
      )}
      <nav aria-label="Explore the portfolio" className="actions" style={{ marginTop: '1.5rem' }}>
        <Link to="/trees" className="button">Ownership trees</Link>
        <Link to="/cpc" className="button">CPC word cloud</Link>
        <Link to="/events" className="button">Events</Link>
        <Link to="/events/maintenance" className="button">Maintenance fees</Link>
        <Link to="/events/assignments" className="button">Recent assignments</Link>
        <Link to="/entities" className="button">Entities</Link>
        <Link to="/search" className="button">Search</Link>
      </nav>
    </section>
  );
}
