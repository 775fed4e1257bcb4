/**
 * `hicare-portal article` as an operator runs it: a draft written from a Markdown file, a revision from standard
 * input, publishing an earlier revision, withdrawing with a reason; lists as a table, JSON or CSV in either language;
 * a refused change exits 1 with its coded reason and changes nothing, wrong usage exits 2.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminArticle } from '../../../shared/contracts/admin/articles.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import { cliEnv, runCli } from './cli.js';

type Row = AdminArticle['row'];

// Each command is a fresh process that opens the database: a few seconds apiece on a busy machine.
describe('hicare-portal article', { timeout: 180_000 }, () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const run = (...args: string[]) => runCli(['article', ...args], env);
  const show = async (id: string): Promise<AdminArticle> =>
    JSON.parse((await run('show', id, '--json')).stdout) as AdminArticle;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-cli-articles-'));
    env = cliEnv({ HICARE_PORTAL_DATA: dir, LANG: 'C' });
    await writeFile(join(dir, 'disk.md'), '# Disk full\n\nFree 2 GB and run the installer again.\n');
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a draft, revises it from standard input, publishes and withdraws it', async () => {
    const added = await run(
      'add',
      'disk-full',
      '--kind',
      'known-issue',
      '--title',
      'Installer stops: disk full',
      '--product',
      'beacon',
      '--versions',
      '^2',
      '--body-file',
      join(dir, 'disk.md'),
      '--exit-codes',
      '3,4',
      '--log-contains',
      'No space left',
      '--note',
      'From the support case',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Article disk-full saved as a draft (revision 1).');
    expect(added.stdout).toMatch(/Error signatures\s+exit code 3, 4; the log contains “No space left”/);
    expect(added.stdout).toMatch(/State\s+Draft/);

    const revised = await runCli(
      ['article', 'update', 'disk-full', '--body-file', '-', '--note', 'Says how much space'],
      env,
      30_000,
      'Free at least 2 GB on the system disk.\n',
    );
    expect(revised.code, revised.stderr).toBe(0);
    expect(revised.stdout).toContain('Article disk-full: revision 2 saved.');
    const draft = await show('disk-full');
    expect(draft.article.body).toBe('Free at least 2 GB on the system disk.\n');
    expect(draft.article.signatures).toEqual([{ exitCodes: [3, 4], logContains: 'No space left' }]);
    expect(draft.row).toMatchObject({ state: 'draft', revision: 2, publishedRevision: null });

    const first = await run('publish', 'disk-full', '--revision', '1');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Article disk-full: revision 1 is published.');
    const revisions = await run('revisions', 'disk-full');
    expect(revisions.stdout).toMatch(/^Revision\s+Saved\s+By\s+Note/);
    expect(revisions.stdout).toMatch(/\n1\s+\S+\s+\S+\s+From the support case\s+readers see this one/);
    const old = await run('show', 'disk-full', '--revision', '1');
    expect(old.stdout).toContain('Free 2 GB and run the installer again.');

    const withdrawn = await run('withdraw', 'disk-full', '--reason', 'Fixed in 2.1.3');
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toMatch(/Withdrawn on \S+: Fixed in 2\.1\.3/);
    expect((await show('disk-full')).withdrawn).toMatchObject({ reason: 'Fixed in 2.1.3' });
  });

  it('lists articles as a table, JSON or CSV, in the reader’s language', async () => {
    const table = await run('list');
    expect(table.stdout.split('\n')[0]).toMatch(/^Id\s+State\s+Kind\s+Product\s+Newest revision/);
    expect(table.stdout).toMatch(/disk-full\s+Withdrawn\s+Known issue\s+beacon\s+2\s+1\s+Installer stops/);
    const zh = await run('list', '--lang', 'zh-CN');
    expect(zh.stdout.split('\n')[0]).toMatch(/^标识\s+状态\s+类型/);
    expect(zh.stdout).toMatch(/disk-full\s+已撤回\s+已知问题/);
    const page = JSON.parse((await run('list', '--json', '--state', 'withdrawn')).stdout) as Page<Row>;
    expect(page.items.map((r) => r.id)).toEqual(['disk-full']);
    expect((JSON.parse((await run('list', '--json', '--state', 'draft')).stdout) as Page<Row>).total).toBe(0);
    const csv = await run('list', '--csv');
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('Id,State,Kind,Product,Newest revision,Published revision,Title');
  });

  it('refuses bad input with its coded reason, and changes nothing', async () => {
    const before = await show('disk-full');
    for (const [args, code, words] of [
      [['withdraw', 'disk-full', '--reason', 'Again'], 1, 'error ILLEGAL_TRANSITION'],
      [['update', 'disk-full', '--versions', 'two-ish'], 1, 'error INVALID_VERSION_RANGE'],
      [['update', 'disk-full', '--title', 'New', '--base-revision', '1'], 1, 'you started from revision 1'],
      [['publish', 'disk-full', '--revision', '9'], 1, 'has no revision 9'],
      [
        ['add', 'disk-full', '--kind', 'document', '--title', 'T', '--body-file', join(dir, 'disk.md')],
        1,
        'already exists',
      ],
      [['update', 'disk-full', '--exit-codes', 'three'], 2, '--exit-codes three'],
      [['update', 'disk-full', '--body-file', join(dir, 'missing.md')], 2, 'cannot be read'],
      [['publish', 'disk-full', '--revision', 'last'], 2, '--revision last'],
      [['withdraw', 'disk-full'], 2, 'Missing --reason'],
      [['add', 'x', '--title', 'T'], 2, 'Missing --kind, --body-file'],
      [['frobnicate'], 2, 'Use `article list`'],
    ] as const) {
      const result = await run(...args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
      expect(result.stderr).toContain(words);
      expect(result.stderr).not.toMatch(/ZodError|ENOENT|\n\s+at /);
    }
    expect(await show('disk-full')).toEqual(before);
    const zh = await run('withdraw', 'disk-full', '--reason', 'Again', '--lang', 'zh-CN');
    expect(zh.code).toBe(1);
  });
});
