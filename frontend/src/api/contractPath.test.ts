import { describe, expect, it } from 'vitest';
import { contractTemplate, fillPath } from './contractPath.ts';

const OPS = ['GET /api/v1/assets/{asset_id}', 'GET /api/v1/assets/{asset_id}/diagram', 'DELETE /api/v1/shares/{share_id}'];

describe('contract templates by shape', () => {
  it('finds the template whatever the parameter is named', () => {
    expect(contractTemplate('GET', '/api/v1/assets/{}', OPS)).toBe('/api/v1/assets/{asset_id}');
    expect(contractTemplate('get', '/api/v1/assets/{}/diagram', OPS)).toBe('/api/v1/assets/{asset_id}/diagram');
    expect(contractTemplate('DELETE', '/api/v1/shares/{}', OPS)).toBe('/api/v1/shares/{share_id}');
  });

  it('is null for operations the contract does not have (method and path both count)', () => {
    expect(contractTemplate('GET', '/api/v1/assets/{}/family', OPS)).toBeNull();
    expect(contractTemplate('GET', '/api/v1/shares/{}', OPS)).toBeNull();
  });

  it('fills placeholders with encoded values', () => {
    expect(fillPath('/api/v1/shared/{}/assets/{}/diagram', 'ab c', 'x/y')).toBe('/api/v1/shared/ab%20c/assets/x%2Fy/diagram');
  });
});
