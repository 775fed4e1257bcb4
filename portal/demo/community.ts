/**
 * The demo's community: threads over the demo products, in English and Simplified Chinese, in every state — open,
 * answered, accepted and verified by the vendor's engineer — so the community and what search finds in it can be
 * walked right after seeding. Every post is dated before the seed, oldest first.
 */
import type { Kysely } from 'kysely';
import { acceptAnswer, insertAnswer, insertQuestion, verifyAnswer } from '../db/community-writes.js';
import type { Database } from '../db/schema.js';
import { newId, toIso } from '../db/support.js';
import { bodyFingerprint } from '../requests/idempotency.js';

interface DemoAnswer {
  by: string;
  body: string;
  /** Hours after the question. */
  after: number;
  verified?: true;
  accepted?: true;
}

interface DemoThread {
  by: string;
  product: string;
  version?: string;
  showCompany?: true;
  /** Days before the seed. */
  daysAgo: number;
  title: string;
  body: string;
  answers: DemoAnswer[];
}

const NW_ADMIN = 'admin@northwind.example';
const NW_IT = 'it@northwind.example';
const CG_ADMIN = 'admin@contoso.example';
const CG_IT = 'it@contoso.example';
const ENGINEER = 'engineer@hicare.example';

export const DEMO_THREADS: readonly DemoThread[] = [
  {
    by: NW_IT,
    product: 'cobalt',
    version: '4.2.1',
    daysAgo: 40,
    title: 'Cobalt 4.2.1 update stops with exit code 3',
    body: 'The update to 4.2.1 aborts during the pre-install check and the installer exits with code 3. What should we stop first?',
    answers: [
      {
        by: ENGINEER,
        after: 3,
        verified: true,
        accepted: true,
        body: 'The installer refuses to run while the `cobalt-agent` service is up. Stop it (`systemctl stop cobalt-agent`), run the update again, then start the service.',
      },
      { by: CG_IT, after: 20, body: 'Same here on two collectors; stopping the agent first fixed it for us too.' },
    ],
  },
  {
    by: CG_ADMIN,
    product: 'atlas',
    version: '1.4.2',
    showCompany: true,
    daysAgo: 35,
    title: 'Can we go from Atlas 1.4.2 straight to 2.3.1?',
    body: 'We plan the upgrade for our next maintenance window. Is there a direct path or do we need an intermediate release?',
    answers: [
      {
        by: ENGINEER,
        after: 5,
        verified: true,
        accepted: true,
        body: 'Go through 1.9.0 first: 2.x upgrades only from 1.9.0 or later. The app shows the path in the upgrade planner.',
      },
    ],
  },
  {
    by: NW_ADMIN,
    product: 'beacon',
    version: '1.6.3',
    daysAgo: 30,
    title: 'How long is Beacon 1.x still supported?',
    body: 'Our alarm consoles run 1.6.3. We would like to know how much time we have before we must move to 2.x.',
    answers: [
      {
        by: ENGINEER,
        after: 8,
        verified: true,
        body: 'The 1.x line is past end of maintenance: no more fixes. Plan the move to 2.1.4; your contract covers it.',
      },
    ],
  },
  {
    by: CG_IT,
    product: 'beacon',
    version: '2.1.4',
    daysAgo: 26,
    title: 'Beacon 2 fills the disk with correlation logs',
    body: 'After a week the log partition is full. Is there a retention setting for the correlation logs?',
    answers: [
      {
        by: NW_IT,
        after: 30,
        accepted: true,
        body: 'Set `log.retention.days` in beacon.conf (we use 14) and restart the console; old files are removed at midnight.',
      },
    ],
  },
  {
    by: NW_IT,
    product: 'atlas',
    daysAgo: 21,
    title: 'Exporting the maintenance plan to CSV',
    body: 'Is there a way to export the yearly maintenance plan to CSV for our planning tool?',
    answers: [
      {
        by: CG_ADMIN,
        after: 12,
        body: 'We use Reports → Maintenance plan → Export; it writes CSV with one row per task.',
      },
    ],
  },
  {
    by: CG_ADMIN,
    product: 'cobalt',
    daysAgo: 14,
    title: 'Sending Cobalt measurements through a proxy',
    body: 'Our collectors can reach Atlas only through an HTTP proxy. Where is the proxy configured?',
    answers: [],
  },
  {
    by: NW_ADMIN,
    product: 'atlas',
    version: '2.3.1',
    daysAgo: 9,
    title: 'Atlas 2.3.1 asks for a licence after the upgrade',
    body: 'After upgrading one site the console asks for a licence for major version 2. What do we need?',
    answers: [],
  },
  {
    by: CG_IT,
    product: 'cobalt',
    version: '4.2.0',
    daysAgo: 33,
    title: '升级失败：数据库连接超时',
    body: '将 Cobalt 从 4.1.0 升级到 4.2.0 时，安装程序在迁移步骤报告数据库连接超时，随后回滚。该如何处理？',
    answers: [
      {
        by: ENGINEER,
        after: 4,
        verified: true,
        accepted: true,
        body: '请先确认采集器能够访问 Atlas 数据库端口，并把 `db.timeout` 调大到 120 秒后重新运行升级。迁移大表时默认的 30 秒不够用。',
      },
    ],
  },
  {
    by: NW_IT,
    product: 'beacon',
    version: '2.0.0',
    daysAgo: 18,
    title: 'Beacon 2.0 告警升级邮件没有发出',
    body: '告警升级规则已经配置，但值班人员没有收到邮件。SMTP 设置应该在哪里检查？',
    answers: [
      {
        by: CG_IT,
        after: 6,
        body: '我们遇到过同样的问题：在“系统设置 → 通知”中填写 SMTP 服务器后，需要点击“发送测试邮件”才会生效。',
      },
    ],
  },
  {
    by: CG_ADMIN,
    product: 'atlas',
    version: '3.0.0-rc.1',
    daysAgo: 5,
    title: 'Atlas 3.0 候选版本可以用于生产环境吗？',
    body: '我们想提前试用 3.0.0-rc.1 的新报表功能。候选版本是否可以安装在生产系统上？',
    answers: [],
  },
];

