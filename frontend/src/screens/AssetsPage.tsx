/**
 * Assets `/assets` (frontend.md §3.4). Search, status, sort and order live in the URL
 * (assetsUrlState.ts) so views are bookmarkable (§5.3); rows are real links. The virtualised
 * DataTable (§5.1) comes with the endpoint's row shape.
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ContractQuery } from '../components/ContractQuery.tsx';
import { dataOf, isRecord, text } from '../components/fields.ts';
import {
  ASSET_SORTS,
  ASSET_STATUSES,
  assetsQuery,
  parseAssetsState,
  serialiseAssetsState,
  type AssetSort,
  type AssetStatus,
  type AssetsUrlState,
} from './assetsUrlState.ts';

function Rows({ body }: { body: unknown }) {
  const rows = dataOf(body);
  if (!Array.isArray(rows) || rows.length === 0) return <p className="muted">No assets match.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Assets</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.filter(isRecord).map((r, i) => {
            const id = text(r, 'id');
            return (
              <tr key={id ?? i}>
                <td>{id ? <Link to={`/assets/${encodeURIComponent(id)}/overview`}>{text(r, 'grantNumber', 'applicationNumber') ?? id}</Link> : '—'}</td>
                <td>{text(r, 'title') ?? '—'}</td>
                <td>{text(r, 'status') ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function AssetsPage() {
  const [params, setParams] = useSearchParams();
  const state = parseAssetsState(params);
  const [draft, setDraft] = useState(state.search);
  function update(patch: Partial<AssetsUrlState>) {
    setParams((prev) => serialiseAssetsState({ ...parseAssetsState(prev), ...patch }, prev), { replace: true });
  }
  // Search is debounced 300 ms (frontend.md §3.4) so typing does not fire a request per key.
  useEffect(() => {
    if (draft.trim() === state.search) return;
    const timer = setTimeout(() => update({ search: draft }), 300);
    return () => clearTimeout(timer);
  });
  return (
    <section aria-labelledby="assets-title" className="page-wide">
      <h1 id="assets-title">Assets</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <label>
          Status
          <select value={state.status} onChange={(e) => update({ status: e.target.value as AssetStatus })}>
            {ASSET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={state.sort} onChange={(e) => update({ sort: e.target.value as AssetSort })}>
            {ASSET_SORTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select value={state.order} onChange={(e) => update({ order: e.target.value === 'asc' ? 'asc' : 'desc' })}>
            <option value="desc">newest first</option>
            <option value="asc">oldest first</option>
          </select>
        </label>
      </form>
      <ContractQuery what="The asset list" template="/api/v1/assets" path="/api/v1/assets" query={assetsQuery(state)}>
        {(body) => <Rows body={body} />}
      </ContractQuery>
    </section>
  );
}
