/**
 * The page runs under its Content-Security-Policy without tripping it: the header and the <meta> are there, and
 * walking the main screens reports no violation (an inline style or script slipping into the build would).
 * The keyboard shortcuts work in the browser too.
 */
import { test, expect, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { signInAs } from './sign-in.js';
import { hostForSpec } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

/** Collects CSP violations and console errors from the page's first script on. */
async function watch(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('reportCspViolation', (line: string) => seen.violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  return seen;
}

test('the page is served with the CSP header and meta, and no screen violates it', async ({ page }) => {
  const seen = await watch(page);
  const response = await page.goto(host.openUrl);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    META_CONTENT_SECURITY_POLICY,
  );

  await signInAs(host, page, 'Contoso Grid admin');
  const origin = new URL(host.openUrl).origin;
  const screens: [string, string][] = [
    ['overview', 'Your maintenance contracts'],
    ['systems/CG-ATL-0001', 'Recommended'],
    ['downloads', 'Downloads'],
    ['settings', 'Keyboard shortcuts'],
  ];
  for (const [route, shown] of screens) {
    await page.goto(`${origin}/#/${route}`);
    await expect(page.getByText(shown).first()).toBeVisible({ timeout: 30_000 });
  }
  expect(seen.violations).toEqual([]);
  expect(seen.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});

test('the keyboard shortcuts move between sections and are listed on Settings', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  await page.keyboard.press(`${mod}+3`);
  await expect(page).toHaveURL(/#\/downloads$/);
  await page.keyboard.press(`${mod}+Shift+U`);
  await expect(page).toHaveURL(/#\/systems$/);
  await expect(page.getByText(/Checking for updates…|Checked /).first()).toBeVisible();
  await page.keyboard.press(`${mod}+Comma`);
  await expect(page).toHaveURL(/#\/settings$/);
  const list = page.getByTestId('shortcuts');
  await expect(list.getByRole('row', { name: /Check for updates/ })).toContainText(
    process.platform === 'darwin' ? '⌘⇧U' : 'Ctrl+Shift+U',
  );
  // A section this role does not have is not opened.
  await page.keyboard.press(`${mod}+5`);
  await expect(page).toHaveURL(/#\/settings$/);
});
