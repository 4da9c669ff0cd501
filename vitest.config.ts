import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Test files share a worker's module cache: without it every file re-imports
    // mathjs (over a second each). The tests keep no global state between files.
    isolate: false,
  },
});
