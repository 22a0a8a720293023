/**
 * Login (frontend.md §3.1): email + password; the MFA step is entered when the API answers
 * `mfaRequired` (body) or an error with reason `mfa_required`. Errors map to the spec's
 * table: one neutral message for 401, verify page for email_unverified, lock wait, 429
 * countdown. No token is ever stored by JS: the session lives in httpOnly cookies.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { postJson } from '../api/client.ts';
import { inContract } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { holdMfaChallenge } from '../app/mfaChallenge.ts';
import { safeNext } from '../app/safeNext.ts';
import { ME_QUERY_KEY } from '../app/session.ts';
import { isRecord } from '../components/fields.ts';

export function loginErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Sign-in failed. Please try again.';
  if (error.kind === 'network') return 'Could not reach PatenTrack. Check your connection.';
  if (error.status === 401) return 'The email or password is not correct.'; // neutral on purpose
  if (error.is(403, 'email_unverified')) return 'Please verify your email address first.';
  if (error.is(403, 'account_locked')) {
    return error.retryAfter === null
      ? 'This account is locked. An administrator must unlock it.'
      : `Too many attempts. Try again in ${error.retryAfter} seconds.`;
  }
  if (error.status === 429) return `Too many attempts. Try again in ${error.retryAfter ?? 60} seconds.`;
  if (error.status === 404) return 'Sign-in is not available yet.';
  return error.message;
}

/** `{mfaRequired: true, mfaToken}` in the body (api.md §2.4), bare or enveloped. */
function mfaTokenOf(body: unknown): string | null {
  const d = isRecord(body) && isRecord(body.data) ? body.data : body;
  return isRecord(d) && d.mfaRequired === true && typeof d.mfaToken === 'string' ? d.mfaToken : null;
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, readonly string[]>>({});
  const errorId = useId();
  const available = inContract('POST', '/api/v1/auth/login');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const body = await postJson('/api/v1/auth/login', { email: form.get('email'), password: form.get('password') });
      const mfaToken = mfaTokenOf(body);
      if (mfaToken) {
        holdMfaChallenge(mfaToken, next);
        void navigate('/login/mfa');
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      void navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'mfa_required' && typeof e.details.mfaToken === 'string') {
        holdMfaChallenge(e.details.mfaToken, next);
        void navigate('/login/mfa');
        return;
      }
      if (e instanceof ApiError && e.is(403, 'email_unverified')) {
        void navigate('/verify-email');
        return;
      }
      setError(loginErrorText(e));
      if (e instanceof ApiError) setFieldErrors(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <form className="card auth-card" onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined} noValidate>
        <h1>Sign in to PatenTrack</h1>
        {!available && (
          <p className="notice" role="status">
            Sign-in is not available yet: the API contract has no <code>POST /api/v1/auth/login</code>.
          </p>
        )}
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required aria-invalid={Boolean(fieldErrors.email)} />
        {fieldErrors.email && <p className="field-error">{fieldErrors.email.join(' ')}</p>}
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(fieldErrors.password)} />
        {fieldErrors.password && <p className="field-error">{fieldErrors.password.join(' ')}</p>}
        {error && (
          <p id={errorId} className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy || !available}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="small">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </main>
  );
}
