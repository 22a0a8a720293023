/**
 * The ownership diagram (frontend.md §4, D16, D22). Loaded lazily (React.lazy) by the asset
 * diagram tab, the share viewer and /diagram-preview, so none of this is in the initial
 * bundle. Layout is the pure layoutDiagram; this component adds the interactions of §4.2:
 * hover, connection panel (?conn=), box highlight, zoom/pan/fit, playback (?step=),
 * category filters, the broken-title gap overlay (?focus=gap), keyboard navigation, the
 * table view and SVG/PNG export.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { effectiveTheme, useTheme } from '../app/theme.ts';
import { DARK_INK, DiagramCanvas, LIGHT_INK, type Focus } from './DiagramCanvas.tsx';
import { DiagramPanel } from './DiagramPanel.tsx';
import { DiagramTable } from './DiagramTable.tsx';
import { exportPng, exportSvg } from './exportDiagram.ts';
import { layoutDiagram } from './layout.ts';
import { CATEGORY_ORDER, CATEGORY_STYLE, LANE_LABELS } from './palette.ts';
import type { Category, DiagramPayload } from './types.ts';
import { useZoomPan } from './useZoomPan.ts';
import { boxesInTimeOrder, diagramSummary, edgesInDateOrder, stepIndex, visibleParts } from './visibility.ts';

export interface DiagramProps {
  payload: DiagramPayload;
  /** `shared` = read-only share viewer (§4.6): no export. */
  mode?: 'app' | 'shared';
}

interface Hover {
  target: Exclude<Focus, null>;
  x: number;
  y: number;
}

function useSearchNumber(params: URLSearchParams, key: string, max: number): number | null {
  const raw = params.get(key);
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : null;
}

