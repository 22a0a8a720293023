/**
 * Asset detail `/assets/:id/:tab` (frontend.md §3.5): a header from GET /assets/{id} (numbers,
 * title, status, current owner, broken-title banner, actions) and one deep-linked tab per
 * section. The diagram tab loads the diagram chunk only when opened (React.lazy).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, NavLink, useParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { contractTemplate, fillPath } from '../api/contractPath.ts';
import { NotInContract } from '../components/ContractQuery.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import { Skeleton } from '../components/Skeleton.tsx';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatPatentNumber } from '../lib/format.ts';
import { AssignmentsTab, CpcTab, FamilyTab, MaintenanceTab, OverviewTab } from './assetTabs.tsx';
import { DiagramTab } from './DiagramTab.tsx';

export const ASSET_TABS = ['overview', 'assignments', 'family', 'cpc', 'maintenance', 'diagram'] as const;
type Tab = (typeof ASSET_TABS)[number];

const LABELS: Readonly<Record<Tab, string>> = {
  overview: 'Overview',
  assignments: 'Assignments',
  family: 'Family',
  cpc: 'CPC',
  maintenance: 'Maintenance',
  diagram: 'Diagram',
};

const SHAPE: Readonly<Record<Tab, string>> = {
  overview: '/api/v1/assets/{}',
  assignments: '/api/v1/assets/{}/assignments',
  family: '/api/v1/assets/{}/family',
  cpc: '/api/v1/assets/{}/cpc',
  maintenance: '/api/v1/assets/{}/maintenance',
  diagram: '/api/v1/assets/{}/diagram',
};

function useGet(shape: string, id: string) {
  const template = contractTemplate('GET', shape);
  const path = fillPath(shape, id);
  const query = useQuery({
    queryKey: ['get', path, {}],
    queryFn: ({ signal }) => getJson(path, { signal }),
    enabled: template !== null && id !== '',
  });
  return { template, query };
}

function TabBody({ tab, id, asset }: { tab: Tab; id: string; asset: Record<string, unknown> | null }) {
  const { template, query } = useGet(SHAPE[tab], id);
  if (template === null) return <NotInContract what={`The ${LABELS[tab]} tab`} template={SHAPE[tab].replace('{}', '{id}')} />;
  if (query.isPending) return <Skeleton lines={tab === 'diagram' ? 8 : 4} label={`Loading ${LABELS[tab].toLowerCase()}…`} />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  switch (tab) {
    case 'overview':
      return <OverviewTab asset={asset ?? {}} />;
    case 'assignments':
      return <AssignmentsTab body={query.data} />;
    case 'family':
      return <FamilyTab body={query.data} />;
    case 'cpc':
      return <CpcTab body={query.data} />;
    case 'maintenance':
      return <MaintenanceTab body={query.data} />;
    case 'diagram':
      return <DiagramTab body={query.data} />;
  }
}

function CopyLink() {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(location.href).then(() => setCopied(true));
      }}
    >
      {copied ? 'Link copied' : 'Copy link'}
    </button>
  );
}

export default function AssetDetailPage() {
  const { id = '', tab } = useParams();
  const active = ASSET_TABS.find((t) => t === tab);
  const header = useGet(SHAPE.overview, id);
  if (!active) return <Navigate to={`/assets/${encodeURIComponent(id)}/overview`} replace />;
  const asset = header.query.data ? dataOf(header.query.data) : null;
  const record = isRecord(asset) ? asset : null;
  const number = record ? formatPatentNumber(record.grantNumber, record.applicationNumber) : '';
  const appNo = record ? text(record, 'applicationNumber') : null;
  const verdict = record && isRecord(record.titleVerdict) ? record.titleVerdict : null;
  const owner = record && isRecord(record.currentOwner) ? record.currentOwner : null;
  const holders = owner && Array.isArray(owner.holders) ? owner.holders.filter((h): h is string => typeof h === 'string') : [];
  return (
    <section aria-labelledby="asset-title" className="page-wide">
      <p className="small">
        <Link to="/assets">← Assets</Link>
      </p>
      <header className="asset-head">
        <h1 id="asset-title">
          {record ? (
            <>
              <span className="asset-head__number">{number}</span> <span className="asset-head__title">{text(record, 'title') ?? 'Untitled'}</span>
            </>
          ) : (
            'Asset'
          )}
        </h1>
        {record && (
          <div className="asset-head__meta">
            <StatusChip status={record.status} />
            <span>
              Owner: <strong data-testid="current-owner">{holders.length ? holders.join(', ') : '—'}</strong>
            </span>
          </div>
        )}
        {header.query.isError && <ErrorPanel error={header.query.error} onRetry={() => void header.query.refetch()} />}
        {verdict && verdict.status === 'broken' && (
          <div className="notice notice--warn" role="note">
            <p className="notice__title">Broken chain of title</p>
            <p>
              The chain from the inventors to the current owner has a gap.{' '}
              <Link to={`/assets/${encodeURIComponent(id)}/diagram?focus=gap`}>Show it on the diagram</Link>
            </p>
          </div>
        )}
        <div className="actions">
          <Link className="button" to={`/shares?new=1&assetId=${encodeURIComponent(id)}`}>
            Share
          </Link>
          <CopyLink />
          {appNo && (
            <a className="button" href={`https://assignment.uspto.gov/patent/index.html#/patent/search/resultAbstract?id=${encodeURIComponent(appNo)}&type=applNum`} target="_blank" rel="noreferrer noopener">
              Open at USPTO<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </div>
      </header>
      <nav aria-label="Asset sections" className="tabs">
        {ASSET_TABS.map((t) => (
          <NavLink key={t} to={`/assets/${encodeURIComponent(id)}/${t}`} className="tab">
            {LABELS[t]}
          </NavLink>
        ))}
      </nav>
      <div className="tab-panel">
        <TabBody tab={active} id={id} asset={record} />
      </div>
    </section>
  );
}
