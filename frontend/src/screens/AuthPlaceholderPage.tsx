/**
 * Public auth pages of frontend.md §2 (register, verify email, forgot / reset password,
 * accept invite): their routes exist so links and e-mailed URLs resolve without a session;
 * the forms come next (the endpoints are in the contract).
 */
import { Link } from 'react-router';

export default function AuthPlaceholderPage({ title }: { title: string }) {
  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <div className="card auth-card">
        <h1>{title}</h1>
        <p className="muted">This page is not available yet.</p>
        <Link to="/login">Back to sign in</Link>
      </div>
    </main>
  );
}
