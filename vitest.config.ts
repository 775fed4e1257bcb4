import { defineConfig } from 'vitest/config';

// Unit, integration and cluster tests (the cluster files set their own longer timeouts): Playwright's *.spec.ts
// files under test/e2e are never collected here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts', 'test/cluster/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default on two cores is one worker; most files wait on processes, sockets and PostgreSQL more than
    // they compute, so two keep both cores busy.
    maxWorkers: 2,
  },
});
