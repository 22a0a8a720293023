/**
 * The dashboard's KPI cards (frontend.md §3.3) from GET /dashboards/summary's `data`:
 * the org-level metrics row (BR-042/043) plus broken titles and open liens (D2), each with
 * the list it deep-links to. Null when there is no metrics row yet (before the first run).
 */
export interface KpiCard {
  key: string;
  label: string;
  value: number;
  to?: string | undefined;
  tone?: 'bad' | 'warn' | undefined;
}

const COUNTS: ReadonlyArray<{ key: string; label: string; to?: string }> = [
  { key: 'totalAssets', label: 'Assets', to: '/assets' },
  { key: 'totalCompanies', label: 'Companies', to: '/companies' },
  { key: 'totalEntities', label: 'Entities' },
  { key: 'totalParties', label: 'Parties' },
  { key: 'totalEmployees', label: 'Employees' },
  { key: 'totalTransactions', label: 'Transactions', to: '/timeline' },
  { key: 'totalActivities', label: 'Activities' },
  { key: 'totalArrows', label: 'Arrows' },
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function kpiCards(summary: unknown): KpiCard[] | null {
  if (!isRecord(summary) || !Array.isArray(summary.metrics)) return null;
  // The org-level row has companyId null; with a company scope, sum the selected rows.
  const rows = summary.metrics.filter(isRecord);
  if (rows.length === 0) return null;
  const orgRow = rows.find((r) => r.companyId === null);
  const sum = (key: string) =>
    orgRow ? (typeof orgRow[key] === 'number' ? (orgRow[key] as number) : 0) : rows.reduce((n, r) => n + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
  const cards: KpiCard[] = [];
  const health: KpiCard[] = [];
  if (typeof summary.brokenTitles === 'number') {
    health.push({ key: 'brokenTitles', label: 'Broken titles', value: summary.brokenTitles, to: '/broken-titles', tone: summary.brokenTitles > 0 ? 'bad' : undefined });
  }
  if (typeof summary.openLiens === 'number') {
    health.push({ key: 'openLiens', label: 'Open liens', value: summary.openLiens, to: '/assets?liens=open', tone: summary.openLiens > 0 ? 'warn' : undefined });
  }
  for (const c of COUNTS) cards.push({ ...c, value: sum(c.key) });
  return [...cards.slice(0, 1), ...health, ...cards.slice(1)];
}
