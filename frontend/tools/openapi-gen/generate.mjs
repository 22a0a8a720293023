/**
 * Generates src/api/schema.gen.ts from the committed API contract (../openapi.json).
 *
 *   node tools/openapi-gen/generate.mjs          write the file   (npm run generate:api)
 *   node tools/openapi-gen/generate.mjs --check  fail on drift     (npm run check:api)
 *
 * It lives in its own npm workspace because openapi-typescript needs the TypeScript 5
 * compiler API, which the app's TypeScript 7 (native tsc) does not ship.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '../..');
const contract = resolve(frontend, '../openapi.json');
const target = resolve(frontend, 'src/api/schema.gen.ts');

const HEADER = `/**
 * GENERATED from ../openapi.json by \`npm run generate:api\` — do not edit by hand.
 * \`npm run check:api\` (part of \`npm test\`) fails when this file drifts from the contract.
 */

`;

async function render() {
  const schema = JSON.parse(await readFile(contract, 'utf8'));
  const ast = await openapiTS(schema, { alphabetize: true, exportType: true });
  // The contract's paths as a runtime value too: screens can tell "this endpoint is not in
  // the contract yet" from "this record was not found" (a 404 either way).
  const operations = Object.entries(schema.paths ?? {})
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
  const runtime = `\nexport const CONTRACT_OPERATIONS: readonly string[] = ${JSON.stringify(operations, null, 4)};\n`;
  return HEADER + astToString(ast) + runtime;
}

const generated = await render();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = await readFile(target, 'utf8');
  } catch {
    // A missing file is drift too.
  }
  if (current !== generated) {
    console.error(
      `check:api: ${target} is out of date with ../openapi.json.\nRun \`npm run generate:api\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('check:api: src/api/schema.gen.ts matches ../openapi.json');
} else {
  await writeFile(target, generated);
  console.log(`generate:api: wrote ${target}`);
}
