/**
 * Ownership-tree tabs and types (frontend.md §3.6; business-rules.md §4, BR-024..031;
 * domain/titles/categories.py TREE_TYPE_NAMES): the numbers are the API's, the words ours.
 */

export const TREE_TABS: ReadonlyArray<{ tab: number; label: string; hint: string }> = [
  { tab: 0, label: 'Employee', hint: 'Assignments from inventors (employees)' },
  { tab: 1, label: 'Ownership', hint: 'Purchases, sales and mergers' },
  { tab: 2, label: 'Security', hint: 'Security interests and releases' },
  { tab: 3, label: 'Administrative', hint: 'Name changes, government interest, corrections, missing, other' },
];

export const TREE_TYPES: ReadonlyArray<{ type: number; tab: number; label: string }> = [
  { type: 0, tab: 0, label: 'Employee assignment' },
  { type: 1, tab: 1, label: 'Purchase' },
  { type: 2, tab: 1, label: 'Sale' },
  { type: 3, tab: 1, label: 'Merger in' },
  { type: 4, tab: 1, label: 'Merger out' },
  { type: 5, tab: 2, label: 'Security out (org borrows)' },
  { type: 6, tab: 2, label: 'Security in (org lends)' },
  { type: 7, tab: 2, label: 'Release out (org’s lien released)' },
  { type: 8, tab: 2, label: 'Release in (org releases)' },
  { type: 9, tab: 3, label: 'Name change' },
  { type: 10, tab: 3, label: 'Government interest' },
  { type: 11, tab: 3, label: 'Correction' },
  { type: 12, tab: 3, label: 'Missing' },
  { type: 13, tab: 3, label: 'Other' },
];

export function treeTypeLabel(type: number): string {
  return TREE_TYPES.find((t) => t.type === type)?.label ?? `Type ${type}`;
}

/** The types of one tab (the sub-filter's options). */
export function typesOfTab(tab: number): ReadonlyArray<{ type: number; tab: number; label: string }> {
  return TREE_TYPES.filter((t) => t.tab === tab);
}
