/**
 * Settings → Profile (frontend.md §3.10, §5.2; api.md §3.1 PATCH /me): the display name and
 * the theme (Light / Dark / System), saved to the account's preferences with localStorage
 * kept as the pre-paint cache. Email and organization are shown read-only.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { sendJson } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { ME_QUERY_KEY, parseMe, type Me } from '../app/session.ts';
import type { ThemeChoice } from '../app/theme.ts';
import { errorText } from '../components/ErrorPanel.tsx';
import { usePersistedTheme } from '../components/themePreference.tsx';

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Same as my device' },
];

function NameForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const save = useMutation({
    mutationFn: async () => parseMe(await sendJson('PATCH', '/api/v1/me', { name: name.trim() })),
    onSuccess: (next) => {
      if (next) queryClient.setQueryData(ME_QUERY_KEY, next);
    },
  });
  const fieldError = save.error instanceof ApiError ? save.error.fieldErrors.name?.join(' ') : undefined;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) save.mutate();
  }
  return (
    <form className="card share-form" onSubmit={submit} aria-labelledby="profile-name-title">
      <h2 id="profile-name-title">Your name</h2>
      <label>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={255}
          autoComplete="name"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'profile-name-error' : undefined}
        />
      </label>
      {fieldError && (
        <p className="field-error" id="profile-name-error">
          {fieldError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending || !name.trim() || name.trim() === me.name} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save name'}
        </button>
      </div>
      {save.isSuccess && (
        <p role="status" className="muted small">
          Saved.
        </p>
      )}
      {save.isError && !fieldError && <p className="field-error">{errorText(save.error)}</p>}
    </form>
  );
}

function ThemeForm() {
  const { choice, save } = usePersistedTheme();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  function pick(next: ThemeChoice) {
    setStatus('saving');
    save(next).then(
      () => setStatus('saved'),
      () => setStatus('error'),
    );
  }
  return (
    <fieldset className="card" aria-describedby="theme-note">
      <legend>Theme</legend>
      {THEMES.map((t) => (
        <label key={t.value} className="checkbox">
          <input type="radio" name="theme" value={t.value} checked={choice === t.value} onChange={() => pick(t.value)} />
          {t.label}
        </label>
      ))}
      <p id="theme-note" className="muted small" role="status">
        {status === 'saving'
          ? 'Saving…'
          : status === 'saved'
            ? 'Saved to your account: it follows you to other browsers.'
            : status === 'error'
              ? 'Applied here, but it could not be saved to your account.'
              : 'Saved to your account.'}
      </p>
    </fieldset>
  );
}

export function ProfileSettings({ me }: { me: Me }) {
  return (
    <div className="overview-grid">
      <NameForm me={me} />
      <ThemeForm />
      <section className="card" aria-labelledby="profile-account-title">
        <h2 id="profile-account-title">Account</h2>
        <dl className="kv">
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Organization</dt>
          <dd>{me.organizationName ?? '—'}</dd>
          <dt>Role</dt>
          <dd>{me.role === 'super_admin' ? 'Super admin' : me.role === 'org_admin' ? 'Admin' : 'Member'}</dd>
        </dl>
      </section>
    </div>
  );
}
