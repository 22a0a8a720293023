/**
 * Bundle budgets, run after `vite build` (issue 8; frontend.md §6):
 * - initial JavaScript (the entry chunk and everything it imports statically) <= 250 KB gzipped;
 * - the diagram is its own lazy chunk: src/diagram/Diagram.tsx is a dynamic entry, and no
 *   initial chunk contains diagram code (sentinel: the lane label only the diagram uses).
 * Exits non-zero when a budget is broken.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const INITIAL_JS_BUDGET = 250 * 1024;
const DIAGRAM_SOURCE = 'src/diagram/Diagram.tsx';
const DIAGRAM_SENTINEL = 'Banks / secured parties';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);

// Walk static imports only: dynamic imports are fetched later, on demand.
const initial = new Set();
const walk = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const dep of chunk.imports ?? []) walk(dep);
};
walk(entries[0][0]);

const initialJs = [...initial].filter((f) => f.endsWith('.js'));
const initialBytes = initialJs.reduce((sum, f) => sum + gz(f), 0);
const problems = [];

console.log(`initial JS: ${initialJs.length} file(s), ${kb(initialBytes)} gzipped (budget ${kb(INITIAL_JS_BUDGET)})`);
for (const f of initialJs) console.log(`  ${f}  ${kb(gz(f))}`);
if (initialBytes > INITIAL_JS_BUDGET) problems.push(`initial JS ${kb(initialBytes)} > ${kb(INITIAL_JS_BUDGET)}`);

const diagram = manifest[DIAGRAM_SOURCE];
if (!diagram) {
  problems.push(`${DIAGRAM_SOURCE} is not a chunk of its own`);
} else {
  console.log(`diagram chunk: ${diagram.file}  ${kb(gz(diagram.file))} gzipped`);
  if (!diagram.isDynamicEntry) problems.push('the diagram chunk is not loaded lazily (not a dynamic entry)');
  if (initial.has(diagram.file)) problems.push('the diagram chunk is part of the initial load');
}
for (const f of initialJs) {
  if (readFileSync(resolve(dist, f), 'utf8').includes(DIAGRAM_SENTINEL)) {
    problems.push(`diagram code found in the initial chunk ${f}`);
  }
}

if (problems.length) {
  console.error(`check:budget FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('check:budget OK');
