/**
 * The support bundle from Settings in a real Chromium against the web host: Preview lists the files with the app log
 * the host has been writing and shows their redacted text; Export writes the bundle into the download folder and
 * says where, and the file is there.
 */
import { test, expect } from '@playwright/test';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

hostForSpec((started) => (host = started));

test('Settings previews the support bundle, then exports it into the download folder', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/settings`);
  const section = page.getByTestId('support-bundle');
  await section.getByRole('button', { name: 'Preview' }).click();

  const files = section.getByTestId('support-bundle-files');
  await expect(files).toContainText('app.json', { timeout: 30_000 });
  await expect(files).toContainText('settings.json');
  // The web host logs to the data directory's app log from its first line (the demo portal it seeded).
  await expect(files).toContainText('logs/app.log');
  await files.getByText('settings.json').click();
  await expect(files.getByTestId('support-bundle-text').filter({ hasText: 'checkEveryHours' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/support-bundle-preview.png`, fullPage: true });

  await section.getByRole('button', { name: 'Export support bundle' }).click();
  const written = section.getByTestId('support-bundle-written');
  await expect(written).toContainText(join(host.home, 'downloads', 'hicare-support-'), { timeout: 30_000 });
  const path = /Written to (\S+\.tar\.gz)/.exec((await written.textContent()) ?? '')?.[1] ?? '';
  expect(existsSync(path)).toBe(true);
  expect(statSync(path).size).toBeGreaterThan(0);
});
