import { describe, expect, it } from 'vitest';
import { kpiCards } from './dashboardCards.ts';

const ROW = {
  companyId: null,
  totalAssets: 11,
  totalEntities: 8,
  totalCompanies: 7,
  totalTransactions: 17,
  totalEmployees: 22,
  totalParties: 12,
  totalActivities: 5,
  totalArrows: 37,
};

describe('dashboard KPI cards (frontend.md §3.3)', () => {
  it('shows the org row, broken titles and open liens with their deep links', () => {
    const cards = kpiCards({ scope: 'organization', metrics: [ROW], brokenTitles: 7, openLiens: 1 })!;
    expect(cards.map((c) => c.key)).toEqual([
      'totalAssets',
      'brokenTitles',
      'openLiens',
      'totalCompanies',
      'totalEntities',
      'totalParties',
      'totalEmployees',
      'totalTransactions',
      'totalActivities',
      'totalArrows',
    ]);
    expect(cards.find((c) => c.key === 'brokenTitles')).toMatchObject({ value: 7, to: '/broken-titles', tone: 'bad' });
    expect(cards.find((c) => c.key === 'openLiens')).toMatchObject({ value: 1, to: '/assets?liens=open', tone: 'warn' });
    expect(cards.find((c) => c.key === 'totalAssets')).toMatchObject({ value: 11, to: '/assets' });
  });

  it('sums the selected companies when there is no org row', () => {
    const cards = kpiCards({ metrics: [{ ...ROW, companyId: 'a' }, { ...ROW, companyId: 'b', totalAssets: 4 }], brokenTitles: 0, openLiens: 0 })!;
    expect(cards.find((c) => c.key === 'totalAssets')!.value).toBe(15);
    expect(cards.find((c) => c.key === 'brokenTitles')!.tone).toBeUndefined();
  });

  it('is null before the first pipeline run or for a body that is not a summary', () => {
    expect(kpiCards({ metrics: [], brokenTitles: 0, openLiens: 0 })).toBeNull();
    expect(kpiCards('<html>')).toBeNull();
  });
});
