/**
 * MFA enrolment display helpers (D13, RFC 6238; api.md §2.4 POST /auth/mfa/setup): the
 * otpauth:// URI read back into issuer / account / secret for people who type the key in,
 * the secret in groups of four, and a QR module matrix drawn as one SVG path (no canvas,
 * no HTML injection; it prints and scales crisply).
 */

export interface OtpAuth {
  issuer: string | null;
  account: string | null;
  secret: string | null;
}

/** Reads `otpauth://totp/Issuer:account?secret=…&issuer=…`; null when it is not one. */
export function parseOtpAuth(uri: string): OtpAuth | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'otpauth:') return null;
  // The label is the "path" after the type: "//totp/Issuer:account" (percent-encoded).
  const label = decodeURIComponent(url.pathname.replace(/^\/*[^/]*\//, '').replace(/^\/+/, ''));
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : null;
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim() || null;
  return {
    issuer: url.searchParams.get('issuer') ?? labelIssuer ?? null,
    account,
    secret: url.searchParams.get('secret'),
  };
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP" (easier to type; spaces are ignored by apps). */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export interface ModuleMatrix {
  size: number;
  get(row: number, col: number): number | boolean;
}

/** One SVG path of unit squares for the dark modules, offset by a quiet zone of `margin`. */
export function qrPath(matrix: ModuleMatrix, margin = 4): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      // Merge a horizontal run of dark modules into one rectangle: a much shorter path.
      let end = col;
      while (end + 1 < matrix.size && matrix.get(row, end + 1)) end++;
      parts.push(`M${col + margin} ${row + margin}h${end - col + 1}v1h-${end - col + 1}z`);
      col = end + 1;
    }
  }
  return parts.join('');
}
