/**
 * The diagram payload as the backend's pure `build_diagram` (domain/titles/diagram.py)
 * produces it and `GET /assets/{id}/diagram` serves it unchanged (D16, frontend.md §4.4).
 * It carries both the §4.4 names (boxes, connections, lane, boxType, entryOrdinal, routing)
 * and the step-8 names (segment, firstSeq, seq, lineType); the SPA reads the §4.4 ones
 * (domain/titles/README.md decision 22). The generated API types will replace these once
 * the diagram endpoint is in openapi.json.
 */

/** Lane 0-3 (frontend.md §4.1): inventors, owners, banks / secured parties, third parties. */
export type LaneIndex = 0 | 1 | 2 | 3;

export type BoxType = 'inventor' | 'ownership' | 'license' | 'security' | 'third_party';

/** BR-031 line types; the legend order of the backend. */
export type Category =
  | 'Ownership'
  | 'Name Change'
  | 'Security'
  | 'Release'
  | 'Partial Release'
  | 'License'
  | 'License End'
  | 'Correct';

export interface DiagramBox {
  id: string;
  name: string;
  entityId: string | null;
  lane: LaneIndex;
  boxType: BoxType;
  color: string;
  type: string;
  date: string | null;
  country: string | null;
  /** Ordinal of the conveyance that brought the party in; null for unlinked inventors. */
  entryOrdinal: number | null;
  tooltip: string;
}

export interface DiagramConnection {
  id: string;
  from: string;
  to: string;
  /** Conveyance position in P5 order; shared by every assignor->assignee pair (D22). */
  ordinal: number;
  rfId: string;
  reelNo: number;
  frameNo: number;
  category: Category;
  conveyanceType: string;
  employerAssign: boolean;
  color: string;
  dashed: boolean;
  routing: 'straight' | 'curved';
  recordDate: string | null;
  execDate: string | null;
}

export interface DiagramBreak {
  seq: number;
  beforeRfId: string | null;
  afterRfId: string;
  expected: string[];
  actual: string[];
  reason: string;
}

export interface DiagramMeta {
  appno: string | null;
  grant: string | null;
  title: string | null;
  status: string | null;
  isBrokenTitle: boolean;
  chainStatus: 'complete' | 'encumbered' | 'broken';
  gapText: string | null;
  inventorSource: string;
  transactionCount: number;
  timeDirection: 'down';
  boxStyle?: { width: number; height: number; border: string; borderWidth: number; fill: string };
  rulesetVersion?: string;
  runId?: string;
  generatedAt?: string;
}

export interface DiagramLegendEntry {
  category: Category;
  color: string;
  dashed: boolean;
}

export interface DiagramPayload {
  meta: DiagramMeta;
  rootEntity: string[];
  isBrokenTitle: boolean;
  headlineBreak: DiagramBreak | null;
  boxes: DiagramBox[];
  connections: DiagramConnection[];
  legend: DiagramLegendEntry[];
}
