/**
 * Self-help walked in English and in Chinese against the demo portal: a search (a Chinese query finds the Chinese
 * article) and the article it opens; the hostile sample article drawn with nothing executed, framed or loaded until
 * the reader asks; the assistant answering from the expected article; a community question asked by a customer,
 * answered and verified by an engineer, accepted by the customer and then found by search; and a question nobody
 * answers turned into a P4 request that is sent.
 */
import { test, expect, type Page, type Request } from '@playwright/test';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import type { MessageParams } from '../../shared/i18n/messages.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import { violations } from './axe.js';
import { SHOTS, hostForSpec } from './spec-host.js';
import { signInIn } from './sign-in.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;
hostForSpec((h) => (host = h));
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'Contoso Grid admin';
const ENGINEER = 'TAC engineer';
/** A 1×1 PNG, answered for any image from outside the app, so no test depends on another host. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const say =
  (locale: DisplayLocale) =>
  (key: CatalogKey, params?: MessageParams): string =>
    translate(locale, key, params);

const at = (route: string) => `${new URL(host.openUrl).origin}/#/${route}`;

const signInAs = (page: Page, locale: DisplayLocale, account: string): Promise<void> =>
  signInIn(host, page, locale, account);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/selfhelp-${name}.png`, fullPage: true });
  expect(await violations(page), name).toEqual([]);
}

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`self-help (${locale})`, () => {
    test.use({ locale });
    const t = say(locale);

    test('the sidebar opens self-help; a Chinese query finds the Chinese article, which opens', async ({ page }) => {
      await signInAs(page, locale, CUSTOMER);
      await page.getByRole('link', { name: t('app.shell.nav.selfhelp') }).click();
      await expect(page.getByTestId('selfhelp-search')).toBeVisible();
      await page.getByLabel(t('app.selfhelp.search.label')).fill('数据库 超时');
      const hit = page.getByTestId('kb-hit').filter({ hasText: '升级失败：数据库连接超时' }).first();
      await expect(hit).toBeVisible({ timeout: 15_000 });
      await expect(hit.locator('mark').first()).toBeVisible();
      // The search is in the address, so it can be reloaded and linked to.
      await expect(page).toHaveURL(/#\/selfhelp\?q=/);
      await shot(page, `search-${locale}`);
      await hit.getByRole('link').first().click();
      await expect(page.getByTestId('selfhelp-article')).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: '升级失败：数据库连接超时' })).toBeVisible();
      await expect(page.getByTestId('article-body')).not.toBeEmpty();
      await shot(page, `article-${locale}`);
    });

    test('the hostile sample runs nothing, frames nothing, and loads its image only on Show', async ({ page }) => {
      const origin = new URL(host.openUrl).origin;
      const outside: Request[] = [];
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.route(
        (url) => url.origin !== origin && !url.hostname.startsWith('127.') && url.hostname !== 'localhost',
        (route) => {
          outside.push(route.request());
          return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
        },
      );
      await signInAs(page, locale, CUSTOMER);
      await page.goto(at('selfhelp/article/kb-markdown-safety-sample'));
      const body = page.getByTestId('article-body');
      await expect(body).toBeVisible({ timeout: 15_000 });
      expect(await body.locator('script, iframe, object, embed, img').count()).toBe(0);
      const handlers = await body.evaluate((root) =>
        [...root.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
        ),
      );
      expect(handlers).toEqual([]);
      expect(await body.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]').count()).toBe(
        0,
      );
      const placeholder = page.getByTestId('md-image-placeholder').first();
      await expect(placeholder).toBeVisible();
      expect(outside.map((r) => r.url())).toEqual([]);
      await shot(page, `hostile-${locale}`);
      await placeholder.getByRole('button', { name: t('app.selfhelp.markdown.showImage') }).click();
      await expect(body.locator('img')).toHaveCount(1);
      await expect.poll(() => outside.length).toBeGreaterThan(0);
      expect(outside.every((r) => r.url().startsWith('https://'))).toBe(true);
      expect(dialogs).toEqual([]);
    });

    test('the assistant answers with the expected article', async ({ page }) => {
      await signInAs(page, locale, CUSTOMER);
      await page.goto(at('selfhelp/ask'));
      await page.getByLabel(t('app.selfhelp.ask.label')).fill('升级时数据库连接超时怎么办？');
      await page.getByRole('button', { name: t('app.selfhelp.ask.submit'), exact: true }).click();
      const passage = page.getByTestId('ask-passage').filter({ hasText: '升级失败：数据库连接超时' }).first();
      await expect(passage).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('ask-unanswered')).toHaveCount(0);
      await shot(page, `ask-${locale}`);
      await passage.getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2, name: '升级失败：数据库连接超时' })).toBeVisible();
    });

    test('a customer asks, an engineer answers and verifies, the customer accepts, and search finds it', async ({
      page,
    }) => {
      const title = `${locale === 'en' ? 'Cobalt agent restarts every night' : 'Cobalt 代理每晚重启'} ${Date.now()}`;
      await signInAs(page, locale, CUSTOMER);
      await page.goto(at('selfhelp/community'));
      await page.getByTestId('community-ask-link').click();
      await page.getByLabel(t('app.selfhelp.form.product')).fill('cobalt');
      await page.getByLabel(t('app.selfhelp.form.version')).fill('4.2.0');
      await page.getByLabel(t('app.selfhelp.form.title')).fill(title);
      await page.getByLabel(t('app.selfhelp.form.body')).fill('The agent service restarts at 02:00 every night.');
      await expect(page.getByTestId('shown-as')).toHaveText(t('app.selfhelp.form.othersSeeCustomer'));
      await shot(page, `community-ask-${locale}`);
      await page.getByTestId('question-submit').click();
      await expect(page.getByTestId('community-thread')).toBeVisible({ timeout: 15_000 });
      const threadUrl = page.url();

      await signInAs(page, locale, ENGINEER);
      await page.goto(threadUrl);
      // The vendor's staff always see the company; other customers see "A customer" (the author chose not to show it).
      await expect(page.getByTestId('community-thread')).toContainText('Contoso Grid');
      await page
        .getByLabel(t('app.selfhelp.thread.answerLabel'), { exact: true })
        .fill('Disable the nightly **watchdog** task.');
      await page.getByTestId('answer-submit').click();
      const answer = page.getByTestId('community-answer').first();
      await expect(answer).toBeVisible({ timeout: 15_000 });
      await answer.getByTestId('verify').click();
      await expect(answer.getByTestId('verified-badge')).toBeVisible();

      await signInAs(page, locale, CUSTOMER);
      await page.goto(threadUrl);
      await page.getByTestId('community-answer').first().getByTestId('accept').click();
      await expect(page.getByTestId('accepted-badge')).toBeVisible();
      await shot(page, `community-thread-${locale}`);

      await page.goto(at(`selfhelp?q=${encodeURIComponent('watchdog nightly')}`));
      const found = page.getByTestId('kb-hit').filter({ hasText: title });
      await expect(found).toBeVisible({ timeout: 15_000 });
      await expect(found).toHaveAttribute('data-source', 'community');
      await expect(found).toContainText(t('app.selfhelp.source.community'));
    });

    test('an unanswered question becomes a P4 request draft, and is sent', async ({ page }) => {
      await signInAs(page, locale, CUSTOMER);
      await page.goto(at('selfhelp/ask'));
      const question = `Quxvorp flange telemetry drifts after midnight ${Date.now()}`;
      await page.getByLabel(t('app.selfhelp.ask.label')).fill(question);
      await page.getByRole('button', { name: t('app.selfhelp.ask.submit'), exact: true }).click();
      await expect(page.getByTestId('ask-answer')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('ask-unanswered')).toHaveText(t('app.selfhelp.ask.unanswered'));
      await page.getByTestId('ask-open-request').click();
      await expect(page.getByTestId('new-request-screen')).toBeVisible();
      const description = page.locator('textarea[name="faultDescription"]');
      await expect(description).toHaveValue(new RegExp(`^${question}\\n`));
      await expect(page.getByRole('radio', { name: /P4/ })).toBeChecked();
      await page.locator('select').first().selectOption('CG-COB-0001');
      await shot(page, `request-draft-${locale}`);
      await page.getByTestId('send-request').click();
      await expect(page.getByTestId('submit-outcome')).toHaveAttribute('data-status', 'sent', { timeout: 15_000 });
    });
  });
}
