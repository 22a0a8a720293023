/**
 * Which operations the committed contract (openapi.json) has. Colleagues add the auth and
 * data endpoints while this SPA is built; a screen whose endpoint is not in the contract yet
 * says so instead of showing fake data (issue 8).
 */
import { CONTRACT_OPERATIONS } from './schema.gen.ts';

const operations = new Set(CONTRACT_OPERATIONS);

/** e.g. inContract('GET', '/api/v1/assets/{id}'). */
export function inContract(method: string, pathTemplate: string): boolean {
  return operations.has(`${method.toUpperCase()} ${pathTemplate}`);
}
