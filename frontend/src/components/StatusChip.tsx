/** The chain status chip (frontend.md §3.4): text plus colour, never colour alone (§6). */
import { statusLabel } from '../lib/format.ts';

export function StatusChip({ status }: { status: unknown }) {
  const key = typeof status === 'string' && status !== '' ? status : 'none';
  return <span className={`chip chip--${key}`}>{statusLabel(status)}</span>;
}
