/**
 * Share-link form logic (frontend.md §3.9; api.md §2.7; D11): expiry presets (30 d default,
 * never unlimited), optional max uses 1–10,000, permissions (diagram and list on,
 * connections off), 1–100 distinct assets; and the list state labels.
 */
export const EXPIRY_CHOICES = [
  { value: '1h', label: '1 hour' },
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
] as const;

export type ExpiresIn = (typeof EXPIRY_CHOICES)[number]['value'];

export interface ShareForm {
  name: string;
  assetIds: string[];
  expiresIn: ExpiresIn;
  maxUses: string;
  allowDiagram: boolean;
  allowAssetList: boolean;
  allowConnections: boolean;
}

export const EMPTY_SHARE_FORM: ShareForm = {
  name: '',
  assetIds: [],
  expiresIn: '30d',
  maxUses: '',
  allowDiagram: true,
  allowAssetList: true,
  allowConnections: false,
};

export interface ShareBody {
  name: string;
  assetIds: string[];
  expiresIn: ExpiresIn;
  maxUses: number | null;
  allowDiagram: boolean;
  allowAssetList: boolean;
  allowConnections: boolean;
}

export type FormErrors = Partial<Record<'name' | 'assetIds' | 'maxUses' | 'permissions', string>>;

/** The POST /shares body, or the field errors that stop it (checked again by the API). */
export function buildShareBody(form: ShareForm): { body: ShareBody | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Give the link a name.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  const assetIds = [...new Set(form.assetIds)];
  if (assetIds.length === 0) errors.assetIds = 'Choose at least one asset.';
  else if (assetIds.length > 100) errors.assetIds = 'A link can share at most 100 assets.';
  let maxUses: number | null = null;
  if (form.maxUses.trim() !== '') {
    const n = Number(form.maxUses);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) errors.maxUses = 'A whole number from 1 to 10,000, or empty for no limit.';
    else maxUses = n;
  }
  if (!form.allowDiagram && !form.allowAssetList) errors.permissions = 'Allow the diagram, the asset list, or both.';
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    body: {
      name,
      assetIds,
      expiresIn: form.expiresIn,
      maxUses,
      allowDiagram: form.allowDiagram,
      allowAssetList: form.allowAssetList,
      allowConnections: form.allowConnections,
    },
    errors,
  };
}

const STATE_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  expired: 'Expired',
  used_up: 'Used up',
  revoked: 'Revoked',
};

/** The list state (frontend.md §3.9) from the API's `state`, else derived from the fields. */
export function shareStateLabel(item: Record<string, unknown>, now: Date = new Date()): string {
  if (typeof item.state === 'string' && STATE_LABELS[item.state]) return STATE_LABELS[item.state]!;
  if (item.isActive === false) return 'Revoked';
  if (typeof item.expiresAt === 'string' && new Date(item.expiresAt).getTime() <= now.getTime()) return 'Expired';
  if (typeof item.maxUses === 'number' && typeof item.currentUses === 'number' && item.currentUses >= item.maxUses) return 'Used up';
  return 'Active';
}
