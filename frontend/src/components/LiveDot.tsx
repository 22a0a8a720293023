/** frontend.md §5.9 header dot: Live / Reconnecting / Offline, announced to screen readers. */
import { dotOf, type LiveStatus } from '../app/liveEvents.ts';
import '../app/liveEvents.css';

export function LiveDot({ status }: { status: LiveStatus }) {
  const dot = dotOf(status);
  return (
    <span className={`live-dot live-dot--${dot.tone}`} data-live-status={status} title={dot.description}>
      <span className="live-dot__mark" aria-hidden="true" />
      <span className="live-dot__label" aria-hidden="true">
        {dot.label}
      </span>
      <span className="visually-hidden" role="status">
        {dot.description}
      </span>
    </span>
  );
}
