/**
 * `npm run bench -- kb` (or `node --import tsx test/bench/kb.ts`): the knowledge index at the size DESIGN.md §8
 * names — 10,000 articles and 50,000 community posts (25,000 questions with one accepted answer each), generated
 * deterministically in mixed English and Chinese from a product vocabulary — and its figures: build time,
 * heap and RSS growth, then search p50/p95/p99 and assistant p50/p95 over 600 varied queries (short and long,
 * both languages, with and without filters), against the goal of p95 < 20 ms each. Figures are of the index
 * itself, in process: the HTTP route adds Fastify's routing and JSON of one page of hits, which the portal bench
 * measures for every route; the community store that would hold 50,000 posts is not part of this measurement.
 * `HICARE_BENCH_KB_ARTICLES` and `HICARE_BENCH_KB_THREADS` change the sizes.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ArticleKind, KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import type { SearchableThread } from '../../portal/db/community.js';
import { KnowledgeIndex } from '../../portal/knowledge/index.js';
import { seededRandom } from '../support/seeded-random.js';

const ARTICLES = Number(process.env['HICARE_BENCH_KB_ARTICLES'] ?? 10_000);
const THREADS = Number(process.env['HICARE_BENCH_KB_THREADS'] ?? 25_000);
const QUERIES = 600;
const GOAL_MS = 20;

const EN = (
  'upgrade install installer update service agent database timeout connection certificate proxy backup restore ' +
  'alarm correlation rule report schedule mail disk space buffer measurement collector licence cluster failover ' +
  'standby migration schema log error exit code permission directory port firewall snmp trap ldap token api ' +
  'export import csv memory cpu network latency retry checksum download package contract serial version release'
).split(' ');
const ZH = (
  '升级 安装 更新 服务 采集器 数据库 连接 超时 证书 代理 备份 恢复 告警 关联 规则 报表 邮件 磁盘 空间 缓冲 ' +
  '许可 集群 切换 迁移 日志 错误 退出码 权限 目录 端口 防火墙 令牌 导出 导入 内存 网络 重试 校验 下载 合同 序列号 版本'
).split(' ');
const PRODUCTS = ['atlas', 'beacon', 'cobalt', null] as const;
const KINDS: ArticleKind[] = ['document', 'configuration-guide', 'maintenance-case', 'known-issue'];

function generator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (zh: boolean, n: number): string =>
    Array.from({ length: n }, () => (zh ? pick(ZH) : pick(EN))).join(zh ? '' : ' ');
  const paragraph = (zh: boolean): string =>
    Array.from({ length: 3 + Math.floor(random() * 4) }, () => words(zh, 6 + Math.floor(random() * 10))).join(
      zh ? '。' : '. ',
    );
  return { random, pick, words, paragraph };
}

function corpus(): { articles: KnowledgeArticle[]; threads: SearchableThread[] } {
  const g = generator(16);
  const articles: KnowledgeArticle[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const zh = g.random() < 0.35;
    const sections = Array.from(
      { length: 2 + Math.floor(g.random() * 4) },
      (_, s) => `## ${g.words(zh, 3)} ${s}\n\n${g.paragraph(zh)}\n\n- ${g.words(zh, 5)}\n- \`${g.pick(EN)}-${i}\``,
    );
    articles.push({
      id: `bench-article-${i}`,
      kind: g.pick(KINDS),
      product: g.pick(PRODUCTS),
      versions: g.random() < 0.5 ? null : `^${1 + Math.floor(g.random() * 4)}`,
      locale: zh ? 'zh-CN' : 'en',
      title: `${g.words(zh, 4)} ${1 + (i % 5)}.${i % 10}`,
      body: `${g.paragraph(zh)}\n\n${sections.join('\n\n')}`,
      signatures: [],
      updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    });
  }
  const threads: SearchableThread[] = [];
  for (let i = 0; i < THREADS; i++) {
    const zh = g.random() < 0.35;
    threads.push({
      id: `bench-question-${i}`,
      title: `${g.words(zh, 5)}?`,
      body: g.paragraph(zh),
      product: g.pick(['atlas', 'beacon', 'cobalt']),
      version: g.random() < 0.5 ? null : `${1 + Math.floor(g.random() * 4)}.${i % 7}.0`,
      answers: [{ id: `bench-answer-${i}`, body: g.paragraph(zh), accepted: true, verified: g.random() < 0.3 }],
      updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 600_000).toISOString(),
    });
  }
  return { articles, threads };
}

function queries(): { q: string; product?: string; version?: string }[] {
  const g = generator(99);
  return Array.from({ length: QUERIES }, (_, i) => {
    const zh = i % 3 === 0;
    const q = i % 5 === 0 ? g.words(zh, 12 + (i % 8)) : g.words(zh, 1 + (i % 4));
    return {
      q: zh ? q : `${q}${i % 7 === 0 ? ' cobalt-agent' : ''}`,
      ...(i % 4 === 0 ? { product: g.pick(['atlas', 'beacon', 'cobalt']) } : {}),
      ...(i % 6 === 0 ? { version: `${1 + (i % 4)}.2.0` } : {}),
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeAll(run: (i: number) => void): number[] {
  for (let i = 0; i < 50; i++) run(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const start = process.hrtime.bigint();
    run(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms.sort((a, b) => a - b);
}

const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MiB`;
const verdict = (ms: number): string => (ms < GOAL_MS ? 'met' : 'NOT met');

export async function main(): Promise<void> {
  const documents = corpus();
  const list = queries();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const index = KnowledgeIndex.build(documents);
  const buildMs = performance.now() - start;
  global.gc?.();
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const rssGrowth = process.memoryUsage().rss - rssBefore;

  const search = timeAll((i) => index.search(list[i % list.length]!));
  const ask = timeAll((i) => {
    const { q, ...filters } = list[i % list.length]!;
    index.ask({ question: q, ...filters });
  });
  const size = index.size;
  console.log(
    `knowledge index: ${size.articles} articles, ${size.threads} questions (${size.threads * 2} posts), ` +
      `${size.sections} sections, ${size.terms} terms`,
  );
  console.log(`  build            ${buildMs.toFixed(0)} ms`);
  console.log(
    `  heap growth      ${mib(heapGrowth)}${global.gc === undefined ? ' (without --expose-gc: approximate)' : ''}`,
  );
  console.log(`  RSS growth       ${mib(rssGrowth)}`);
  console.log(`  ${QUERIES} queries; goal p95 < ${GOAL_MS} ms`);
  console.log(
    `  search  p50 ${percentile(search, 50).toFixed(2)} ms  p95 ${percentile(search, 95).toFixed(2)} ms  ` +
      `p99 ${percentile(search, 99).toFixed(2)} ms  → ${verdict(percentile(search, 95))}`,
  );
  console.log(
    `  ask     p50 ${percentile(ask, 50).toFixed(2)} ms  p95 ${percentile(ask, 95).toFixed(2)} ms  ` +
      `p99 ${percentile(ask, 99).toFixed(2)} ms  → ${verdict(percentile(ask, 95))}`,
  );
  console.log(
    `  load average     ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
