/**
 * A CSV download link (frontend.md §5.5). A plain `<a download>` to the server's streamed
 * export, so it works with a keyboard, a middle click or "Save link as". A normal click
 * first makes one cheap authenticated call through the fetch layer, which refreshes an
 * expired access cookie (or sends the user to log in) before the browser downloads —
 * otherwise a stale session would save a JSON 401 as the "CSV".
 */
import { useState, type MouseEvent, type ReactNode } from 'react';
import { getJson } from '../api/client.ts';

export function ExportLink({ href, children, filename }: { href: string; children: ReactNode; filename: string }) {
  const [busy, setBusy] = useState(false);
  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    setBusy(true);
    try {
      await getJson('/api/v1/me');
    } catch {
      return; // the global 401/403 handling has taken over
    } finally {
      setBusy(false);
    }
    const a = document.createElement('a');
    a.href = href;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
  }
  return (
    <a className="button" href={href} download={filename} onClick={(e) => void onClick(e)} aria-busy={busy} data-testid="csv-export">
      {busy ? 'Preparing…' : children}
    </a>
  );
}
