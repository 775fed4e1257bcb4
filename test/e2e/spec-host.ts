/**
 * One web host (with its demo portal) per spec file: started before the spec's first test, stopped after its last,
 * and what it printed attached to any test that failed, so a red run says what the host saw.
 */
import { test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startHost, type RunningHost } from './web-host.js';

/** Where every spec saves its screenshots of the main screens. */
export const SHOTS = 'test-results/screenshots';

export function hostForSpec(started: (host: RunningHost) => void): void {
  let host: RunningHost | undefined;
  test.beforeAll(async () => {
    host = await startHost();
    mkdirSync(SHOTS, { recursive: true });
    started(host);
  });
  test.afterEach(async ({ page: _page }, testInfo) => {
    if (host !== undefined && testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-host output', { body: host.output(), contentType: 'text/plain' });
    }
  });
  test.afterAll(async () => {
    await host?.stop();
  });
}
