/**
 * CPC word cloud `/cpc` (frontend.md §3.6): the org's CPC codes sized by weight and tinted
 * by section, in a seeded, stable order (lib/cloud.ts). Level (section / class / subclass,
 * default subclass), year and the Cloud/Table toggle live in the URL. Every word carries its
 * count and description as text (tooltip and screen-reader text), and the table view is
 * the accessible alternative (frontend.md §6). No D3: a flex-wrapped list is enough here.
 */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { ListState } from '../components/ListState.tsx';
import { CPC_SECTIONS, cloudTable, layoutCloud } from '../lib/cloud.ts';
import { formatCount } from '../lib/format.ts';
import { enumParam, optionalIntParam, patchParams } from '../lib/urlParams.ts';
import type { CpcCloudLevel } from './customerApi.ts';

const LEVELS = ['subclass', 'class', 'section'] as const satisfies readonly CpcCloudLevel[];
const LEVEL_LABELS: Readonly<Record<CpcCloudLevel, string>> = { section: 'Section', class: 'Class', subclass: 'Subclass' };
const THIS_YEAR = new Date().getUTCFullYear();

/** Section tint mixed half with the text colour: readable (≥ 4.5:1) in light and dark. */
function tint(hue: number): string {
  return `color-mix(in srgb, hsl(${hue} 70% 45%) 50%, var(--fg))`;
}

export default function CpcCloudPage() {
  const [params, setParams] = useSearchParams();
  const level = enumParam(params, 'level', LEVELS, 'subclass');
  const year = optionalIntParam(params, 'year', 1790, 2100);
  const view = enumParam(params, 'view', ['cloud', 'table'] as const, 'cloud');
  const set = (patch: Record<string, string | number | null>) =>
    setParams((prev) => patchParams(prev, patch, { level: 'subclass', view: 'cloud' }), { replace: true });
  const cloud = useQuery({
    queryKey: ['cpc-cloud', level, year],
    queryFn: ({ signal }) => getJson('/api/v1/dashboards/cpc-wordcloud', { signal, query: { level, ...(year !== null ? { year } : {}) } }),
  });
  const items = cloud.data?.data ?? [];
  return (
    <section aria-labelledby="cpc-title" className="page-wide">
      <h1 id="cpc-title">CPC word cloud</h1>
      <p className="muted">
        The technology classes of the portfolio: the bigger the code, the more assets it covers.
        {cloud.data ? ` ${formatCount(cloud.data.totalAssets)} assets classified.` : ''}
      </p>
      <form className="filters" aria-label="CPC cloud options" onSubmit={(e) => e.preventDefault()}>
        <label>
          Level
          <select value={level} onChange={(e) => set({ level: e.target.value })}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Application year
          <select value={year ?? ''} onChange={(e) => set({ year: e.target.value })}>
            <option value="">All years</option>
            {Array.from({ length: 40 }, (_, i) => THIS_YEAR - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="View" className="inline-field">
          <button type="button" aria-pressed={view === 'cloud'} onClick={() => set({ view: 'cloud' })}>
            Cloud
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => set({ view: 'table' })}>
            Table
          </button>
        </div>
      </form>
      <ListState
        pending={cloud.isPending}
        error={cloud.error}
        onRetry={() => void cloud.refetch()}
        empty={items.length === 0}
        emptyText={<p>No classified assets{year !== null ? ` filed in ${year}` : ''} yet.</p>}
        loadingLabel="Loading CPC codes…"
      >
        {view === 'cloud' ? (
          <ul
            className="plain-list"
            aria-label={`CPC ${LEVEL_LABELS[level].toLowerCase()} codes by number of assets`}
            data-testid="cpc-cloud"
            style={{ display: 'flex', flexWrap: 'wrap', gap: '0.35rem 1rem', alignItems: 'baseline', padding: '1rem 0' }}
          >
            {layoutCloud(items).map((w) => (
              <li
                key={w.code}
                title={`${w.code}${w.description ? ` — ${w.description}` : ''}: ${formatCount(w.count)} assets`}
                style={{ fontSize: `${w.size}rem`, color: tint(w.hue), fontWeight: w.weight > 0.5 ? 700 : 500, lineHeight: 1.1 }}
              >
                {w.code}
                <span className="visually-hidden">
                  {': '}
                  {formatCount(w.count)} assets{w.description ? `, ${w.description}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">CPC codes by number of assets</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Section</th>
                  <th scope="col">Description</th>
                  <th scope="col">Assets</th>
                </tr>
              </thead>
              <tbody>
                {cloudTable(items).map((i) => (
                  <tr key={i.code}>
                    <td>
                      <code>{i.code}</code>
                    </td>
                    <td>{CPC_SECTIONS[i.code.charAt(0).toUpperCase()]?.name ?? '—'}</td>
                    <td>{i.description ?? '—'}</td>
                    <td>{formatCount(i.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
    </section>
  );
}
