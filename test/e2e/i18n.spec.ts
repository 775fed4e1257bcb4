/**
 * The app in other languages, walked as its users walk it. In the pseudo-locale every catalog message is marked, so
 * any English still written in code shows up as text outside the marks; in Chinese the same journey must read as
 * Chinese (the document says so for screen readers and fonts), meet WCAG 2.1 AA, and look right in screenshots.
 */
import { test, expect, type Page } from '@playwright/test';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import type { MessageParams } from '../../shared/i18n/messages.js';
import { DEMO_INSTALL_FAILURE, DEMO_PRODUCTS, DEMO_RELEASES } from '../../portal/demo/catalog.js';
import { DEMO_ARTICLES } from '../../portal/demo/knowledge.js';
import { DEMO_THREADS } from '../../portal/demo/community.js';
import { untranslated, type Data } from './catalog-text.js';
import { loaded } from './loaded.js';
import { violations } from './axe.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import { signInIn } from './sign-in.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const at = (route: string) => `${new URL(host.openUrl).origin}/#/${route}`;

/**
 * What the demo portal stores and the app shows as it is: its records, not the app's words. Names are matched one
 * token at a time (see catalog-text.ts); longer records (release notes, descriptions, article titles, the failing
 * installer's output) are set aside whole, as the demo stores them.
 */
const DEMO_DATA: readonly Data[] = [
  // Customers and demo account names (portal/demo/seed.ts): "Contoso Grid admin", "TAC engineer", …
  /^(?:Contoso|Northwind|Grid|Utilities|admin|IT|staff|TAC|engineer|Portal|administrator)$/,
  // Equipment locations from the contracts: "Contoso operations centre, rack B4", "wind farm North, turbine 12", …
  /^(?:operations|centre|rack|B4|alarm|wall|wind|farm|North|turbine|Plant|control|room|desk|substation)$/,
  // Product names and release labels (portal/demo/catalog.ts): "Cobalt Data Collector", "Atlas 1.5.0", …
  /^(?:Atlas|Beacon|Cobalt|Asset|Manager|Alarm|Console|Data|Collector)$/,
  ...DEMO_RELEASES.flatMap((r) => r.notes.split('\n')),
  ...DEMO_PRODUCTS.map((p) => p.description),
  ...DEMO_ARTICLES.flatMap((a) => [a.title, ...a.body.split('\n').filter((line) => line.trim() !== '')]),
  // Community threads the system page lists among its articles: what customers wrote, in their words.
  ...DEMO_THREADS.flatMap((q) => [q.title, ...[q.body, ...q.answers.map((a) => a.body)].flatMap((b) => b.split('\n'))]),
  DEMO_INSTALL_FAILURE.cause,
];

/** A demo account as the sign-in screen lists it. */
const ADMIN = 'Contoso Grid admin';
const ENGINEER = 'TAC engineer';
const VENDOR = 'Portal administrator';

/** The back office's areas, as the console's tabs name them in its addresses. */
const CONSOLE_AREAS = [
  'customers',
  'accounts',
  'contracts',
  'systems',
  'regions',
  'releases',
  'lines',
  'reports',
  'mail',
  'articles',
  'audit',
];

function say(locale: DisplayLocale) {
  return (key: CatalogKey, params?: MessageParams) => translate(locale, key, params);
}

const signInAs = (page: Page, locale: DisplayLocale, account: string): Promise<void> =>
  signInIn(host, page, locale, account);

/** A customer admin's main screens, each with a text (in the locale) that shows it has loaded. */
function adminScreens(locale: DisplayLocale): [string, string, string][] {
  const t = say(locale);
  return [
    ['overview', 'overview', t('app.overview.contractsHeading')],
    ['systems', 'systems', 'CG-ATL-0001'],
    ['system', 'systems/CG-ATL-0001', t('app.systems.actions.download')],
    ['downloads', 'downloads', t('app.downloads.bulkHeading')],
    ['requests', 'requests', t('app.requests.list.newRequest')],
    ['settings', 'settings', t('app.settings.groups.portal')],
  ];
}

/**
 * The journey every locale takes: an admin's screens, a failed install and the request drafted from it, then the
 * engineer's workspace and a request. `check` runs on each screen once it has loaded.
 */
