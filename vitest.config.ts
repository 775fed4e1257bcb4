import { defineConfig } from 'vitest/config';

// Unit, integration and cluster tests (the cluster files set their own longer timeouts): Playwright's *.spec.ts
// files under test/e2e are never collected here.
export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/unit/**/*.test.tsx',
      'test/integration/**/*.test.ts',
      'test/cluster/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
