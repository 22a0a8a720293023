import { describe, expect, it } from 'vitest';
import { buildShareBody, EMPTY_SHARE_FORM, shareStateLabel } from './shareForm.ts';

const A = '016e8b4f-93a6-4ea5-9904-30fc6dba50b6';

describe('share-link form (frontend.md §3.9, D11)', () => {
  it('defaults to 30 days, no use limit, diagram and list on, connections off', () => {
    const { body, errors } = buildShareBody({ ...EMPTY_SHARE_FORM, name: '  Due diligence ', assetIds: [A, A] });
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: 'Due diligence',
      assetIds: [A],
      expiresIn: '30d',
      maxUses: null,
      allowDiagram: true,
      allowAssetList: true,
      allowConnections: false,
    });
  });

  it('names every problem instead of sending', () => {
    const { body, errors } = buildShareBody({ ...EMPTY_SHARE_FORM, maxUses: '0', allowDiagram: false, allowAssetList: false });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['assetIds', 'maxUses', 'name', 'permissions']);
    expect(buildShareBody({ ...EMPTY_SHARE_FORM, name: 'x', assetIds: [A], maxUses: '2.5' }).errors.maxUses).toBeDefined();
    expect(buildShareBody({ ...EMPTY_SHARE_FORM, name: 'x', assetIds: [A], maxUses: '10000' }).body?.maxUses).toBe(10000);
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(buildShareBody({ ...EMPTY_SHARE_FORM, name: 'x', assetIds: many }).errors.assetIds).toMatch(/100/);
  });

  it('labels the link state from the API or the fields', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(shareStateLabel({ state: 'used_up' }, now)).toBe('Used up');
    expect(shareStateLabel({ isActive: false }, now)).toBe('Revoked');
    expect(shareStateLabel({ expiresAt: '2025-12-31T00:00:00Z' }, now)).toBe('Expired');
    expect(shareStateLabel({ expiresAt: '2026-02-01T00:00:00Z', maxUses: 3, currentUses: 3 }, now)).toBe('Used up');
    expect(shareStateLabel({ expiresAt: '2026-02-01T00:00:00Z', maxUses: 3, currentUses: 1 }, now)).toBe('Active');
  });
});
