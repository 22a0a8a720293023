/**
 * The SVG drawing of a laid-out diagram (frontend.md §4.1). Colours are attributes, not CSS
 * classes, so an exported SVG/PNG looks the same as the screen; only background, text and
 * axis follow the theme (§5.2: "conveyance colours never change").
 */
import { memo, type Ref } from 'react';
import type { DiagramLayout, LaidBox, LaidEdge } from './layout.ts';
import { CATEGORY_ORDER, CATEGORY_STYLE } from './palette.ts';
import type { DiagramPayload } from './types.ts';
import type { Visible } from './visibility.ts';

export interface Ink {
  background: string;
  surface: string;
  text: string;
  muted: string;
  laneFill: string;
  focus: string;
}

export const LIGHT_INK: Ink = { background: '#ffffff', surface: '#ffffff', text: '#1b1b1b', muted: '#5a5a5a', laneFill: '#f4f5f7', focus: '#1f4fd1' };
// Dark surfaces reuse the legacy share viewer's #121212 background and #424242 panels (§5.2).
export const DARK_INK: Ink = { background: '#121212', surface: '#1e1e1e', text: '#eeeeee', muted: '#b0b0b0', laneFill: '#1a1a1a', focus: '#8fb0ff' };

export type Focus = { kind: 'box'; id: string } | { kind: 'edge'; id: string } | null;

export interface CanvasProps {
  svgRef: Ref<SVGSVGElement>;
  idPrefix: string;
  payload: DiagramPayload;
  layout: DiagramLayout;
  visible: Visible;
  transform: string;
  ink: Ink;
  focus: Focus;
  /** The conveyance whose edges are emphasised (?conn=). */
  selectedRf: string | null;
  highlightBox: string | null;
  showGap: boolean;
  onHover: (target: Focus, clientX: number, clientY: number) => void;
  onSelectEdge: (id: string) => void;
  onSelectBox: (id: string) => void;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Fit a name into `width` px at 11px bold (capitals are wider); the full name is on hover. */
function fitName(s: string, width: number): string {
  let used = 0;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i]!;
    used += ch >= 'A' && ch <= 'Z' ? 8 : ch === ' ' ? 3.2 : 6.2;
    if (used > width - 8) return `${s.slice(0, i).trimEnd()}…`;
  }
  return s;
}

function markerId(prefix: string, color: string): string {
  return `${prefix}-arrow-${color.replace('#', '')}`;
}

const Box = memo(function Box({
  b,
  ink,
  focused,
  dimmed,
  onHover,
  onSelect,
}: {
  b: LaidBox;
  ink: Ink;
  focused: boolean;
  dimmed: boolean;
  onHover: CanvasProps['onHover'];
  onSelect: (id: string) => void;
}) {
  const sub = [b.box.date, b.box.entryOrdinal !== null ? `#${b.box.entryOrdinal}` : null].filter(Boolean).join(' · ');
  return (
    <g
      data-box={b.id}
      opacity={dimmed ? 0.35 : 1}
      onPointerEnter={(e) => onHover({ kind: 'box', id: b.id }, e.clientX, e.clientY)}
      onPointerLeave={(e) => onHover(null, e.clientX, e.clientY)}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(b.id);
      }}
      style={{ cursor: 'pointer' }}
    >
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={3} fill={ink.surface} stroke={b.box.color} strokeWidth={2} />
      <rect x={b.x} y={b.y} width={6} height={b.h} rx={2} fill={b.box.color} />
      <text x={b.x + 12} y={b.y + 18} fontSize={11} fontWeight={600} fill={ink.text} fontFamily="system-ui, sans-serif">
        {fitName(b.box.name, b.w - 18)}
      </text>
      <text x={b.x + 12} y={b.y + 34} fontSize={10} fill={ink.muted} fontFamily="system-ui, sans-serif">
        {sub}
      </text>
      {focused && (
        <rect data-screen-only x={b.x - 4} y={b.y - 4} width={b.w + 8} height={b.h + 8} rx={5} fill="none" stroke={ink.focus} strokeWidth={2.5} />
      )}
    </g>
  );
});

const Edge = memo(function Edge({
  e,
  prefix,
  ink,
  emphasis,
  dimmed,
  total,
  onHover,
  onSelect,
}: {
  e: LaidEdge;
  prefix: string;
  ink: Ink;
  emphasis: boolean;
  dimmed: boolean;
  total: number;
  onHover: CanvasProps['onHover'];
  onSelect: (id: string) => void;
}) {
  return (
    <g
      data-edge={e.id}
      opacity={dimmed ? 0.25 : 1}
      onPointerEnter={(ev) => onHover({ kind: 'edge', id: e.id }, ev.clientX, ev.clientY)}
      onPointerLeave={(ev) => onHover(null, ev.clientX, ev.clientY)}
      onClick={(ev) => {
        ev.stopPropagation();
        onSelect(e.id);
      }}
      style={{ cursor: 'pointer' }}
    >
      <title>{`${e.category}, #${e.ordinal} of ${total}`}</title>
      {/* A wide invisible stroke makes thin edges easy to hover and click. */}
      <path data-screen-only d={e.path} fill="none" stroke="transparent" strokeWidth={12} />
      <path
        d={e.path}
        fill="none"
        stroke={e.color}
        strokeWidth={emphasis ? 3.5 : 2}
        strokeDasharray={e.dashed ? '7 5' : undefined}
        markerEnd={`url(#${markerId(prefix, e.color)})`}
      />
      <circle cx={e.label.x} cy={e.label.y} r={8} fill={ink.surface} stroke={e.color} strokeWidth={1.5} />
      <text x={e.label.x} y={e.label.y + 3.5} fontSize={9} textAnchor="middle" fill={ink.text} fontFamily="system-ui, sans-serif">
        {e.ordinal}
      </text>
    </g>
  );
});

