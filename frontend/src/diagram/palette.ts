/**
 * The legacy palette (frontend.md §4.1 "binding"), with D22's settlement of the two extra
 * filter categories: License End = license colour dashed, Correct = ownership colour dashed.
 * Mirrors domain/titles/categories.py; the fixture tests check the payloads agree.
 */
import type { BoxType, Category, LaneIndex } from './types.ts';

export const OWNERSHIP_RED = '#E60000';
export const NAMECHG_BLUE = '#2493f2';
export const SECURITY_ORANGE = '#ffaa00';
export const RELEASE_GREEN = '#70A800';
export const LICENSE_YELLOW = '#E6E600';
/** Third-party boxes: the legacy box border colour (domain decision 18). */
export const THIRD_PARTY_GREY = '#363636';
/** Broken-title overlay connector (frontend.md §4.2 "dashed grey connector"). */
export const GAP_GREY = '#8a8a8a';

export interface LineStyle {
  color: string;
  dashed: boolean;
}

export const CATEGORY_STYLE: Readonly<Record<Category, LineStyle>> = {
  Ownership: { color: OWNERSHIP_RED, dashed: false },
  'Name Change': { color: NAMECHG_BLUE, dashed: false },
  Security: { color: SECURITY_ORANGE, dashed: false },
  Release: { color: RELEASE_GREEN, dashed: false },
  'Partial Release': { color: RELEASE_GREEN, dashed: true },
  License: { color: LICENSE_YELLOW, dashed: false },
  'License End': { color: LICENSE_YELLOW, dashed: true },
  Correct: { color: OWNERSHIP_RED, dashed: true },
};

/** Legend / filter order (backend LEGEND_ORDER). */
export const CATEGORY_ORDER: readonly Category[] = [
  'Ownership',
  'Name Change',
  'Security',
  'Release',
  'Partial Release',
  'License',
  'License End',
  'Correct',
];

export const BOX_COLOR: Readonly<Record<BoxType, string>> = {
  inventor: OWNERSHIP_RED,
  ownership: OWNERSHIP_RED,
  security: SECURITY_ORANGE,
  license: LICENSE_YELLOW,
  third_party: THIRD_PARTY_GREY,
};

export const LANE_LABELS: Readonly<Record<LaneIndex, string>> = {
  0: 'Inventors',
  1: 'Owners',
  2: 'Banks / secured parties',
  3: 'Third parties',
};
