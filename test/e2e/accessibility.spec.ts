/**
 * Every main screen checked by axe-core against WCAG 2.1 A and AA (labels, contrast, roles, landmarks, names), and
 * the main path walked with the keyboard alone: an admin who cannot or will not use a mouse signs in, finds a system
 * and starts a download.
 */
import { test, expect } from '@playwright/test';
import { signInAs, signOut } from './sign-in.js';
import { violations } from './axe.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const at = (route: string) => `${new URL(host.openUrl).origin}/#/${route}`;

/** A customer admin's main screens, each with a text that shows it has loaded; checked in light and dark mode. */
const ADMIN_SCREENS: [string, string][] = [
  ['overview', 'Your maintenance contracts'],
  ['systems', 'CG-ATL-0001'],
  ['systems/CG-ATL-0001', 'Recommended'],
  ['downloads', 'Downloads'],
  ['requests', 'Requests'],
  ['selfhelp', 'Search articles and answers'],
  ['selfhelp/ask', 'Your question'],
  ['selfhelp/community', 'Questions'],
  ['selfhelp/new-question', 'Show my company name'],
  ['settings', 'Portal'],
];

test('the sign-in screen meets WCAG 2.1 AA', async ({ page }) => {
  await signOut(host, page);
  expect(await violations(page)).toEqual([]);
});

test("a customer admin's screens meet WCAG 2.1 AA", async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  for (const [route, shown] of ADMIN_SCREENS) {
    await page.goto(at(route));
    await expect(page.getByText(shown).first()).toBeVisible({ timeout: 30_000 });
    expect(await violations(page), `#/${route}`).toEqual([]);
  }
});

test("in dark mode, a customer admin's screens and the sign-in screen meet WCAG 2.1 AA", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signOut(host, page);
  // The page really is dark: the colours follow the system, not a fixed palette.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())).toBe(
    '#0f161d',
  );
  await page.screenshot({ path: `${SHOTS}/dark-sign-in.png`, fullPage: true });
  expect(await violations(page), 'sign-in (dark)').toEqual([]);

  await signInAs(host, page, 'Contoso Grid admin');
  for (const [route, shown] of ADMIN_SCREENS) {
    await page.goto(at(route));
    await expect(page.getByText(shown).first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/dark-${route.replaceAll('/', '-')}.png`, fullPage: true });
    expect(await violations(page), `#/${route} (dark)`).toEqual([]);
  }
});

test('a failed install, the request drafted from it and the request sent meet WCAG 2.1 AA', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(at('systems/CG-COB-0001'));
  await page.getByRole('link', { name: 'Install Cobalt 4.2.1 on CG-COB-0001' }).click();
  await page.getByRole('button', { name: 'Start installation' }).click();
  await expect(page.getByTestId('install-failure')).toBeVisible({ timeout: 30_000 });
  expect(await violations(page), 'install failed').toEqual([]);
  await page.getByRole('link', { name: 'Request remote guidance' }).click();
  await expect(page.getByTestId('redaction-preview')).toBeVisible();
  expect(await violations(page), 'request draft').toEqual([]);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('link', { name: 'Follow it' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Submitted');
  expect(await violations(page), 'request').toEqual([]);
});

test("the engineers' workspace and a request's diagnostics meet WCAG 2.1 AA", async ({ page }) => {
  await signInAs(host, page, 'TAC engineer');
  await page.goto(at('workspace'));
  await expect(page.getByTestId('queue-table')).toBeVisible({ timeout: 30_000 });
  expect(await violations(page), 'workspace').toEqual([]);
  await page.getByTestId('queue-table').getByRole('link').first().click();
  await expect(page.getByTestId('engineer-diagnostics')).toBeVisible();
  expect(await violations(page), 'workspace request').toEqual([]);
});

test('the main path works with the keyboard alone: sign in, open a system, start a download', async ({ page }) => {
  await signOut(host, page);
  // Tab to the first demo account's button and take it with Enter; the form is then filled in.
  const pick = page.getByRole('button', { name: 'Use Contoso Grid admin' });
  for (let i = 0; i < 40 && !(await pick.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(pick).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('Password').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('Contoso Grid admin');

  // The sidebar's links are reachable with Tab; Enter follows one.
  const systems = page.getByRole('link', { name: 'Systems & updates' });
  for (let i = 0; i < 40 && !(await systems.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(systems).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/systems$/);

  await page.goto(at('systems/CG-BCN-0001'));
  const download = page.getByRole('button', { name: /^Download/ }).first();
  await expect(download).toBeVisible({ timeout: 30_000 });
  await download.focus();
  // A focused control shows where the focus is (an outline), not nothing.
  expect(await download.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Downloaded and verified against the signed catalog.').first()).toBeVisible({
    timeout: 30_000,
  });
});
