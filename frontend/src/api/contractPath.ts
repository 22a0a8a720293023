/**
 * Contract templates name their path parameters after the backend's arguments
 * (`/assets/{asset_id}`), while api.md writes `{id}`. A screen names the path once with `{}`
 * placeholders and this finds the template the committed contract really has, if any.
 */
import { CONTRACT_OPERATIONS } from './schema.gen.ts';

/** `/api/v1/assets/{}/family` → the contract's template for that GET (or null). */
export function contractTemplate(method: string, shape: string, operations: readonly string[] = CONTRACT_OPERATIONS): string | null {
  const prefix = `${method.toUpperCase()} `;
  const pattern = new RegExp(`^${shape.split('{}').map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('\\{[^/}]+\\}')}$`);
  for (const op of operations) {
    if (op.startsWith(prefix) && pattern.test(op.slice(prefix.length))) return op.slice(prefix.length);
  }
  return null;
}

/** Fill `{}` placeholders in order, URL-encoding each value. */
export function fillPath(shape: string, ...values: string[]): string {
  let i = 0;
  return shape.replace(/\{\}/g, () => encodeURIComponent(values[i++] ?? ''));
}
