/**
 * Freshness view formatting (frontend.md §3.11 "Freshness"; issue 9 thresholds:
 * assignments stale after 48 h, grants / applications / maintenance after 9 days, CPC
 * after 35 days). The status is shown with an icon AND text, never colour alone (§6).
 * Pure, so unit-tested.
 */
export type FreshStatus = 'fresh' | 'stale' | 'critical';

export interface StatusView {
  icon: string;
  label: string;
  tone: 'ok' | 'warn' | 'bad' | 'none';
}

const VIEWS: Readonly<Record<FreshStatus, StatusView>> = {
  fresh: { icon: '✓', label: 'Fresh', tone: 'ok' },
  stale: { icon: '!', label: 'Stale', tone: 'warn' },
  critical: { icon: '✕', label: 'Critical', tone: 'bad' },
};

/** null: the source has no threshold (CPC scheme, EPO families on demand). */
export function freshnessView(status: unknown): StatusView {
  if (status === 'fresh' || status === 'stale' || status === 'critical') return VIEWS[status];
  return { icon: '–', label: 'No threshold', tone: 'none' };
}

/** §3.11 ingestion health: healthy / stale / failing, again icon plus text. */
export function healthView(status: unknown): StatusView {
  if (status === 'healthy') return { icon: '✓', label: 'Healthy', tone: 'ok' };
  if (status === 'stale') return { icon: '!', label: 'Stale', tone: 'warn' };
  if (status === 'failing') return { icon: '✕', label: 'Failing', tone: 'bad' };
  return { icon: '–', label: 'Unknown', tone: 'none' };
}

/** Days since the last successful load: "never", "5 h", "1.5 days", "12 days". */
export function formatStaleDays(days: unknown): string {
  if (typeof days !== 'number' || !Number.isFinite(days)) return 'never';
  if (days < 0) return '0 h';
  if (days < 1) return `${Math.round(days * 24)} h`;
  if (days < 10) return `${Number(days.toFixed(1))} ${days === 1 ? 'day' : 'days'}`;
  return `${Math.round(days)} days`;
}

// data_sources.name → the cadence of frontend.md §3.11.
const CADENCE: Readonly<Record<string, string>> = {
  USPTO_PASDL_DAILY: 'Daily',
  USPTO_GRANTS_BIBLIO: 'Weekly, Tuesdays',
  USPTO_APPLICATIONS_BIBLIO: 'Weekly, Thursdays',
  USPTO_MAINT_FEE_EVENTS: 'Weekly',
  USPTO_CPC_MCF: 'Monthly',
  CPC_SCHEME: 'Monthly',
  EPO_OPS_FAMILIES: 'On demand',
};

/** Expected frequency: the spec's cadence for known sources, else the stored schedule type. */
export function cadenceLabel(source: string, scheduleType: unknown): string {
  const known = CADENCE[source];
  if (known) return known;
  if (typeof scheduleType === 'string' && scheduleType !== '') return scheduleType.charAt(0).toUpperCase() + scheduleType.slice(1).replace(/_/g, ' ');
  return '—';
}

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  USPTO_PASDL_DAILY: 'USPTO assignments (daily)',
  USPTO_GRANTS_BIBLIO: 'USPTO grants',
  USPTO_APPLICATIONS_BIBLIO: 'USPTO applications',
  USPTO_MAINT_FEE_EVENTS: 'USPTO maintenance fees',
  USPTO_CPC_MCF: 'USPTO CPC master file',
  CPC_SCHEME: 'CPC scheme',
  EPO_OPS_FAMILIES: 'EPO families',
};

export function sourceLabel(name: string): string {
  return SOURCE_LABELS[name] ?? name;
}
