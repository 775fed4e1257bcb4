/**
 * `hicare kb` as IT staff run it, as real child processes against a real portal on SQLite and PostgreSQL: a search in
 * English and in Chinese with the words marked in brackets (no terminal), an article as terminal text, the hostile
 * sample article inert, a withdrawn article's notice and exit code, an unknown id, and every wrong usage named.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePortal, CG_IT, PORTAL_ADMIN, type TestPortal } from '../portal-api/harness.js';
import { INTERNAL_TEXT, runHicare, type Run } from './run-hicare.js';

interface SearchJson {
  hits: { id: string; source: string; title: { text: string; hit: boolean }[] }[];
  total: number;
}

describePortal('hicare kb', (t: TestPortal) => {
  let dir = '';
  const hicare = (args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> =>
    runHicare(args, { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: t.url, ...env }, stdin);
  const ok = (run: Run) => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(INTERNAL_TEXT);
    return run;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-kb-'));
    // The root as the portal publishes it: on PostgreSQL the signed metadata lives in the database, not a folder.
    const root = join(dir, '1.root.json');
    await writeFile(root, Buffer.from(await (await fetch(`${t.url}/tuf/1.root.json`)).arrayBuffer()));
    ok(await hicare(['trust', root, '--yes']));
    ok(await hicare(['login', '--email', CG_IT, '--password-stdin'], {}, `${t.password(CG_IT)}\n`));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('searches and prints a table with the words in brackets', async () => {
    const run = ok(await hicare(['kb', 'search', 'upgrade', 'atlas', '--product', 'atlas']));
    const [head, ...rows] = run.stdout.split('\n');
    expect(head).toMatch(/^ID\s+KIND\s+TITLE\s+SNIPPET$/);
    // Ranking is measured by the quality set; here the row's columns are what counts.
    expect(rows.slice(0, 3).join('\n')).toMatch(
      /^atlas-upgrade-1x-to-2x\s+document\s+Upgrading Atlas 1\.x to Atlas 2\s/m,
    );
    expect(run.stdout).toMatch(/\[[Uu]pgrade\]/);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toMatch(/Showing \d+ of \d+\. Read one with: hicare kb show ID/);
  });

  it('finds the Chinese article for a Chinese query, and speaks Chinese with --lang zh-CN', async () => {
    const json = JSON.parse(ok(await hicare(['--json', 'kb', 'search', '数据库', '超时'])).stdout) as SearchJson;
    const titles = json.hits.map((h) => h.title.map((r) => r.text).join(''));
    expect(titles).toContain('升级失败：数据库连接超时');
    const words = ok(await hicare(['--lang', 'zh-CN', 'kb', 'search', '数据库', '超时']));
    expect(words.stdout.split('\n')[0]).toMatch(/^编号\s+类型\s+标题\s+摘要$/);
    expect(words.stdout).toMatch(/\[数据库\]|\[超时\]/);
  });

  it('narrows by kind, and says so when nothing matches', async () => {
    const json = JSON.parse(
      ok(await hicare(['--json', 'kb', 'search', 'installer', '--kind', 'known-issue'])).stdout,
    ) as SearchJson;
    expect(json.hits.length).toBeGreaterThan(0);
    const none = ok(await hicare(['kb', 'search', 'zzqxjv', 'qwpfkt']));
    expect(none.stdout.trim()).toBe('Nothing in the knowledge base matches.');
  });

  it('shows an article as terminal text', async () => {
    const run = ok(await hicare(['kb', 'show', 'atlas-upgrade-1x-to-2x']));
    expect(run.stdout).toMatch(/^Upgrading Atlas 1\.x to Atlas 2\n={20,}\natlas-upgrade-1x-to-2x · document · atlas/);
    expect(run.stdout).toContain('The legacy SOAP endpoint is removed in Atlas 2.');
  });

  it('shows the hostile sample as inert text: no escape codes, no script address', async () => {
    const run = ok(await hicare(['kb', 'show', 'kb-markdown-safety-sample']));
    // eslint-disable-next-line no-control-regex -- the terminal escape and control characters themselves
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).not.toMatch(/javascript:/i);
  });

  it('answers an unknown id with not found (exit 7), the same as JSON', async () => {
    const run = await hicare(['kb', 'show', 'no-such-article']);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/^error NOT_FOUND: /m);
    expect(run.stdout).toBe('');
  });

  it('answers a withdrawn article with its notice and exit 11', async () => {
    const admin = await t.signIn(PORTAL_ADMIN);
    const withdrawn = await t.request('POST', '/api/v1/admin/articles/beacon-2-disk-space/withdraw', {
      token: admin,
      body: { reason: 'Replaced by the Beacon 2 sizing guide' },
    });
    expect(withdrawn.status).toBe(200);
    const run = await hicare(['kb', 'show', 'beacon-2-disk-space']);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/^error ARTICLE_WITHDRAWN: .*Replaced by the Beacon 2 sizing guide/m);
    expect(run.stdout).toBe('');
    const zh = await hicare(['--lang', 'zh-CN', 'kb', 'show', 'beacon-2-disk-space']);
    expect(zh.code).toBe(11);
    expect(zh.stderr).toMatch(/ARTICLE_WITHDRAWN/);
    expect(zh.stderr).not.toMatch(/withdrawn on/);
  });

  it.each([
    [['kb'], /Say what to do: kb search WORDS\.\.\. or kb show ID\./],
    [['kb', 'read', 'x'], /Say what to do/],
    [['kb', 'search'], /Missing argument\./],
    [['kb', 'show'], /Missing argument\./],
    [['kb', 'show', 'a', 'b'], /Unexpected argument: b/],
    [['kb', 'search', 'x', '--kind', 'faq'], /--kind must be one of document, configuration-guide/],
    [['kb', 'search', 'x', '--colour'], /Unknown option: --colour/],
  ])('%j is wrong usage (exit 2), with the help', async (args, words) => {
    const run = await hicare(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(words);
    expect(run.stderr).toContain('hicare kb search WORDS...');
    expect(run.stdout).toBe('');
  });

  it('documents the commands and exit 11 in both languages', async () => {
    const en = ok(await hicare(['--help']));
    expect(en.stdout).toMatch(/kb search WORDS\.\.\. {8}Search the knowledge base/);
    expect(en.stdout).toMatch(/^ 11 {2}withdrawn: /m);
    const zh = ok(await hicare(['kb', '--help', '--lang', 'zh-CN']));
    expect(zh.stdout).toContain('以 11 退出');
  });
});
