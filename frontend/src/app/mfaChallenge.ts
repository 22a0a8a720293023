/**
 * The 5-minute MFA token between login and /login/mfa (frontend.md §3.1: "the MFA token
 * stays in memory only"): a module variable — not web storage, not router state (history
 * state is persisted by the browser).
 */
let pending: { token: string; next: string } | null = null;

export function holdMfaChallenge(token: string, next: string): void {
  pending = { token, next };
}

export function takeMfaChallenge(): { token: string; next: string } | null {
  return pending;
}

export function clearMfaChallenge(): void {
  pending = null;
}
