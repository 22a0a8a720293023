import { describe, expect, it } from 'vitest';
import { groupSecret, parseOtpAuth, qrPath } from './otpauth.ts';

describe('otpauth URI', () => {
  it('reads issuer, account and secret', () => {
    expect(parseOtpAuth('otpauth://totp/PatenTrack:ana%40acme.com?secret=JBSWY3DPEHPK3PXP&issuer=PatenTrack')).toEqual({
      issuer: 'PatenTrack',
      account: 'ana@acme.com',
      secret: 'JBSWY3DPEHPK3PXP',
    });
  });

  it('uses the label issuer when the parameter is missing', () => {
    expect(parseOtpAuth('otpauth://totp/Acme:bob?secret=ABC')).toMatchObject({ issuer: 'Acme', account: 'bob' });
    expect(parseOtpAuth('otpauth://totp/bob?secret=ABC')).toMatchObject({ issuer: null, account: 'bob' });
  });

  it('refuses other URIs', () => {
    expect(parseOtpAuth('https://evil.example/?secret=x')).toBeNull();
    expect(parseOtpAuth('not a uri')).toBeNull();
  });

  it('groups the secret by four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });
});

describe('qrPath', () => {
  it('draws merged runs of dark modules with the quiet zone', () => {
    const dark = new Set(['0,0', '0,1', '1,1']);
    const m = { size: 2, get: (r: number, c: number) => dark.has(`${r},${c}`) };
    expect(qrPath(m, 4)).toBe('M4 4h2v1h-2zM5 5h1v1h-1z');
    expect(qrPath({ size: 2, get: () => false })).toBe('');
  });

  it('draws a real QR code from the qrcode library', async () => {
    const QRCode = await import('qrcode');
    const code = QRCode.create('otpauth://totp/PatenTrack:a%40b.c?secret=JBSWY3DPEHPK3PXP', { errorCorrectionLevel: 'M' });
    const path = qrPath(code.modules);
    // The top-left finder pattern's first row is 7 dark modules.
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
    expect(code.modules.size).toBeGreaterThanOrEqual(21);
  });
});