export function DiagramCanvas(p: CanvasProps) {
  const { layout, payload, ink, visible } = p;
  const colours = [...new Set(layout.edges.map((e) => e.color))];
  const total = payload.meta.transactionCount;
  // Clicking a box highlights its connections and their other ends (frontend.md §4.2).
  const connected = new Set<string>();
  const neighbours = new Set<string>();
  if (p.highlightBox) {
    for (const e of layout.edges) {
      if (e.from !== p.highlightBox && e.to !== p.highlightBox) continue;
      connected.add(e.id);
      neighbours.add(e.from);
      neighbours.add(e.to);
    }
  }
  const footerY = layout.axis.bottom + 24;
  const legend = CATEGORY_ORDER.filter((c) => layout.edges.some((e) => e.category === c));
  const title = [payload.meta.grant ?? payload.meta.appno, payload.meta.title].filter(Boolean).join(' — ');

  return (
    <svg
      ref={p.svgRef}
      className="diagram__svg"
      width="100%"
      height="100%"
      aria-hidden="true"
      style={{ color: ink.text, background: ink.background, display: 'block' }}
    >
      <defs>
        {colours.map((c) => (
          <marker key={c} id={markerId(p.idPrefix, c)} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={5} markerHeight={5} orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={c} />
          </marker>
        ))}
      </defs>
      <g data-viewport transform={p.transform}>
        <rect x={0} y={0} width={layout.width} height={layout.height} fill={ink.background} />
        {layout.lanes.map((l) => (
          <g key={l.index}>
            {l.index % 2 === 1 && <rect x={l.x} y={0} width={l.width} height={layout.axis.bottom + 8} fill={ink.laneFill} />}
            <text x={l.x + l.width / 2} y={24} textAnchor="middle" fontSize={12} fontWeight={700} fill={ink.text} fontFamily="system-ui, sans-serif">
              {l.label}
            </text>
          </g>
        ))}
        <line x1={layout.axis.x} y1={layout.axis.top} x2={layout.axis.x} y2={layout.axis.bottom} stroke={ink.muted} strokeDasharray="4 4" />
        {layout.axis.ticks.map((t) => (
          <g key={t.ordinal}>
            <circle cx={layout.axis.x} cy={t.y} r={3} fill={ink.muted} />
            <text x={layout.axis.x - 8} y={t.y + 3.5} textAnchor="end" fontSize={10} fill={ink.muted} fontFamily="system-ui, sans-serif">
              {t.date ?? `#${t.ordinal}`}
            </text>
          </g>
        ))}
        {layout.edges
          .filter((e) => visible.edges.has(e.id))
          .map((e) => (
            <Edge
              key={e.id}
              e={e}
              prefix={p.idPrefix}
              ink={ink}
              total={total}
              emphasis={(p.selectedRf !== null && e.connection.rfId === p.selectedRf) || (p.focus?.kind === 'edge' && p.focus.id === e.id) || connected.has(e.id)}
              dimmed={p.highlightBox !== null && !connected.has(e.id)}
              onHover={p.onHover}
              onSelect={p.onSelectEdge}
            />
          ))}
        {layout.boxes
          .filter((b) => visible.boxes.has(b.id))
          .map((b) => (
            <Box
              key={b.id}
              b={b}
              ink={ink}
              focused={p.focus?.kind === 'box' && p.focus.id === b.id}
              dimmed={p.highlightBox !== null && !neighbours.has(b.id) && p.highlightBox !== b.id}
              onHover={p.onHover}
              onSelect={p.onSelectBox}
            />
          ))}
        {/* On top of the boxes: the break must stay visible (frontend.md §4.2). */}
        {p.showGap && layout.gap && (
          <g data-gap>
            <path d={layout.gap.path} fill="none" stroke={layout.gap.color} strokeWidth={3} strokeDasharray="5 4" />
            <text x={layout.gap.end.x + 8} y={layout.gap.end.y - 6} fontSize={10} fontWeight={700} fill={ink.muted} fontFamily="system-ui, sans-serif">
              gap
            </text>
          </g>
        )}
        <g data-footer fontFamily="system-ui, sans-serif">
          {legend.map((c, i) => (
            <g key={c} transform={`translate(${layout.axis.x + i * 118}, ${footerY})`}>
              <line x1={0} y1={0} x2={22} y2={0} stroke={CATEGORY_STYLE[c].color} strokeWidth={3} strokeDasharray={CATEGORY_STYLE[c].dashed ? '6 4' : undefined} />
              <text x={28} y={4} fontSize={10} fill={ink.text}>
                {c}
              </text>
            </g>
          ))}
          <text x={layout.axis.x} y={footerY + 22} fontSize={10} fill={ink.muted}>
            {`© ${new Date().getUTCFullYear()} PatenTrack${title ? ` · ${truncate(title, 90)}` : ''}`}
          </text>
        </g>
      </g>
    </svg>
  );
}
