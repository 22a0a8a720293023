/**
 * Runtime check of a diagram payload (from the API, a share, or a fixture): the layout
 * trusts its input's shape, so the shape is checked once at the boundary.
 */
import type { DiagramPayload } from './types.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class DiagramPayloadError extends Error {
  override readonly name = 'DiagramPayloadError';
}

/** The payload, or a DiagramPayloadError naming the first problem found. */
export function parseDiagramPayload(value: unknown): DiagramPayload {
  // The API wraps single objects as {"data": {...}} (api.md §1.2); fixtures are bare.
  const body = isRecord(value) && isRecord(value.data) && !('boxes' in value) ? value.data : value;
  if (!isRecord(body)) throw new DiagramPayloadError('The diagram payload is not an object.');
  if (!isRecord(body.meta)) throw new DiagramPayloadError('The diagram payload has no meta.');
  if (!Array.isArray(body.boxes)) throw new DiagramPayloadError('The diagram payload has no boxes.');
  if (!Array.isArray(body.connections)) throw new DiagramPayloadError('The diagram payload has no connections.');
  const ids = new Set<string>();
  for (const box of body.boxes) {
    if (!isRecord(box) || typeof box.id !== 'string' || typeof box.name !== 'string' || typeof box.lane !== 'number') {
      throw new DiagramPayloadError('A diagram box lacks id, name or lane.');
    }
    ids.add(box.id);
  }
  for (const c of body.connections) {
    if (!isRecord(c) || typeof c.from !== 'string' || typeof c.to !== 'string' || typeof c.ordinal !== 'number') {
      throw new DiagramPayloadError('A diagram connection lacks from, to or ordinal.');
    }
    if (!ids.has(c.from) || !ids.has(c.to)) {
      throw new DiagramPayloadError(`Connection ${String(c.id)} points at a box that does not exist.`);
    }
  }
  return {
    legend: [],
    rootEntity: [],
    headlineBreak: null,
    ...body,
    isBrokenTitle: body.isBrokenTitle === true,
  } as unknown as DiagramPayload;
}
