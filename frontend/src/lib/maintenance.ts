/**
 * Maintenance-fee highlighting (frontend.md §3.7): items due within 90 days, or already in
 * the surcharge period, stand out. Labels for the D2 fee windows and statuses.
 */

export const FEE_STATUSES = ['all', 'due', 'surcharge', 'paid', 'expired'] as const;
export const FEE_WINDOWS = ['all', '3.5_year', '7.5_year', '11.5_year'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];
export type FeeWindow = (typeof FEE_WINDOWS)[number];

export const SOON_DAYS = 90;

export function feeWindowLabel(w: unknown): string {
  if (typeof w !== 'string' || w === '' || w === 'all') return w === 'all' ? 'All windows' : '—';
  const m = /^(\d+(?:\.\d+)?)_year$/.exec(w);
  return m ? `${m[1]} years` : w;
}

export type Urgency = 'surcharge' | 'soon' | null;

/**
 * 'surcharge' when in the surcharge period; 'soon' when not paid/expired and the due date
 * is today or within SOON_DAYS; else null. Dates are calendar dates (UTC, api.md §1.1).
 */
export function feeUrgency(status: unknown, dueDate: unknown, now: Date = new Date()): Urgency {
  if (status === 'surcharge') return 'surcharge';
  if (status === 'paid' || status === 'expired') return null;
  if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return null;
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = (due - today) / 86_400_000;
  return days >= 0 && days <= SOON_DAYS ? 'soon' : null;
}