async function journey(
  page: Page,
  locale: DisplayLocale,
  check: (screen: string) => Promise<void>,
  engineer: boolean,
): Promise<void> {
  const t = say(locale);
  if (!engineer) {
    await signInAs(page, locale, ADMIN);
    for (const [screen, route, shown] of adminScreens(locale)) {
      await page.goto(at(route));
      await loaded(page, page.getByText(shown, { exact: true }).first());
      await check(screen);
    }
    await page.goto(at('systems/CG-COB-0001'));
    const install = t('app.systems.actions.installLabel', { release: 'Cobalt 4.2.1', serialNumber: 'CG-COB-0001' });
    await page.getByRole('link', { name: install }).click();
    await page.getByRole('button', { name: t('app.install.start') }).click();
    await expect(page.getByTestId('install-failure')).toBeVisible({ timeout: 30_000 });
    await check('install-failed');
    await page.getByRole('link', { name: t('app.install.failure.requestGuidance') }).click();
    await expect(page.getByTestId('redaction-preview')).toBeVisible({ timeout: 30_000 });
    await check('request-draft');
    await page.getByRole('button', { name: t('app.requests.form.send') }).click();
    await page.getByRole('link', { name: t('app.requests.form.follow') }).click();
    await expect(page.getByTestId('request-state')).toHaveText(t('app.requests.state.submitted'), {
      timeout: 30_000,
    });
    await check('request');
    return;
  }
  await signInAs(page, locale, ENGINEER);
  await page.goto(at('workspace'));
  await expect(page.getByTestId('queue-table')).toBeVisible({ timeout: 30_000 });
  await check('workspace');
  await page.getByTestId('queue-table').getByRole('link').first().click();
  await expect(page.getByTestId('engineer-diagnostics')).toBeVisible({ timeout: 30_000 });
  await check('workspace-request');
}

/** The portal administrator's back office: every area's list, and one contract's record. */
async function backOffice(page: Page, locale: DisplayLocale, check: (screen: string) => Promise<void>): Promise<void> {
  const t = say(locale);
  await signInAs(page, locale, VENDOR);
  for (const area of CONSOLE_AREAS) {
    await page.goto(at(`console/${area}`));
    await expect(page.getByTestId(`console-area-${area}`)).toHaveAttribute('aria-current', 'page');
    // A list has loaded when its table or its "nothing matches" line is there.
    await loaded(
      page,
      page
        .locator('main table')
        .first()
        .or(page.getByText(t('admin.console.empty'))),
    );
    await check(`console-${area}`);
  }
  await page.goto(at('console/contracts/NW-SUP-2026'));
  await loaded(page, page.getByTestId('contracts-record-start'));
  await check('console-contract');
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  /** Each screen: marked as Chinese, accessible, and photographed for a reader of Chinese to look over. */
  const readsAsChinese = (page: Page) => async (screen: string) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.screenshot({ path: `${SHOTS}/zh-${screen}.png`, fullPage: true });
    expect.soft(await violations(page), screen).toEqual([]);
  };

  test("a customer admin's journey reads in Chinese and meets WCAG 2.1 AA", async ({ page }) => {
    await journey(page, 'zh-CN', readsAsChinese(page), false);
  });

  test("an engineer's journey reads in Chinese and meets WCAG 2.1 AA", async ({ page }) => {
    await journey(page, 'zh-CN', readsAsChinese(page), true);
  });

  test("the vendor's back office reads in Chinese and meets WCAG 2.1 AA", async ({ page }) => {
    await backOffice(page, 'zh-CN', readsAsChinese(page));
  });

  test('choosing English in Settings switches the app at once, and back', async ({ page }) => {
    const zh = say('zh-CN');
    const en = say('en');
    await signInAs(page, 'zh-CN', ADMIN);
    await page.goto(at('settings'));
    const language = page.getByRole('combobox', { name: zh('app.settings.language') });
    await expect(language).toBeVisible({ timeout: 30_000 });

    await language.selectOption('en');
    await expect(page.getByRole('heading', { name: en('app.settings.heading') })).toBeVisible();
    await expect(page.getByRole('link', { name: en('app.shell.nav.systems') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Back to following the system, which here is Chinese: the next spec finds the setting as it was.
    await page.getByRole('combobox', { name: en('app.settings.language') }).selectOption('system');
    await expect(page.getByRole('heading', { name: zh('app.settings.heading') })).toBeVisible();
    await expect(page.getByRole('link', { name: zh('app.shell.nav.systems') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test.describe('in the pseudo-locale', () => {
  test.use({ locale: 'en-XA' });

  /** Fails with the screen and the words that came from code rather than the catalog. */
  const noLeftovers = (page: Page) => async (screen: string) => {
    expect.soft(await untranslated(page, DEMO_DATA), screen).toEqual([]);
  };

  // One test for both, so the engineer's half runs (on the request the admin's half sent) even when the first finds
  // leftovers: each is reported per screen by a soft expectation.
  test("every word of a customer admin's and an engineer's journey comes from the catalog", async ({ page }) => {
    await journey(page, 'en-XA', noLeftovers(page), false);
    await journey(page, 'en-XA', noLeftovers(page), true);
  });

  test("every word of the vendor's back office comes from the catalog", async ({ page }) => {
    await backOffice(page, 'en-XA', noLeftovers(page));
  });
});
