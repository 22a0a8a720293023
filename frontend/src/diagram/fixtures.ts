/**
 * The stored payload fixtures (written by frontend/scripts/make_diagram_fixtures.py from the
 * real sample file, D22), loaded lazily so none of them is in any bundle until a preview
 * route or a test asks for it.
 */
import { parseDiagramPayload } from './payload.ts';
import type { DiagramPayload } from './types.ts';
import fixtureIndex from './__fixtures__/index.json';

export interface FixtureInfo {
  name: string;
  description: string;
  transactions: number;
  boxes: number;
  connections: number;
}

export const FIXTURES: readonly FixtureInfo[] = fixtureIndex;

const loaders = import.meta.glob<unknown>(['./__fixtures__/*.json', '!./__fixtures__/index.json'], {
  import: 'default',
});

export async function loadFixture(name: string): Promise<DiagramPayload | null> {
  const load = loaders[`./__fixtures__/${name}.json`];
  return load ? parseDiagramPayload(await load()) : null;
}