export default function Diagram({ payload, mode = 'app' }: DiagramProps) {
  const idPrefix = useId().replace(/:/g, '');
  const layout = useMemo(() => layoutDiagram(payload), [payload]);
  const [params, setParams] = useSearchParams();
  const total = payload.meta.transactionCount;
  const step = useSearchNumber(params, 'step', total);
  // The table view is a deep link too (?display=table), like step and conn (frontend.md §5.3).
  const tableView = params.get('display') === 'table';
  // ?conn= names a conveyance (rfId); with several parties it is several edges (D22).
  const selectedRf = params.get('conn');
  const selectedEdges = useMemo(() => layout.edges.filter((e) => e.connection.rfId === selectedRf), [layout, selectedRf]);

  const present = useMemo(() => CATEGORY_ORDER.filter((c) => layout.edges.some((e) => e.category === c)), [layout]);
  const [categories, setCategories] = useState<ReadonlySet<Category>>(() => new Set(CATEGORY_ORDER));
  const [showThirdParties, setShowThirdParties] = useState(true); // D22 default
  const [showGap, setShowGap] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [highlightBox, setHighlightBox] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  const visible = useMemo(
    () => visibleParts(layout, { categories, step, showThirdParties }),
    [layout, categories, step, showThirdParties],
  );

  const viewportRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = useZoomPan(viewportRef, layout);
  const { choice } = useTheme();
  const ink = effectiveTheme(choice) === 'dark' ? DARK_INK : LIGHT_INK;

  const setParam = useCallback(
    (key: string, value: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // Playback: about one transaction per second; stops at the last one.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = step ?? total;
      if (current >= total) {
        setPlaying(false);
        return;
      }
      setParam('step', String(current + 1));
    }, 1000);
    return () => clearInterval(timer);
  }, [playing, step, total, setParam]);

  // ?focus=gap centres the view on the break once the viewport is measured.
  const focusedGap = useRef(false);
  useEffect(() => {
    if (focusedGap.current || params.get('focus') !== 'gap' || !layout.gap || zoom.size.width === 0) return;
    focusedGap.current = true;
    // Keep the horizontal fit; bring the break to the middle of the viewport vertically.
    zoom.centreY(layout.gap.end.y);
  }, [params, layout.gap, zoom]);

  const names = useMemo(() => new Map(layout.boxes.map((b) => [b.id, b.box.name])), [layout]);
  const boxById = useMemo(() => new Map(layout.boxes.map((b) => [b.id, b])), [layout]);
  const edgeById = useMemo(() => new Map(layout.edges.map((e) => [e.id, e])), [layout]);
  const edgeCount = useMemo(() => {
    const n = new Map<string, number>();
    for (const e of layout.edges) {
      n.set(e.from, (n.get(e.from) ?? 0) + 1);
      n.set(e.to, (n.get(e.to) ?? 0) + 1);
    }
    return n;
  }, [layout]);

  const openEdge = useCallback(
    (id: string | null) => {
      const edge = id ? edgeById.get(id) : undefined;
      setParam('conn', edge ? edge.connection.rfId : null);
    },
    [edgeById, setParam],
  );
  const toggleBox = useCallback((id: string) => setHighlightBox((h) => (h === id ? null : id)), []);
  // Pointer clicks that end a pan must not select anything; keyboard and table never pan.
  const clickEdge = useCallback((id: string) => !zoom.consumeDrag() && openEdge(id), [zoom, openEdge]);
  const clickBox = useCallback((id: string) => !zoom.consumeDrag() && toggleBox(id), [zoom, toggleBox]);
  const onHover = useCallback((target: Focus, x: number, y: number) => setHover(target ? { target, x, y } : null), []);

  const toggleCategory = (c: Category) =>
    setCategories((prev) => {
      const next = new Set(prev);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });

  // Keyboard (frontend.md §4.2): Up/Down move between boxes down the page, Left/Right step
  // through connections in date order, Enter opens the panel, Esc closes, +/- zoom, 0 fits.
  const navBoxes = useMemo(() => boxesInTimeOrder(layout.boxes.filter((b) => visible.boxes.has(b.id))), [layout, visible]);
  const navEdges = useMemo(() => edgesInDateOrder(layout.edges.filter((e) => visible.edges.has(e.id))), [layout, visible]);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const move = (kind: 'box' | 'edge', delta: number) => {
      const list = kind === 'box' ? navBoxes : navEdges;
      const current = focus?.kind === kind ? list.findIndex((x) => x.id === focus.id) : -1;
      const next = list[stepIndex(current, delta, list.length)];
      if (!next) return;
      setFocus({ kind, id: next.id });
      const p = 'x' in next ? { x: next.x + next.w / 2, y: next.y + next.h / 2 } : next.label;
      zoom.centre(p);
    };
    switch (e.key) {
      case 'ArrowDown':
        move('box', 1);
        break;
      case 'ArrowUp':
        move('box', -1);
        break;
      case 'ArrowRight':
        move('edge', 1);
        break;
      case 'ArrowLeft':
        move('edge', -1);
        break;
      case 'Enter':
        if (focus?.kind === 'edge') openEdge(focus.id);
        else if (focus?.kind === 'box') toggleBox(focus.id);
        break;
      case 'Escape':
        setParam('conn', null);
        setHighlightBox(null);
        break;
      case '+':
      case '=':
        zoom.zoomBy(1.25);
        break;
      case '-':
        zoom.zoomBy(0.8);
        break;
      case '0':
        zoom.fit();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  function describe(target: Exclude<Focus, null>): string {
    if (target.kind === 'box') {
      const b = boxById.get(target.id);
      if (!b) return '';
      return `${b.box.name}, ${LANE_LABELS[b.lane]}, entered ${b.box.date ?? 'date unknown'}${b.box.country ? `, ${b.box.country}` : ''}, ${edgeCount.get(b.id) ?? 0} connections`;
    }
    const edge = edgeById.get(target.id);
    if (!edge) return '';
    const c = edge.connection;
    const detail = mode === 'shared' ? '' : `, ${names.get(edge.from)} to ${names.get(edge.to)}, reel/frame ${c.reelNo}/${c.frameNo}`;
    return `${edge.category}, #${edge.ordinal} of ${total}, recorded ${c.recordDate ?? 'date unknown'}${detail}`;
  }

  const filename = `patentrack-${payload.meta.grant ?? payload.meta.appno ?? 'diagram'}`;
  const parties = layout.boxes.filter((b) => (edgeCount.get(b.id) ?? 0) > 0).length;
  const summary = diagramSummary(total, parties, payload.headlineBreak);
  const counter = step ?? total;
  const summaryId = `${idPrefix}-summary`;

  return (
    <figure className="diagram" aria-labelledby={`${idPrefix}-title`} aria-describedby={summaryId}>
      <div className="diagram__titlebar">
        <h2 id={`${idPrefix}-title`} className="diagram__title">
          {payload.meta.grant ?? payload.meta.appno ?? 'Asset'}
          {payload.meta.title && <span className="muted"> — {payload.meta.title}</span>}
        </h2>
        <p id={summaryId} className="muted small">
          {summary}
        </p>
      </div>

      {payload.isBrokenTitle && payload.meta.gapText && (
        <div className="notice notice--warn diagram__gap" role="note">
          <span>
            <strong>Broken title.</strong> {payload.meta.gapText}
          </span>
          {layout.gap && (
            <label className="inline">
              <input type="checkbox" checked={showGap} onChange={(e) => setShowGap(e.target.checked)} /> Show gap
            </label>
          )}
        </div>
      )}

      <div className="diagram__toolbar" role="toolbar" aria-label="Diagram controls">
        <div className="group" aria-label="Playback" role="group">
          <button type="button" onClick={() => setParam('step', '0')} aria-label="First">
            |◀
          </button>
          <button type="button" onClick={() => setParam('step', String(Math.max(0, counter - 1)))} aria-label="Back">
            ◀
          </button>
          <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={() => setParam('step', counter + 1 >= total ? null : String(counter + 1))} aria-label="Forward">
            ▶
          </button>
          <button type="button" onClick={() => setParam('step', null)} aria-label="Last">
            ▶|
          </button>
          <span className="counter" aria-live="polite">
            {counter} / {total}
          </span>
        </div>
        <div className="group" role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoom.zoomBy(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom.zoomBy(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={zoom.fit}>
            Fit
          </button>
          <button type="button" onClick={zoom.reset}>
            Reset
          </button>
        </div>
        <div className="group" role="group" aria-label="View">
          <button type="button" aria-pressed={tableView} onClick={() => setParam('display', tableView ? null : 'table')}>
            Table
          </button>
          {mode === 'app' && (
            <>
              <button type="button" onClick={() => svgRef.current && exportSvg(svgRef.current, layout.width, layout.height, filename)}>
                SVG
              </button>
              <button
                type="button"
                onClick={() => svgRef.current && void exportPng(svgRef.current, layout.width, layout.height, filename, ink.background)}
              >
                PNG
              </button>
            </>
          )}
        </div>
      </div>

      <fieldset className="diagram__filters">
        <legend className="visually-hidden">Categories</legend>
        {present.map((c) => (
          <label key={c} className="chip">
            <input type="checkbox" checked={categories.has(c)} onChange={() => toggleCategory(c)} />
            <span className="swatch" style={{ background: CATEGORY_STYLE[c].color }} aria-hidden="true" />
            {c}
          </label>
        ))}
        <label className="chip">
          <input type="checkbox" checked={showThirdParties} onChange={(e) => setShowThirdParties(e.target.checked)} />
          Show third parties
        </label>
      </fieldset>

      {tableView ? (
        <DiagramTable layout={layout} visible={visible} onSelect={openEdge} />
      ) : (
        <div
          ref={viewportRef}
          className="diagram__viewport"
          tabIndex={0}
          role="application"
          aria-roledescription="ownership diagram"
          aria-label="Ownership diagram. Arrow keys: up and down move between parties, left and right between conveyances; Enter opens details; plus and minus zoom; 0 fits."
          aria-describedby={summaryId}
          onKeyDown={onKeyDown}
          onClick={() => {
            if (zoom.consumeDrag()) return;
            setHighlightBox(null);
          }}
          {...zoom.handlers}
        >
          <DiagramCanvas
            svgRef={svgRef}
            idPrefix={idPrefix}
            payload={payload}
            layout={layout}
            visible={visible}
            transform={`translate(${zoom.view.x} ${zoom.view.y}) scale(${zoom.view.scale})`}
            ink={ink}
            focus={focus}
            selectedRf={selectedEdges.length > 0 ? selectedRf : null}
            highlightBox={highlightBox}
            showGap={showGap}
            onHover={onHover}
            onSelectEdge={clickEdge}
            onSelectBox={clickBox}
          />
          {hover && (
            <div className="diagram__tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
              {describe(hover.target)}
            </div>
          )}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {focus ? describe(focus) : ''}
      </p>
      {selectedEdges.length > 0 && (
        <DiagramPanel
          edges={selectedEdges}
          names={names}
          total={total}
          onClose={() => {
            setParam('conn', null);
            viewportRef.current?.focus(); // focus returns to the canvas it came from
          }}
        />
      )}
    </figure>
  );
}
