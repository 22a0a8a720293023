/**
 * A QR code drawn as SVG from the `qrcode` library, which is loaded only when a code is
 * shown (MFA enrolment), so it never weighs on the initial bundle (frontend.md §6). Until
 * it loads — or if it cannot — the caller's text fallback (the secret) is what users see.
 */
import { useEffect, useState } from 'react';
import { qrPath } from '../lib/otpauth.ts';

export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const [drawn, setDrawn] = useState<{ path: string; modules: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((QR) => {
        const code = QR.create(value, { errorCorrectionLevel: 'M' });
        if (live) setDrawn({ path: qrPath(code.modules), modules: code.modules.size });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [value]);
  if (failed) return <p className="muted small">The QR code could not be drawn; type the key below instead.</p>;
  if (!drawn) return <div className="skeleton__line" style={{ width: size, height: size }} role="status" aria-label="Drawing the QR code…" />;
  const extent = drawn.modules + 8; // 4-module quiet zone each side (ISO/IEC 18004)
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges" data-testid="mfa-qr">
      {/* Always dark on white, whatever the theme: scanners need the contrast. */}
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={drawn.path} fill="#000000" />
    </svg>
  );
}
