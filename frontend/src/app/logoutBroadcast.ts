/**
 * "Logout is broadcast to every tab" (frontend.md §3.1 Session): a BroadcastChannel message;
 * other tabs drop their cached data and go to /login. Carries no credentials.
 */
const CHANNEL = 'patentrack-session';

export function broadcastLogout(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('logout');
  channel.close();
}

export function onLogoutBroadcast(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'logout') listener();
  };
  return () => channel.close();
}