async function accountIds(db: Kysely<Database>): Promise<Map<string, { id: string; customerId: string | null }>> {
  const rows = await db.selectFrom('accounts').select(['id', 'email', 'customer_id']).execute();
  return new Map(rows.map((r) => [r.email, { id: r.id, customerId: r.customer_id }]));
}

export async function seedDemoCommunity(db: Kysely<Database>, now: Date): Promise<void> {
  const accounts = await accountIds(db);
  const account = (email: string) => {
    const found = accounts.get(email);
    if (found === undefined) throw new Error(`The demo community needs the account ${email}.`);
    return found;
  };
  const hours = (h: number) => h * 60 * 60 * 1000;
  for (const t of DEMO_THREADS) {
    const asker = account(t.by);
    if (asker.customerId === null) throw new Error(`The demo question "${t.title}" needs a customer's account.`);
    const askedAt = now.getTime() - t.daysAgo * hours(24);
    const questionId = newId();
    const { answers, by: _by, daysAgo: _daysAgo, ...content } = t;
    await insertQuestion(db, {
      id: questionId,
      customerId: asker.customerId,
      accountId: asker.id,
      idempotencyKey: null,
      bodyHash: bodyFingerprint(content),
      title: t.title,
      body: t.body,
      product: t.product,
      version: t.version ?? null,
      showCompany: t.showCompany === true,
      createdAt: toIso(new Date(askedAt)),
    });
    for (const a of answers) {
      const author = account(a.by);
      const id = newId();
      const at = askedAt + hours(a.after);
      await insertAnswer(db, {
        id,
        questionId,
        accountId: author.id,
        customerId: author.customerId,
        idempotencyKey: null,
        bodyHash: bodyFingerprint({ body: a.body, questionId }),
        body: a.body,
        showCompany: false,
        createdAt: toIso(new Date(at)),
      });
      if (a.verified === true) await verifyAnswer(db, id, account(ENGINEER).id, toIso(new Date(at + hours(1))));
      if (a.accepted === true) await acceptAnswer(db, questionId, id, toIso(new Date(at + hours(2))));
    }
  }
}
