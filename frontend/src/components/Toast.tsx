/** Transient notices (frontend.md §5.9: new-assignments "raises a toast"): a polite live
 * region; each toast dismisses itself after a while or with its button. */
import { useEffect } from 'react';
import '../app/liveEvents.css';

export interface ToastItem {
  id: number;
  message: string;
}

export const TOAST_MS = 10_000;

function ToastRow({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const handle = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(handle);
  }, [toast.id, onDismiss]);
  return (
    <div className="toast" data-testid="toast">
      <span>{toast.message}</span>
      <button type="button" className="toast__close" onClick={() => onDismiss(toast.id)} aria-label="Dismiss notification">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function Toasts({ toasts, onDismiss }: { toasts: readonly ToastItem[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastRow key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
