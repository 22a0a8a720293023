/**
 * Contract types for the customer screens (schema.gen.ts, generated from openapi.json).
 * Paths with ids are filled at run time, so `getJson` cannot infer their body type; these
 * aliases name the contract's own component schemas instead of inventing shapes.
 */
import { getJson } from '../api/client.ts';
import type { components } from '../api/schema.gen.ts';

type Schemas = components['schemas'];
export type TreeTab = Schemas['TreeTab'];
export type TreeNode = Schemas['TreeNode'];
export type TreeDetail = Schemas['TreeDetail'];
export type CpcCloud = Schemas['CpcCloud'];
export type CpcCloudLevel = Schemas['CpcCloudLevel'];
export type EventItem = Schemas['EventItem'];
export type MaintenanceEvent = Schemas['MaintenanceEvent'];
export type RecentAssignment = Schemas['RecentAssignment'];
export type EntityItem = Schemas['EntityItem'];
export type EntityDetail = Schemas['EntityDetailOut'];
export type NormalizeQueued = Schemas['NormalizeQueued'];
export type SearchHit = Schemas['SearchHit'];
export type SearchField = Schemas['SearchField'];
export type Webhook = Schemas['WebhookOut'];
export type WebhookCreated = Schemas['WebhookCreated'];
export type WebhookEventType = Schemas['domain__alerts__events__EventType'];
export type WebhookFormat = Schemas['WebhookFormat'];
export type Delivery = Schemas['DeliveryOut'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type MeBody = Schemas['Me'];
export type MfaSetup = Schemas['MfaSetupResponse'];

type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** GET a concrete path whose contract body type is `T`. */
export async function readAs<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await getJson(path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) })) as T;
}

/** Rows of a cursor-list page (useCursorList keeps them as records) as their contract type. */
export function rowsAs<T>(rows: readonly Record<string, unknown>[]): T[] {
  return rows as unknown as T[];
}
