/**
 * Settings → Security (frontend.md §3.10; api.md §2.4; D13 TOTP):
 * - change password (POST /auth/change-password; the user's other sessions end);
 * - MFA setup: POST /auth/mfa/setup → QR code of the otpauth URI (lazy `qrcode`) plus the
 *   key as text → POST /auth/mfa/confirm with a first code → the ten backup codes, shown
 *   once; disable with password + code (POST /auth/mfa/disable; refused when mandatory).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { postJson } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { ME_QUERY_KEY, type Me } from '../app/session.ts';
import { errorText } from '../components/ErrorPanel.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { downloadCsv } from '../lib/csv.ts';
import { groupSecret, parseOtpAuth } from '../lib/otpauth.ts';
import type { MfaSetup } from './customerApi.ts';

function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const list = error.fieldErrors[field];
  if (list?.length) return list.join(' ');
  return undefined;
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => postJson('/api/v1/auth/change-password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const wrongCurrent = change.error instanceof ApiError && change.error.reason === 'invalid_credentials';
  const currentError = wrongCurrent ? 'The current password is wrong.' : fieldMessage(change.error, 'currentPassword');
  const newError = mismatch ? 'The two new passwords differ.' : fieldMessage(change.error, 'newPassword');
  function submit(e: FormEvent) {
    e.preventDefault();
    const differ = next !== confirm;
    setMismatch(differ);
    if (!differ) change.mutate();
  }
  return (
    <form className="card share-form" onSubmit={submit} aria-labelledby="pw-title">
      <h2 id="pw-title">Password</h2>
      <label>
        Current password
        <input
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          required
          aria-invalid={currentError ? true : undefined}
          aria-describedby={currentError ? 'pw-current-error' : undefined}
        />
      </label>
      {currentError && (
        <p className="field-error" id="pw-current-error">
          {currentError}
        </p>
      )}
      <label>
        New password
        <input
          type="password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={newError ? true : undefined}
          aria-describedby={newError ? 'pw-new-error' : 'pw-rule'}
        />
      </label>
      <p className="muted small" id="pw-rule">
        At least 12 characters with an upper-case letter, a lower-case letter and a digit; not your e-mail address.
      </p>
      <label>
        Repeat the new password
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" required />
      </label>
      {newError && (
        <p className="field-error" id="pw-new-error">
          {newError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={change.isPending} aria-busy={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
      {change.isSuccess && (
        <p role="status">Password changed. Your other sessions were signed out.</p>
      )}
      {change.isError && !currentError && !newError && <p className="field-error">{errorText(change.error)}</p>}
    </form>
  );
}

function BackupCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <div className="notice notice--warn" role="status" data-testid="mfa-backup-codes">
      <p className="notice__title">Two-factor authentication is on. Save your backup codes now.</p>
      <p>Each code signs you in once if you lose your phone. They are shown only this once.</p>
      <ul className="plain-list" style={{ columns: 2, fontFamily: 'monospace', fontSize: '1.05rem' }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          Copy codes
        </button>
        <button type="button" onClick={() => downloadCsv('patentrack-backup-codes.txt', `${codes.join('\r\n')}\r\n`)}>
          Download
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          I saved them
        </button>
      </div>
    </div>
  );
}

function MfaSetupFlow({ onConfirmed }: { onConfirmed: (backupCodes: readonly string[]) => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const setup = useMutation({ mutationFn: async () => (await postJson('/api/v1/auth/mfa/setup', {})) as MfaSetup });
  const confirm = useMutation({
    mutationFn: () => postJson('/api/v1/auth/mfa/confirm', { code: code.replace(/\s+/g, '') }),
    onSuccess: () => {
      onConfirmed(setup.data?.backupCodes ?? []);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
  if (!setup.data) {
    return (
      <>
        <p>Protect your account with a code from an authenticator app (Google Authenticator, 1Password, Authy…).</p>
        <div className="actions">
          <button type="button" className="button-primary" onClick={() => setup.mutate()} disabled={setup.isPending} aria-busy={setup.isPending}>
            {setup.isPending ? 'Starting…' : 'Set up two-factor authentication'}
          </button>
        </div>
        {setup.isError && <p className="field-error">{errorText(setup.error)}</p>}
      </>
    );
  }
  const info = parseOtpAuth(setup.data.qrCodeUrl);
  const codeError = confirm.isError
    ? confirm.error instanceof ApiError && confirm.error.reason === 'mfa_invalid'
      ? 'That code is wrong or expired. Enter the current code from the app.'
      : (fieldMessage(confirm.error, 'code') ?? errorText(confirm.error))
    : undefined;
  return (
    <>
      <ol>
        <li>
          <p>Scan this QR code with your authenticator app:</p>
          <QrCode value={setup.data.qrCodeUrl} label={`QR code to add PatenTrack${info?.account ? ` for ${info.account}` : ''} to an authenticator app`} />
        </li>
        <li>
          <p>
            Or type this key in the app{info?.account ? ` (account ${info.account})` : ''}:{' '}
            <code data-testid="mfa-secret" style={{ fontSize: '1.05rem' }}>
              {groupSecret(setup.data.secret)}
            </code>
          </p>
        </li>
        <li>
          <form
            className="share-form"
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate();
            }}
          >
            <label>
              6-digit code from the app
              <input
                value={code}
                onChange={(e) => setCode(e.target.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,8}"
                required
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? 'mfa-code-error' : undefined}
              />
            </label>
            {codeError && (
              <p className="field-error" id="mfa-code-error">
                {codeError}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button-primary" disabled={confirm.isPending} aria-busy={confirm.isPending}>
                {confirm.isPending ? 'Checking…' : 'Turn on'}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </>
  );
}

function MfaDisable() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: () => postJson('/api/v1/auth/mfa/disable', { password, code: code.replace(/\s+/g, '') }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
  if (!open)
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          Turn off two-factor authentication
        </button>
      </div>
    );
  const reason = disable.error instanceof ApiError ? disable.error.reason : null;
  const message =
    reason === 'mfa_mandatory'
      ? 'Two-factor authentication is mandatory for your role or organization; it cannot be turned off.'
      : reason === 'invalid_credentials'
        ? 'The password is wrong.'
        : reason === 'mfa_invalid'
          ? 'That code is wrong or expired.'
          : disable.isError
            ? errorText(disable.error)
            : null;
  return (
    <form
      className="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        disable.mutate();
      }}
      aria-label="Turn off two-factor authentication"
    >
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
      </label>
      <label>
        Code from the app, or a backup code
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" required minLength={6} maxLength={16} />
      </label>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-danger" disabled={disable.isPending} aria-busy={disable.isPending}>
          {disable.isPending ? 'Turning off…' : 'Turn off'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MfaSection({ me }: { me: Me }) {
  // The backup codes stay on screen until dismissed, even once /me says "enabled".
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  return (
    <section className="card" aria-labelledby="mfa-title">
      <h2 id="mfa-title">Two-factor authentication</h2>
      <p>
        Status: <strong data-testid="mfa-status">{me.mfaEnabled || codes ? 'On' : 'Off'}</strong>
      </p>
      {codes ? <BackupCodes codes={codes} onDone={() => setCodes(null)} /> : me.mfaEnabled ? <MfaDisable /> : <MfaSetupFlow onConfirmed={setCodes} />}
    </section>
  );
}

export function SecuritySettings({ me }: { me: Me }) {
  return (
    <div className="overview-grid">
      <PasswordForm />
      <MfaSection me={me} />
    </div>
  );
}
