/**
 * MFA challenge (frontend.md §3.1): a 6-digit code or a 10-character backup code, posted to
 * /auth/mfa/verify with the in-memory mfaToken. Placeholder until that endpoint is in the
 * contract; without a pending challenge it sends the user back to login.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { postJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { clearMfaChallenge, takeMfaChallenge } from '../app/mfaChallenge.ts';
import { ME_QUERY_KEY } from '../app/session.ts';

export default function MfaPage() {
  const challenge = takeMfaChallenge();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const available = inContract('POST', '/api/v1/auth/mfa/verify');
  if (!challenge) return <Navigate to="/login" replace />;
  const { token, next } = challenge;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      await postJson('/api/v1/auth/mfa/verify', { mfaToken: token, code, isBackupCode: code.length === 10 });
      clearMfaChallenge();
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      void navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.reason !== 'mfa_invalid') {
        // The token expired or was burnt by five failures: start again.
        clearMfaChallenge();
        void navigate('/login', { replace: true });
        return;
      }
      setError(e instanceof ApiError && e.reason === 'mfa_invalid' ? 'That code is not valid.' : 'Verification failed.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <form className="card auth-card" onSubmit={(e) => void submit(e)}>
        <h1>Two-step verification</h1>
        <p className="muted">Enter the 6-digit code from your authenticator app, or a 10-character backup code.</p>
        {!available && (
          <p className="notice" role="status">
            Verification is not available yet: the API contract has no <code>POST /api/v1/auth/mfa/verify</code>.
          </p>
        )}
        <label htmlFor="code">Code</label>
        <input id="code" name="code" inputMode="text" autoComplete="one-time-code" minLength={6} maxLength={10} required />
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy || !available}>
          Verify
        </button>
      </form>
    </main>
  );
}
