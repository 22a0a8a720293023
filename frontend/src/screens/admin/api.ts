/**
 * The admin screens' reads and writes over the typed contract (schema.gen.ts, regenerated
 * from openapi.json). Paths with ids are filled at run time, so their bodies are typed here
 * with the contract's own component schemas rather than invented shapes.
 */
import { getJson, postJson, sendJson } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';

export type Schemas = components['schemas'];
export type OrgRow = Schemas['OrgDetail'];
export type AdminOrg = Schemas['AdminOrgDetail'];
export type UserRow = Schemas['UserItem'];
export type RunRow = Schemas['RunItem'];
export type RunDetail = Schemas['RunDetail'];
export type JobRow = Schemas['JobItem'];
export type JobDetail = Schemas['JobDetail'];
export type SourceHealth = Schemas['SourceHealth'];
export type IngestionStatus = Schemas['IngestionStatus'];
export type FreshnessItem = Schemas['FreshnessItem'];
export type QueueControl = Schemas['QueueControl'];
export type TransactionRow = Schemas['TransactionItem'];
export type PipelineStatus = Schemas['PipelineStatus'];

export interface CursorPage<T> {
  data: T[];
  cursor: { next: string | null; hasMore: boolean };
  total: number;
  totalExact?: boolean;
}
export interface OffsetPage<T> {
  data: T[];
  total: number;
}

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

const V1 = '/api/v1';

/** GET `path` (under /api/v1) as the contract type `T`. */
export async function read<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await getJson(`${V1}${path}`, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) })) as T;
}

/** The `data` of an envelope GET. */
export async function readData<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await read<{ data: T }>(path, query, signal)).data;
}

export async function post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  return (await postJson(`${V1}${path}`, body, idempotencyKey ? { idempotencyKey } : {})) as T;
}

export async function patch<T>(path: string, body: unknown): Promise<T> {
  return (await sendJson('PATCH', `${V1}${path}`, body)) as T;
}

export async function remove(path: string): Promise<void> {
  await sendJson('DELETE', `${V1}${path}`);
}

export const enc = encodeURIComponent;
