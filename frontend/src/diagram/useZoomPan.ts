/**
 * Zoom and pan of the diagram viewport (frontend.md §4.2 "Zoom and pan"): wheel zooms
 * around the pointer within 0.25x-4x, drag pans, and the view opens fitted — or fitted to
 * width with vertical panning when fitting would go below 0.5x.
 */
import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;

export interface View {
  scale: number;
  x: number;
  y: number;
}

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** The opening view: fit all, unless that is below 0.5x — then fit the width, top aligned. */
export function fitView(content: { width: number; height: number }, box: { width: number; height: number }): View {
  if (box.width <= 0 || box.height <= 0) return { scale: 1, x: 0, y: 0 };
  const fitAll = Math.min(box.width / content.width, box.height / content.height);
  if (fitAll >= 0.5) {
    const scale = clampScale(Math.min(fitAll, 1.5));
    return { scale, x: (box.width - content.width * scale) / 2, y: (box.height - content.height * scale) / 2 };
  }
  const scale = clampScale(box.width / content.width);
  return { scale, x: Math.max(0, (box.width - content.width * scale) / 2), y: 0 };
}

/** Zoom by `factor` keeping the point (px, py) of the viewport still. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/** Centre the viewport on a content point (used by ?focus=gap and keyboard focus). */
export function centreOn(view: View, point: { x: number; y: number }, box: { width: number; height: number }): View {
  return { ...view, x: box.width / 2 - point.x * view.scale, y: box.height / 2 - point.y * view.scale };
}

export function useZoomPan(
  viewport: RefObject<HTMLDivElement | null>,
  content: { width: number; height: number },
) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const fitted = useRef(false);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  // Active touch/pen pointers for pinch zoom (frontend.md §4.6 "Phones: pinch zoom").
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<number | null>(null);
  const suppressClick = useRef(false);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [viewport]);

  useEffect(() => {
    if (!fitted.current && size.width > 0) {
      fitted.current = true;
      setView(fitView(content, size));
    }
  }, [size, content]);

  // React's onWheel is passive, so preventDefault needs a native listener.
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      setView((v) => zoomAt(v, factor, e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [viewport]);

  const fit = useCallback(() => setView(fitView(content, size)), [content, size]);
  const reset = useCallback(() => setView({ scale: 1, x: 0, y: 0 }), []);
  const zoomBy = useCallback((factor: number) => setView((v) => zoomAt(v, factor, size.width / 2, size.height / 2)), [size]);
  const centre = useCallback((p: { x: number; y: number }) => setView((v) => centreOn(v, p, size)), [size]);
  const centreY = useCallback((y: number) => setView((v) => ({ ...v, y: size.height / 2 - y * v.scale })), [size]);

  const handlers = {
    onPointerDown: (e: ReactPointerEvent) => {
      if (e.pointerType !== 'mouse') pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.current.size === 2) {
        const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
        pinch.current = Math.hypot(a.x - b.x, a.y - b.y);
        drag.current = null;
        return;
      }
      if (e.button !== 0) return;
      drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    },
    onPointerMove: (e: ReactPointerEvent) => {
      if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch.current !== null && pointers.current.size === 2) {
        const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        const r = (e.currentTarget as Element).getBoundingClientRect();
        const factor = distance / (pinch.current || distance);
        pinch.current = distance;
        suppressClick.current = true;
        setView((v) => zoomAt(v, factor, (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top));
        return;
      }
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < 4) return;
      if (!d.moved) (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
      d.moved = true;
      d.x = e.clientX;
      d.y = e.clientY;
      setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    },
    onPointerUp: (e: ReactPointerEvent) => {
      pointers.current.delete(e.pointerId);
      if (pointers.current.size < 2) pinch.current = null;
      const d = drag.current;
      if (d && d.id === e.pointerId) suppressClick.current = d.moved;
      drag.current = null;
    },
    onPointerCancel: (e: ReactPointerEvent) => {
      pointers.current.delete(e.pointerId);
      pinch.current = null;
      drag.current = null;
    },
    onDoubleClick: (e: ReactMouseEvent) => {
      const r = (e.currentTarget as Element).getBoundingClientRect();
      setView((v) => zoomAt(v, 1.6, e.clientX - r.left, e.clientY - r.top));
    },
  };

  /** True once after a drag, so the click that ends a pan does not select anything. */
  const consumeDrag = useCallback(() => {
    const was = suppressClick.current;
    suppressClick.current = false;
    return was;
  }, []);

  return { view, size, fit, reset, zoomBy, centre, centreY, handlers, consumeDrag };
}
