/**
 * The CPC word cloud (frontend.md §3.6): codes sized by weight and tinted by CPC section, in
 * a stable order (the same data always draws the same cloud, so screenshots and the user's
 * memory of it hold). Pure, so it is tested without a browser.
 */

/** CPC sections A–H and Y, their names (WIPO CPC scheme) and a tint each. */
export const CPC_SECTIONS: Readonly<Record<string, { name: string; hue: number }>> = {
  A: { name: 'Human necessities', hue: 4 },
  B: { name: 'Performing operations; transporting', hue: 30 },
  C: { name: 'Chemistry; metallurgy', hue: 95 },
  D: { name: 'Textiles; paper', hue: 160 },
  E: { name: 'Fixed constructions', hue: 190 },
  F: { name: 'Mechanical engineering; lighting; heating; weapons; blasting', hue: 215 },
  G: { name: 'Physics', hue: 255 },
  H: { name: 'Electricity', hue: 290 },
  Y: { name: 'Emerging cross-sectional technologies', hue: 330 },
};

export interface CloudInput {
  code: string;
  count: number;
  weight: number;
  description?: string | null;
}

export interface CloudWord extends CloudInput {
  /** Font size in rem, 0.85–2.6 by weight (square-root scale so small codes stay legible). */
  size: number;
  section: string;
  hue: number;
}

export const MIN_REM = 0.85;
export const MAX_REM = 2.6;

/** FNV-1a of a string: a seed that depends on the code only. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function fontRem(weight: number): number {
  const w = Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0;
  return Math.round((MIN_REM + (MAX_REM - MIN_REM) * Math.sqrt(w)) * 100) / 100;
}

/**
 * Words in a seeded, stable order that mixes big and small codes (sorted by a hash of the
 * code, not by size), so the cloud does not read as a sorted list; ties cannot depend on
 * the input order.
 */
export function layoutCloud(items: readonly CloudInput[]): CloudWord[] {
  return items
    .map((it) => {
      const section = it.code.charAt(0).toUpperCase();
      return { ...it, size: fontRem(it.weight), section, hue: CPC_SECTIONS[section]?.hue ?? 0 };
    })
    .sort((a, b) => hash(a.code) - hash(b.code) || a.code.localeCompare(b.code));
}

/** The table alternative: biggest first, then by code. */
export function cloudTable(items: readonly CloudInput[]): CloudInput[] {
  return [...items].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
