// Bundles the CLI into dist/. Commands are split into chunks loaded on demand,
// so `rmos --help` never pays for mathjs, ajv or the engine.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __rmosCreateRequire } from 'node:module'; const require = __rmosCreateRequire(import.meta.url);",
  },
});
