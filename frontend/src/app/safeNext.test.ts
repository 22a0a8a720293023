import { expect, it } from 'vitest';
import { isPublicPath } from './AuthEventsBridge.tsx';
import { safeNext } from './safeNext.ts';

it('accepts only same-app paths as ?next=', () => {
  expect(safeNext('/assets/1/diagram?step=3')).toBe('/assets/1/diagram?step=3');
  expect(safeNext('//evil.example')).toBe('/');
  expect(safeNext('https://evil.example')).toBe('/');
  expect(safeNext('/\\evil.example')).toBe('/');
  expect(safeNext('/login?next=/x')).toBe('/');
  expect(safeNext(null, '/assets')).toBe('/assets');
});

it('knows which pages work without a session', () => {
  expect(isPublicPath('/login')).toBe(true);
  expect(isPublicPath('/login/mfa')).toBe(true);
  expect(isPublicPath('/shared/abc/assets')).toBe(true);
  expect(isPublicPath('/loginx')).toBe(false);
  expect(isPublicPath('/assets')).toBe(false);
});
