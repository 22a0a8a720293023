/**
 * Display formatting shared by the screens: dates, counts, asset numbers, status and
 * conveyance labels. Pure and locale-stable (en-US), so tests and screenshots are stable.
 */

const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const NUMBER = new Intl.NumberFormat('en-US');

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  // A bare yyyy-mm-dd is a calendar date (api.md §1.1), read as UTC so it never shifts a day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Jul 28, 2015", or an em dash for missing / unreadable values. */
export function formatDate(value: unknown): string {
  const d = toDate(value);
  return d ? DATE.format(d) : '—';
}

/** "Nov 22, 2026, 02:14 PM UTC". */
export function formatDateTime(value: unknown): string {
  const d = toDate(value);
  return d ? DATE_TIME.format(d) : '—';
}

export function formatCount(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? NUMBER.format(value) : '—';
}

/** "12 of 340", or "about 340" when the total is an estimate (api.md §1.4). */
export function formatTotal(loaded: number, total: number | null, approximate = false): string {
  if (total === null) return `${NUMBER.format(loaded)} loaded`;
  const t = approximate ? `about ${NUMBER.format(total)}` : NUMBER.format(total);
  return `${NUMBER.format(loaded)} of ${t}`;
}

/** US 1,234,567 style for grant numbers; application numbers as 14/811,038. */
export function formatPatentNumber(grant: unknown, application: unknown): string {
  if (typeof grant === 'string' && /^\d{7,8}$/.test(grant)) return NUMBER.format(Number(grant));
  if (typeof grant === 'string' && grant !== '') return grant;
  if (typeof application === 'string' && /^\d{8}$/.test(application)) {
    // Series code / six-digit serial, zero-padded as the USPTO writes it (14/029,180).
    return `${application.slice(0, 2)}/${application.slice(2, 5)},${application.slice(5)}`;
  }
  return typeof application === 'string' && application !== '' ? application : '—';
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  complete: 'Complete',
  broken: 'Broken',
  encumbered: 'Encumbered',
  unknown: 'Unknown',
};

/** D2 chain status chip text; null before the first pipeline run. */
export function statusLabel(status: unknown): string {
  if (typeof status !== 'string' || status === '') return 'Not computed';
  return STATUS_LABELS[status] ?? status.replace(/_/g, ' ');
}

const CONVEYANCE_LABELS: Readonly<Record<string, string>> = {
  assignment: 'Assignment',
  employee: 'Employee assignment',
  govern: 'Government interest',
  merger: 'Merger',
  namechg: 'Name change',
  license: 'License',
  release: 'Release',
  security: 'Security interest',
  correct: 'Correction',
  missing: 'Missing',
  other: 'Other',
};

export function conveyanceLabel(type: unknown): string {
  if (typeof type !== 'string' || type === '') return 'Unclassified';
  return CONVEYANCE_LABELS[type] ?? type;
}

/** Reasons such as `chain_break` as words. */
export function humanize(code: unknown): string {
  if (typeof code !== 'string' || code === '') return '—';
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Time left until `iso` from `now`, coarse ("in 29 days", "in 3 hours", "expired"). */
export function timeLeft(iso: unknown, now: Date = new Date()): string {
  const d = toDate(iso);
  if (!d) return 'never';
  const ms = d.getTime() - now.getTime();
  if (ms <= 0) return 'expired';
  const hours = ms / 3_600_000;
  if (hours < 1) return `in ${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `in ${Math.round(hours)} hours`;
  return `in ${Math.round(hours / 24)} days`;
}
