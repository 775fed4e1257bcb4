/**
 * Bulk downloads, exports and imports in a real Chromium against the web host and its demo portal, in English and in
 * Chinese: the download folder shown and changed (a relative path refused at the field, a file refused by the host
 * with a coded error), a bulk download landing there under its real name; the picked releases exported as a bundle
 * file and into a folder, with progress, validity and contents; and that bundle verified offline and installed from
 * the import screen with the installer's log, while a missing bundle is refused in plain words.
 */
import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import type { MessageParams } from '../../shared/i18n/messages.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import { violations } from './axe.js';
import { loaded } from './loaded.js';
import { hostForSpec } from './spec-host.js';
import { signInIn } from './sign-in.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;
hostForSpec((h) => (host = h));
test.describe.configure({ mode: 'serial' });

const IT_STAFF = 'Contoso Grid IT staff';
/** A release per language: the English run installs its release, which then is no longer offered to the next. */
const RELEASES = {
  en: {
    target: 'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz',
    file: 'beacon-2.1.4-linux-x64.tar.gz',
    filter: 'beacon 2.1.4',
    serial: 'CG-BCN-0001',
  },
  'zh-CN': {
    target: 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz',
    file: 'cobalt-4.2.1-linux-x64.tar.gz',
    filter: 'cobalt 4.2.1',
    serial: 'CG-COB-0001',
  },
} as const;
/** Where the screenshots of the new screens are kept for review. */
const SHOTS = process.env.HICARE_SHOTS ?? '/work/shots';

const say =
  (locale: DisplayLocale) =>
  (key: CatalogKey, params?: MessageParams): string =>
    translate(locale, key, params);

const at = (route: string) => `${new URL(host.openUrl).origin}/#/${route}`;

