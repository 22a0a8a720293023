/**
 * Dark mode persisted to the account (frontend.md §5.2; api.md §3.1 PATCH /me
 * `preferences.darkMode`: true / false / null = follow the system). localStorage stays the
 * cache that public/theme-init.js reads before the first paint (no flash); `/me` is the
 * source of truth, applied once per signed-in user when it arrives, so the choice follows
 * the user to another browser. Changes are optimistic: applied at once, then saved.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { sendJson } from '../api/client.ts';
import { ME_QUERY_KEY, parseMe, useMe } from '../app/session.ts';
import { effectiveTheme, setTheme, useTheme, type ThemeChoice } from '../app/theme.ts';

export function choiceFromDarkMode(darkMode: boolean | null | undefined): ThemeChoice {
  return darkMode === true ? 'dark' : darkMode === false ? 'light' : 'system';
}

export function darkModeFromChoice(choice: ThemeChoice): boolean | null {
  return choice === 'dark' ? true : choice === 'light' ? false : null;
}

/** Apply now (cache + DOM), then PATCH /me; the /me cache takes the server's answer. */
export async function saveThemeChoice(choice: ThemeChoice, queryClient: QueryClient): Promise<void> {
  setTheme(choice);
  const body = await sendJson('PATCH', '/api/v1/me', { preferences: { darkMode: darkModeFromChoice(choice) } });
  const me = parseMe(body);
  if (me) queryClient.setQueryData(ME_QUERY_KEY, me);
}

/** useTheme() whose changes are also saved to the account. */
export function usePersistedTheme(): { choice: ThemeChoice; toggle: () => void; save: (choice: ThemeChoice) => Promise<void> } {
  const { choice } = useTheme();
  const queryClient = useQueryClient();
  const save = useCallback((next: ThemeChoice) => saveThemeChoice(next, queryClient), [queryClient]);
  const toggle = useCallback(() => {
    // The header switch: a failed save keeps the local choice (it is only a display setting).
    save(effectiveTheme(choice) === 'dark' ? 'light' : 'dark').catch(() => undefined);
  }, [choice, save]);
  return { choice, toggle, save };
}

/** Mounted once in the app shell: brings the account's theme into this browser. */
export function ThemePreferenceSync() {
  const me = useMe();
  const { choice } = useTheme();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!me.data || applied.current === me.data.id) return;
    applied.current = me.data.id;
    const saved = choiceFromDarkMode(me.data.darkMode);
    if (saved !== choice) setTheme(saved);
  }, [me.data, choice]);
  return null;
}
