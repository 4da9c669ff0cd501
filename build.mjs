// Bundles the CLI into dist/. Commands are split into chunks loaded on demand,
// so `rmos --help` never pays for mathjs, ajv or the engine.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OUTPUT, generateValidators } from './scripts/generate-validators.mjs';
import { updateScanRecords } from './scripts/assemble-scan-records.mjs';

// Schemas compiled to validation code; rewritten only when a schema changed.
const validators = generateValidators();
if (readFileSync(OUTPUT, 'utf8') !== validators) writeFileSync(OUTPUT, validators);
// The CSV scanner's SIMD index, assembled again only when its text changed.
await updateScanRecords();

// What this build was made from (its code, schemas and locked dependencies): the cache of
// checked libraries (src/io/library/library-cache.ts) keeps nothing across builds.
function buildId() {
  const hash = createHash('sha256');
  const add = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) add(child);
      else hash.update(`${child}\0`).update(readFileSync(child));
    }
  };
  add('src');
  add('schemas');
  hash.update(readFileSync('package-lock.json'));
  return hash.digest('hex').slice(0, 16);
}

const result = await build({
  // The worker entry is its own file: workers are started from its path (src/io/parallel).
  entryPoints: { cli: 'src/cli/main.ts', 'parallel-worker': 'src/io/parallel/piece-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  minify: process.env.RMOS_BUILD_DEBUG !== "1",
  metafile: true,
  define: { RMOS_BUILD_ID: JSON.stringify(buildId()) },
  logLevel: 'warning',
  // yaml's ES module build (its "default" export condition; "node" selects the CommonJS one):
  // the same parser, but esbuild can drop what rmos does not use, and it loads faster. The two
  // differ only in where yaml's own logger writes, which rmos never calls (it reads
  // document.errors and document.warnings).
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  banner: {
    js: "import { createRequire as __rmosCreateRequire } from 'node:module'; const require = __rmosCreateRequire(import.meta.url);",
  },
});

// Remove chunks of earlier builds only after the new ones are in place, so that a
// CLI started during a build never finds dist/ empty.
const current = new Set(Object.keys(result.metafile.outputs).map((path) => basename(path)));
for (const name of readdirSync('dist')) if (!current.has(name)) rmSync(`dist/${name}`, { force: true });
