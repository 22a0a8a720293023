/** Forbidden, unavailable and not-found pages (frontend.md §2: `/403`, `/unavailable`, `*`). */
import { Link, useSearchParams } from 'react-router';

const REASONS: Readonly<Record<string, string>> = {
  password_change_required: 'You must change your password before continuing.',
  mfa_enrollment_required: 'Your role requires two-step verification. Set it up to continue.',
  org_inactive: 'Your organisation’s subscription is not active.',
};

export function ForbiddenPage() {
  const [params] = useSearchParams();
  const reason = REASONS[params.get('reason') ?? ''];
  return (
    <section className="page" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Access denied</h1>
      <p>{reason ?? 'Your role does not give access to this page.'}</p>
      <Link to="/">Go to the dashboard</Link>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section className="page" aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/">Go to the dashboard</Link>
    </section>
  );
}

export function UnavailablePage() {
  return (
    <section className="page" aria-labelledby="ua-title">
      <h1 id="ua-title">Not available in your plan</h1>
      <p>This part of PatenTrack is switched off for your organisation.</p>
    </section>
  );
}
