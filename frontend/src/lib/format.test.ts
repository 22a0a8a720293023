import { describe, expect, it } from 'vitest';
import {
  conveyanceLabel,
  formatCount,
  formatDate,
  formatDateTime,
  formatPatentNumber,
  formatTotal,
  humanize,
  statusLabel,
  timeLeft,
} from './format.ts';

describe('display formatting', () => {
  it('formats calendar dates without shifting the day, and marks missing ones', () => {
    expect(formatDate('2015-07-28')).toBe('Jul 28, 2015');
    expect(formatDate('2015-01-01')).toBe('Jan 1, 2015');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
    expect(formatDateTime('2026-11-22T14:14:34Z')).toContain('Nov 22, 2026');
  });

  it('formats counts and totals, including estimates (api.md §1.4)', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatCount(undefined)).toBe('—');
    expect(formatTotal(50, 12345)).toBe('50 of 12,345');
    expect(formatTotal(50, 12345, true)).toBe('50 of about 12,345');
    expect(formatTotal(3, null)).toBe('3 loaded');
  });

  it('prefers the grant number, else a readable application number', () => {
    expect(formatPatentNumber('9123456', '14811038')).toBe('9,123,456');
    expect(formatPatentNumber(null, '14811038')).toBe('14/811,038');
    expect(formatPatentNumber(null, '14029180')).toBe('14/029,180');
    expect(formatPatentNumber('RE45678', null)).toBe('RE45678');
    expect(formatPatentNumber(null, null)).toBe('—');
  });

  it('labels statuses, conveyance types and reason codes', () => {
    expect(statusLabel('broken')).toBe('Broken');
    expect(statusLabel(null)).toBe('Not computed');
    expect(conveyanceLabel('namechg')).toBe('Name change');
    expect(conveyanceLabel('weird')).toBe('weird');
    expect(humanize('chain_break')).toBe('Chain break');
  });

  it('says how long a share link has left', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(timeLeft('2026-01-31T00:00:00Z', now)).toBe('in 30 days');
    expect(timeLeft('2026-01-01T05:00:00Z', now)).toBe('in 5 hours');
    expect(timeLeft('2025-12-31T00:00:00Z', now)).toBe('expired');
    expect(timeLeft(null, now)).toBe('never');
  });
});
