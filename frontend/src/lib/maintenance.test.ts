import { describe, expect, it } from 'vitest';
import { feeUrgency, feeWindowLabel } from './maintenance.ts';

const NOW = new Date('2026-01-10T15:00:00Z');

describe('fee urgency (due within 90 days or in surcharge)', () => {
  it('flags surcharge whatever the date', () => {
    expect(feeUrgency('surcharge', null, NOW)).toBe('surcharge');
  });

  it('flags due dates from today to 90 days ahead', () => {
    expect(feeUrgency('due', '2026-01-10', NOW)).toBe('soon');
    expect(feeUrgency('due', '2026-04-10', NOW)).toBe('soon');
    expect(feeUrgency('due', '2026-04-11', NOW)).toBeNull();
    expect(feeUrgency('due', '2026-01-09', NOW)).toBeNull();
    expect(feeUrgency(null, '2026-02-01', NOW)).toBe('soon');
  });

  it('never flags paid or expired fees, or bad dates', () => {
    expect(feeUrgency('paid', '2026-02-01', NOW)).toBeNull();
    expect(feeUrgency('expired', '2026-02-01', NOW)).toBeNull();
    expect(feeUrgency('due', 'soon', NOW)).toBeNull();
  });

  it('labels windows', () => {
    expect(feeWindowLabel('7.5_year')).toBe('7.5 years');
    expect(feeWindowLabel(null)).toBe('—');
  });
});
