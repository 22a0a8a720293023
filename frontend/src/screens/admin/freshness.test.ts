import { describe, expect, it } from 'vitest';
import { cadenceLabel, formatStaleDays, freshnessView, healthView, sourceLabel } from './freshness.ts';

describe('freshness formatting', () => {
  it('gives every status an icon and a text, not colour alone', () => {
    for (const s of ['fresh', 'stale', 'critical', null]) {
      const v = freshnessView(s);
      expect(v.icon).not.toBe('');
      expect(v.label).not.toBe('');
    }
    expect(freshnessView('critical')).toEqual({ icon: '✕', label: 'Critical', tone: 'bad' });
    expect(freshnessView('fresh').label).toBe('Fresh');
    expect(freshnessView(undefined).label).toBe('No threshold');
    expect(healthView('failing').label).toBe('Failing');
    expect(healthView('healthy').tone).toBe('ok');
  });

  it('formats days since the last load', () => {
    expect(formatStaleDays(null)).toBe('never');
    expect(formatStaleDays(0.25)).toBe('6 h');
    expect(formatStaleDays(1)).toBe('1 day');
    expect(formatStaleDays(2.04)).toBe('2 days');
    expect(formatStaleDays(8.96)).toBe('9 days');
    expect(formatStaleDays(1.5)).toBe('1.5 days');
    expect(formatStaleDays(35.4)).toBe('35 days');
  });

  it('names the expected cadence of each source', () => {
    expect(cadenceLabel('USPTO_PASDL_DAILY', 'daily')).toBe('Daily');
    expect(cadenceLabel('USPTO_GRANTS_BIBLIO', 'weekly')).toBe('Weekly, Tuesdays');
    expect(cadenceLabel('USPTO_APPLICATIONS_BIBLIO', 'weekly')).toBe('Weekly, Thursdays');
    expect(cadenceLabel('USPTO_CPC_MCF', 'monthly')).toBe('Monthly');
    expect(cadenceLabel('EPO_OPS_FAMILIES', 'on_demand')).toBe('On demand');
    expect(cadenceLabel('NEW_SOURCE', 'on_demand')).toBe('On demand');
    expect(cadenceLabel('NEW_SOURCE', null)).toBe('—');
    expect(sourceLabel('USPTO_PASDL_DAILY')).toBe('USPTO assignments (daily)');
    expect(sourceLabel('X')).toBe('X');
  });
});
