/**
 * Ownership trees `/trees` and `/trees/:id` (frontend.md §3.6; BR-024..031). The list has
 * the four tabs (employee, ownership, security, administrative) and the type sub-filter in
 * the URL (`?tab=&type=`); rows show the tree colour swatch (with the type in words, never
 * colour alone), entity, type, assets and last activity. The detail shows the transaction
 * summary (counts, date span) and the tree's assets.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { ListState } from '../components/ListState.tsx';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatCount, formatDate, formatPatentNumber } from '../lib/format.ts';
import { intParam, optionalIntParam, patchParams } from '../lib/urlParams.ts';
import { readAs, type TreeDetail, type TreeNode } from './customerApi.ts';
import { TREE_TABS, treeTypeLabel, typesOfTab } from './treeLabels.ts';

function Swatch({ color }: { color: string }) {
  return <span className="swatch" style={{ background: color }} aria-hidden="true" />;
}

function TreeList() {
  const [params, setParams] = useSearchParams();
  const tab = intParam(params, 'tab', 0, 3, 1);
  const typeRaw = optionalIntParam(params, 'type', 0, 13);
  // A type of another tab (hand-edited URL) is ignored rather than showing an empty list.
  const type = typeRaw !== null && typesOfTab(tab).some((t) => t.type === typeRaw) ? typeRaw : null;
  const trees = useQuery({
    queryKey: ['trees', tab, type],
    queryFn: ({ signal }) =>
      getJson('/api/v1/dashboards/trees', { signal, query: { tab, ...(type !== null ? { treeType: type } : {}) } }),
  });
  const nodes: TreeNode[] = trees.data?.data.find((t) => t.tab === tab)?.nodes ?? [];
  const tabInfo = TREE_TABS[tab]!;
  return (
    <>
      <nav aria-label="Tree categories" className="tabs">
        {TREE_TABS.map((t) => (
          <Link
            key={t.tab}
            className={t.tab === tab ? 'tab active' : 'tab'}
            aria-current={t.tab === tab ? 'page' : undefined}
            to={{ search: patchParams(params, { tab: t.tab, type: null }, { tab: 1 }).toString() }}
            replace
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <p className="muted small">{tabInfo.hint}.</p>
      {typesOfTab(tab).length > 1 && (
        <form className="filters" aria-label="Filter trees" onSubmit={(e) => e.preventDefault()}>
          <label>
            Type
            <select
              value={type ?? ''}
              onChange={(e) => setParams((prev) => patchParams(prev, { type: e.target.value }), { replace: true })}
            >
              <option value="">All {tabInfo.label.toLowerCase()} types</option>
              {typesOfTab(tab).map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      <ListState
        pending={trees.isPending}
        error={trees.error}
        onRetry={() => void trees.refetch()}
        empty={nodes.length === 0}
        emptyText={<p>No {tabInfo.label.toLowerCase()} trees{type !== null ? ` of type “${treeTypeLabel(type)}”` : ''} yet.</p>}
        loadingLabel="Loading trees…"
      >
        <div className="table-wrap">
          <table data-testid="trees-table">
            <caption className="visually-hidden">{tabInfo.label} trees</caption>
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">Type</th>
                <th scope="col">Assets</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Swatch color={n.color} /> <Link to={`/trees/${encodeURIComponent(n.id)}`}>{n.entityName}</Link>
                  </td>
                  <td>{treeTypeLabel(n.treeType)}</td>
                  <td>{formatCount(n.assetCount)}</td>
                  <td>{formatDate(n.lastActivityDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
    </>
  );
}

function TreeDetailView({ id }: { id: string }) {
  const tree = useQuery({
    queryKey: ['tree', id],
    queryFn: ({ signal }) => readAs<{ data: TreeDetail }>(`/api/v1/dashboards/trees/${encodeURIComponent(id)}`, undefined, signal),
  });
  const d = tree.data?.data;
  return (
    <ListState
      pending={tree.isPending}
      error={tree.error}
      onRetry={() => void tree.refetch()}
      empty={false}
      emptyText={null}
      loadingLabel="Loading the tree…"
    >
      {d && (
        <>
          <h2>
            <Swatch color={d.color} /> {d.entityName}
          </h2>
          <p className="muted">
            {treeTypeLabel(d.treeType)} · {TREE_TABS[d.tab]?.label ?? ''} tab
          </p>
          <dl className="kv kv--inline" aria-label="Transaction summary">
            <dt>Conveyances</dt>
            <dd>{formatCount(d.transactionSummary.totalAssignments)}</dd>
            <dt>Assignors</dt>
            <dd>{formatCount(d.transactionSummary.totalAssignors)}</dd>
            <dt>Assignees</dt>
            <dd>{formatCount(d.transactionSummary.totalAssignees)}</dd>
            <dt>From</dt>
            <dd>{formatDate(d.transactionSummary.dateRange.earliest)}</dd>
            <dt>To</dt>
            <dd>{formatDate(d.transactionSummary.dateRange.latest)}</dd>
          </dl>
          <h3>Assets ({formatCount(d.assetCount)})</h3>
          {d.assets.length === 0 ? (
            <p className="muted">No assets in this tree.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Assets of {d.entityName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Number</th>
                    <th scope="col">Title</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {d.assets.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/assets/${encodeURIComponent(a.id)}/diagram`}>{formatPatentNumber(a.grantNumber, a.applicationNumber)}</Link>
                      </td>
                      <td>{a.title ?? '—'}</td>
                      <td>
                        <StatusChip status={a.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </ListState>
  );
}

export default function TreesPage() {
  const { id } = useParams();
  return (
    <section aria-labelledby="trees-title" className="page-wide">
      <h1 id="trees-title">Ownership trees</h1>
      {id ? (
        <>
          <p>
            <Link to="/trees">← All trees</Link>
          </p>
          <TreeDetailView id={id} />
        </>
      ) : (
        <TreeList />
      )}
    </section>
  );
}
