// Builds a TypeScript benchmark from bench/ with esbuild and runs it:
//   node bench/run.mjs condition-eval
//   node bench/run.mjs compute-scale [--sizes 1000000,10000000]
//   node bench/run.mjs key-merge
//   node bench/run.mjs cell-parse
//   node bench/run.mjs row-path [--file PATH]
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const name = process.argv[2];
const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
if (!name || !existsSync(entry)) {
  console.error('usage: node bench/run.mjs <condition-eval|compute-scale|key-merge|cell-parse|row-path> [options]');
  process.exit(2);
}
const outfile = fileURLToPath(new URL(`./out/${name}.mjs`, import.meta.url));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  external: ['@duckdb/node-api'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await import(pathToFileURL(outfile).href);
