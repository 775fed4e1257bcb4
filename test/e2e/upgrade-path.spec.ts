/**
 * The upgrade path in a real Chromium against the web host and its demo portal: Contoso's CG-ATL-0001 runs 1.4.2,
 * so Atlas 2.3.1 is offered only as the path 1.9.0 → 2.3.1 (a direct install by address is refused with its code
 * and remedy), and the path installs hop by hop; a finished install names the product and versions; a line near
 * its end of service says so; previews are not offered as what Upgrade Support would add.
 */
import { test, expect, type Page } from '@playwright/test';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const ATLAS_231 = 'atlas/2.3.1/linux-x64/atlas-2.3.1-linux-x64.tar.gz';
const open = (page: Page, hash: string) => page.goto(`${new URL(host.openUrl).origin}/#/${hash}`);

test('a hop-skipping release is offered only as its path, and the path installs hop by hop', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await open(page, 'systems/CG-ATL-0001');
  const upgrade = page.getByTestId('candidate-2.3.1');
  await expect(upgrade.getByTestId('install-path')).toHaveText('Install the path (1.9.0, then 2.3.1)', {
    timeout: 30_000,
  });
  await expect(upgrade.getByRole('link', { name: 'Install Atlas 2.3.1 on CG-ATL-0001' })).toHaveCount(0);
  await expect(upgrade.getByTestId('installs-over')).toHaveText('Installs directly over 1.9.0 or later.');
  await expect(page.getByTestId('system-screen')).not.toContainText('>=');
  await expect(page.getByTestId('recommended-install-path')).toHaveText('Install the path (1.9.0, then 2.3.1)');
  await page.screenshot({ path: `${SHOTS}/upgrade-path-offered.png`, fullPage: true });

  // Typed as an address, the direct install is refused with its code and the first hop, and nothing changes.
  await open(page, `install/CG-ATL-0001/${encodeURIComponent(ATLAS_231)}`);
  await page.getByRole('button', { name: 'Start installation' }).click();
  const refused = page.getByTestId('error-notice');
  await expect(refused).toContainText('Atlas 2.3.1 installs only over 1.9.0 or later; CG-ATL-0001 runs 1.4.2.', {
    timeout: 30_000,
  });
  await expect(refused).toContainText('Install 1.9.0 first, or install the path 1.9.0 → 2.3.1.');
  await expect(refused).toContainText('UPGRADE_PATH_REQUIRED');
  await expect(page.getByTestId('install-success')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/upgrade-path-direct-refused.png`, fullPage: true });

  await open(page, 'systems/CG-ATL-0001');
  await expect(page.getByTestId('installed-version')).toHaveText('1.4.2', { timeout: 30_000 });
  await page.getByTestId('candidate-2.3.1').getByTestId('install-path').click();
  const plan = page.getByTestId('path-plan');
  await expect(plan).toContainText('CG-ATL-0001 runs Atlas 1.4.2', { timeout: 30_000 });
  await expect(page.getByTestId('hop-1.9.0')).toContainText('Step 1 of 2: Atlas 1.9.0 waiting');
  await expect(page.getByTestId('hop-2.3.1')).toContainText('Step 2 of 2: Atlas 2.3.1 waiting');
  await page.getByRole('button', { name: 'Install the path (1.9.0, then 2.3.1)' }).click();
  await expect(page.getByTestId('path-success')).toContainText(
    'Atlas 1.4.2 → 1.9.0 → 2.3.1 installed on CG-ATL-0001.',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('hop-1.9.0').getByTestId('hop-state')).toHaveText('installed');
  await expect(page.getByTestId('hop-2.3.1').getByTestId('hop-state')).toHaveText('installed');
  await expect(page.getByTestId('hop-log-1.9.0')).toContainText('Installed atlas 1.9.0');
  await expect(page.getByTestId('hop-log-2.3.1')).toContainText('Installed atlas 2.3.1');
  await page.screenshot({ path: `${SHOTS}/upgrade-path-installed.png`, fullPage: true });

  await page.getByTestId('path-success').getByRole('link', { name: 'Back to the system' }).click();
  await expect(page.getByTestId('installed-version')).toHaveText('2.3.1', { timeout: 30_000 });
});

test('a finished install names the product and versions and offers the way back, not the same install again', async ({
  page,
}) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await open(page, 'systems/CG-BCN-0001');
  await page.getByRole('link', { name: 'Install Beacon 2.1.4 on CG-BCN-0001' }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Start installation' }).click();
  const success = page.getByTestId('install-success');
  await expect(success).toContainText('Beacon 2.0.0 → 2.1.4 installed on CG-BCN-0001.', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Installed Beacon 2.1.4' })).toBeVisible();
  await expect(page.getByTestId('install-screen')).not.toContainText('beacon/2.1.4/linux-x64', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Install again|Start installation/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/install-finished.png`, fullPage: true });
  await success.getByRole('link', { name: 'Back to the system' }).click();
  await expect(page.getByTestId('installed-version')).toHaveText('2.1.4', { timeout: 30_000 });
});

test('a line near its end of service says so with the upgrade that leaves it; previews are not what Upgrade Support adds', async ({
  page,
}) => {
  await signInAs(host, page, 'Northwind Utilities admin');
  const offer = page.getByTestId('what-would-change');
  await expect(offer.getByRole('link', { name: 'Atlas 2.3.1' })).toBeVisible({ timeout: 30_000 });
  await expect(offer).not.toContainText('3.0.0-rc.1');
  await page.screenshot({ path: `${SHOTS}/overview-no-previews.png`, fullPage: true });

  await open(page, 'systems/NW-BCN-0001');
  const banner = page.getByTestId('line-banner');
  await expect(banner).toContainText('Beacon 1.x', { timeout: 30_000 });
  await expect(banner).toContainText('end of service on 31 Dec 2026');
  await expect(banner).toContainText('The upgrade to Beacon 2.1.4 leaves it.');
  // Northwind has Support: the banner says what it takes to get that upgrade.
  await expect(page.getByTestId('line-banner-remedy')).toContainText('Move to Application Software Upgrade Support');
  await page.screenshot({ path: `${SHOTS}/line-banner.png`, fullPage: true });
});
