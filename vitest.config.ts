import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Renders spawn ffmpeg and draw frames; two cores are shared by the workers.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Render, server and browser tests share two cores; a test that fails once under that load is
    // run once more before it counts as failed.
    retry: 1,
    globalSetup: ['test/global-setup.ts'],
  },
});
