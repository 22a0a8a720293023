/**
 * Light / dark / system theme (frontend.md §5.2). The choice lives in localStorage under one
 * key holding only 'light' | 'dark' — a display preference, never a token (frontend.md §1).
 * public/theme-init.js applies it before the first paint; `/me` preferences will become the
 * source of truth once PATCH /me is in the contract.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_KEY = 'patentrack.theme';

const listeners = new Set<() => void>();

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage disabled: the choice still applies to this page.
  }
  applyTheme(choice);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The effective theme: the saved choice, else the OS setting. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): { choice: ThemeChoice; toggle: () => void } {
  const choice = useSyncExternalStore(subscribe, read, () => 'system' as ThemeChoice);
  const toggle = useCallback(() => setTheme(effectiveTheme(read()) === 'dark' ? 'light' : 'dark'), []);
  return { choice, toggle };
}
