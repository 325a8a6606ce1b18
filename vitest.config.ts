import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // Every CLI and menu screen of a test under test/cli is scanned for words a clerk does not speak.
    setupFiles: ['test/setup-screens.ts'],
    // A test that never reaches an assertion fails instead of passing silently.
    expect: { requireAssertions: true },
  },
});