const signInAs = (page: Page, locale: DisplayLocale, account: string): Promise<void> =>
  signInIn(host, page, locale, account);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/bundles-${name}.png`, fullPage: true });
  expect(await violations(page), name).toEqual([]);
}

/** Picks the language's release in the bulk list, filtered down to it. */
async function pickRelease(page: Page, locale: DisplayLocale): Promise<void> {
  const release = RELEASES[locale === 'zh-CN' ? 'zh-CN' : 'en'];
  const bulk = page.getByTestId('bulk-download');
  await loaded(page, bulk);
  await bulk.getByLabel(say(locale)('app.downloads.bulk.filter')).fill(release.filter);
  await bulk.getByTestId('bulk-list').locator('label', { hasText: release.target }).getByRole('checkbox').check();
}

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`bundles (${locale})`, () => {
    test.use({ locale });
    const t = say(locale);
    const site = () => join(host.home, `site-${locale}`);
    const { target: TARGET, file: FILE, serial: SERIAL } = RELEASES[locale];

    test('the download folder is shown and changed, and a bulk download lands there under its real name', async ({
      page,
    }) => {
      await signInAs(page, locale, IT_STAFF);
      await page.goto(at('downloads'));
      const section = page.getByTestId('download-folder');
      await expect(section).toContainText(t('app.downloads.folder.current', { folder: join(host.home, 'downloads') }));
      await expect(section).toContainText(t('app.downloads.folder.isDefault'));
      const field = section.getByLabel(t('app.downloads.folder.label'));

      // A relative path is corrected at the field; nothing is asked of the host.
      await field.fill('downloads/site');
      await section.getByTestId('download-folder-save').click();
      await expect(section.getByTestId('field-problem')).toHaveText(t('app.downloads.folder.notFull'));
      await expect(field).toHaveAttribute('aria-invalid', 'true');

      // A file where the folder should be is refused by the host, coded and in plain words.
      const file = join(host.home, `a-file-${locale}`);
      writeFileSync(file, 'not a folder');
      await field.fill(file);
      await section.getByTestId('download-folder-save').click();
      const error = page.getByTestId('download-folder-error');
      await expect(error).toContainText('NOT_FOUND');
      await expect(error).not.toContainText(/ENOTDIR|EEXIST|ENOENT/);
      await shot(page, `folder-refused-${locale}`);

      const folder = join(site(), 'packages');
      await field.fill(folder);
      await section.getByTestId('download-folder-save').click();
      await expect(section.getByRole('status')).toHaveText(t('app.downloads.folder.saved', { folder }));
      await expect(page.getByTestId('bulk-folder')).toHaveText(t('app.downloads.bulk.savedTo', { folder }));

      await pickRelease(page, locale);
      await page.getByTestId('bulk-download-button').click();
      const saved = page.getByTestId('downloads').locator('li', { hasText: FILE }).getByTestId('download-saved-as');
      await expect(saved.first()).toHaveText(t('app.downloads.row.savedAs', { file: join(folder, FILE) }), {
        timeout: 30_000,
      });
      expect(readdirSync(folder)).toEqual([FILE]);
      await shot(page, `downloads-${locale}`);

      // Back to the default, which the next run starts from.
      await section.getByRole('button', { name: t('app.downloads.folder.useDefault') }).click();
      await expect(section).toContainText(t('app.downloads.folder.isDefault'));
    });

    test('the picked release is exported as a bundle file and into a folder, with its validity and contents', async ({
      page,
    }) => {
      await signInAs(page, locale, IT_STAFF);
      await page.goto(at('downloads'));
      await pickRelease(page, locale);
      const panel = page.getByTestId('bundle-export');
      await expect(panel).toContainText(t('app.bundles.export.forSystems', { count: 1, serials: SERIAL }));

      const fileField = panel.getByLabel(t('app.bundles.export.fileLabel'));
      await fileField.fill('site.hicare');
      await panel.getByTestId('export-file-button').click();
      await expect(panel.getByTestId('field-problem')).toHaveText(t('app.bundles.notFull'));

      mkdirSync(site(), { recursive: true });
      const bundle = join(site(), 'site.hicare');
      await fileField.fill(bundle);
      await panel.getByTestId('export-file-button').click();
      const done = panel.getByTestId('export-done');
      const failed = panel.getByTestId('export-error');
      // An export that fails says so at once; the test reports its words rather than waiting out the time.
      await expect(done.or(failed)).toBeVisible({ timeout: 45_000 });
      await expect(failed).toHaveCount(0);
      await expect(done).toContainText(bundle);
      await expect(panel.getByTestId('export-valid-until')).toBeVisible();
      await expect(done).toContainText(FILE);
      await expect(panel.getByTestId('export-progress').getByRole('progressbar')).toHaveAttribute(
        'aria-valuenow',
        '100',
      );
      expect(existsSync(bundle)).toBe(true);
      await shot(page, `export-file-${locale}`);

      // Exporting over the same file is refused, and the bundle stays.
      await panel.getByTestId('export-file-button').click();
      await expect(panel.getByTestId('export-error')).toContainText('ALREADY_EXISTS');

      const folder = join(site(), 'export');
      await panel.getByLabel(t('app.bundles.export.folderLabel')).fill(folder);
      await panel.getByTestId('export-folder-button').click();
      await expect(done.or(failed)).toContainText(folder, { timeout: 45_000 });
      await expect(failed).toHaveCount(0);
      expect(readdirSync(folder).length).toBeGreaterThan(0);
      await shot(page, `export-folder-${locale}`);
    });

    test('a missing bundle is refused in plain words; the exported one is verified offline and installed', async ({
      page,
    }) => {
      await signInAs(page, locale, IT_STAFF);
      await page.goto(at('downloads'));
      await page.getByTestId('import-bundle-link').click();
      await expect(page.getByTestId('bundle-import-screen')).toBeVisible();
      const field = page.getByLabel(t('app.bundles.import.fileLabel'));

      await page.getByTestId('verify-bundle').click();
      await expect(page.getByTestId('field-problem')).toHaveText(t('app.bundles.import.needFile'));

      await field.fill(join(site(), 'missing.hicare'));
      await page.getByTestId('verify-bundle').click();
      const refused = page.getByTestId('bundle-error');
      await expect(refused).toContainText('NOT_FOUND');
      await expect(refused).not.toContainText(/ENOENT|stack|at .+:\d+/);
      await shot(page, `import-missing-${locale}`);

      await field.fill(join(site(), 'site.hicare'));
      await page.getByTestId('verify-bundle').click();
      const verified = page.getByTestId('bundle-verified');
      await expect(verified.or(refused)).toBeVisible({ timeout: 45_000 });
      await expect(refused).toHaveCount(0);
      await expect(page.getByTestId('bundle-packages')).toContainText(FILE);
      await expect(page.getByTestId('bundle-verdict')).toContainText(SERIAL);
      await shot(page, `import-verified-${locale}`);

      const install = page.getByTestId('bundle-install');
      await install.getByLabel(t('app.bundles.import.system')).selectOption(SERIAL);
      await install.getByLabel(t('app.bundles.import.package')).selectOption(TARGET);
      await install.getByTestId('bundle-install-button').click();
      const status = page.getByTestId('install-status');
      await expect(page.getByTestId('install-success').or(page.getByTestId('install-failure'))).toBeVisible({
        timeout: 45_000,
      });
      await expect(status).not.toHaveText('');
      await expect(page.getByTestId('install-log')).toBeVisible();
      await shot(page, `import-installed-${locale}`);
    });

    test('signed out, a site without the portal reaches the import from the sign-in screen and verifies', async ({
      page,
    }) => {
      await signInAs(page, locale, IT_STAFF);
      await page.getByRole('button', { name: t('app.shell.nav.signOut') }).click();
      await expect(page.getByTestId('sign-in-screen')).toBeVisible();
      await expect(page.getByTestId('offline-import')).toContainText(t('app.shell.signIn.offlineHint'));
      await page.getByTestId('import-bundle-link').click();
      await expect(page.getByTestId('bundle-import-screen')).toBeVisible();
      await page.getByLabel(t('app.bundles.import.fileLabel')).fill(join(site(), 'site.hicare'));
      await page.getByTestId('verify-bundle').click();
      await expect(page.getByTestId('bundle-verified')).toBeVisible({ timeout: 45_000 });
      await expect(page.getByTestId('bundle-verdict')).toContainText(SERIAL);
      await shot(page, `import-signed-out-${locale}`);
    });
  });
}
