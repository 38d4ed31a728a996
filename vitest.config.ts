import { defineConfig } from 'vitest/config';

// Three projects, run in this order by `npm test`:
// - unit: Node tests that run in seconds (numerics, settings, every model's create/step/dispose,
//   bad input, the widget shape); `npm run test:fast` runs these and the browser smoke test;
// - claims: Node tests that train for minutes to check the numbers the prose states
//   (tests/unit/*.claims.test.ts);
// - browser: the built site in Chromium.
// Timeouts are about three times the time measured on a loaded 2-core machine.
const CLAIMS = 'tests/unit/**/*.claims.test.ts';

export default defineConfig({
  test: {
    // Two cores: two test processes. Node tests run first (both cores), then the browser tests
    // on their own, so that timing-sensitive checks (long tasks) do not compete with training.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [CLAIMS],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          pool: 'forks',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'claims',
          include: [CLAIMS],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          pool: 'forks',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          globalSetup: ['tests/browser/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          maxConcurrency: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
