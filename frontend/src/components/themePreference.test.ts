import { describe, expect, it } from 'vitest';
import { choiceFromDarkMode, darkModeFromChoice } from './themePreference.tsx';

describe('dark mode preference mapping (/me preferences.darkMode)', () => {
  it('maps both ways, null meaning the system setting', () => {
    expect(choiceFromDarkMode(true)).toBe('dark');
    expect(choiceFromDarkMode(false)).toBe('light');
    expect(choiceFromDarkMode(null)).toBe('system');
    expect(choiceFromDarkMode(undefined)).toBe('system');
    for (const c of ['dark', 'light', 'system'] as const) expect(choiceFromDarkMode(darkModeFromChoice(c))).toBe(c);
  });
});
