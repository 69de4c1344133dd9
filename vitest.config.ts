import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Integration and site tests drive a real Docker engine and a real Astro build.
    testTimeout: 120_000,
    hookTimeout: 1_800_000, // a cold site build runs every probe (DNS waits, npm downloads) before the site tests
    // Files share one Docker engine and the project's dist/: run them one at a time.
    fileParallelism: false,
  },
});
