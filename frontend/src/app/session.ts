/**
 * The session bootstrap GET /api/v1/me (api.md §3.1 "＋ GET /me", frontend.md §3.1 gates).
 * Roles arrive as D4's `super_admin | org_admin | org_member` (api.md's older
 * `super_admin | admin | member` is accepted too) and are normalised to D4's names.
 */
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';

export type Role = 'super_admin' | 'org_admin' | 'org_member';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  mfaEnabled: boolean;
  mfaEnrollmentRequired: boolean;
  passwordChangeRequired: boolean;
  /** `/me` preferences.darkMode (frontend.md §5.2): null follows the system setting. */
  darkMode: boolean | null;
}

const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  super_admin: 'super_admin',
  org_admin: 'org_admin',
  admin: 'org_admin',
  org_member: 'org_member',
  member: 'org_member',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The /me body (bare or in the {"data": …} envelope), or null if it is not one. */
export function parseMe(body: unknown): Me | null {
  const d = isRecord(body) && isRecord(body.data) ? body.data : body;
  if (!isRecord(d) || typeof d.id !== 'string' || typeof d.role !== 'string') return null;
  const role = ROLE_ALIASES[d.role];
  if (!role) return null;
  const org = isRecord(d.organization) ? d.organization : {};
  return {
    id: d.id,
    email: typeof d.email === 'string' ? d.email : '',
    name: typeof d.name === 'string' ? d.name : '',
    role,
    organizationId: typeof d.organizationId === 'string' ? d.organizationId : typeof org.id === 'string' ? org.id : null,
    organizationName: typeof org.name === 'string' ? org.name : null,
    mfaEnabled: d.mfaEnabled === true,
    mfaEnrollmentRequired: d.mfaEnrollmentRequired === true,
    passwordChangeRequired: d.passwordChangeRequired === true,
    darkMode: isRecord(d.preferences) && typeof d.preferences.darkMode === 'boolean' ? d.preferences.darkMode : null,
  };
}

const RANK: Readonly<Record<Role, number>> = { org_member: 0, org_admin: 1, super_admin: 2 };

/** D5 / api.md §2.8: SA ⊃ A ⊃ M. */
export function hasRole(me: Me, needed: Role): boolean {
  return RANK[me.role] >= RANK[needed];
}

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      const me = parseMe(await getJson('/api/v1/me', { signal }));
      if (!me) throw new Error('The API sent an unexpected /me response.');
      return me;
    },
    staleTime: 60_000,
  });
}
