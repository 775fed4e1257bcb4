/**
 * `npm run bench -- kb` (or `node --import tsx test/bench/kb.ts`): the knowledge index at the size DESIGN.md §8
 * names — 10,000 articles and 50,000 community posts (25,000 questions with one accepted answer each) — and its
 * figures against their goals: build time, heap and RSS growth, then search and assistant p50/p95/p99 over 600
 * queries, with the load average they were measured at.
 *
 * The corpus is generated deterministically (seeded) and is meant to look like real documentation rather than a
 * word salad: a technical vocabulary of about 4,000 English words and 3,000 Chinese words and phrases, drawn
 * Zipf-like (a few words in most sections, most words in a few), articles from one short section to a long guide,
 * community posts shorter than articles. Queries are drawn the way users ask: two to six words, some of them rare,
 * a third in Chinese, some filtered by product or version. A tiny vocabulary would put every term in most sections
 * and measure a corpus no customer has.
 *
 * Figures are of the index itself, in process: the HTTP route adds Fastify's routing and JSON of one page of hits,
 * which the portal bench measures for every route; the community store that would hold 50,000 posts is not part of
 * this measurement. `HICARE_BENCH_KB_ARTICLES` and `HICARE_BENCH_KB_THREADS` change the sizes.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ArticleKind, KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import type { SearchableThread } from '../../portal/db/community.js';
import { KnowledgeIndex } from '../../portal/knowledge/index.js';
import { seededRandom } from '../support/seeded-random.js';

const ARTICLES = Number(process.env['HICARE_BENCH_KB_ARTICLES'] ?? 10_000);
const THREADS = Number(process.env['HICARE_BENCH_KB_THREADS'] ?? 25_000);
const QUERIES = 600;
const GOAL_MS = 20;
/** What "reasonable" means for rebuilding the index when content changes, and for holding it. */
const BUILD_GOAL_MS = 10_000;
const HEAP_GOAL_BYTES = 200 * 1_048_576;
const RSS_GOAL_BYTES = 400 * 1_048_576;

/**
 * English roots of an operations vocabulary; with the endings below and two-root compounds (`cachesync`,
 * `proxygateway`) they make about 4,000 distinct words, as many as a real product documentation set uses.
 */
const EN_ROOTS = (
  'upgrade install update service agent database timeout connect certificate proxy backup restore alarm correlate ' +
  'rule report schedule mail disk space buffer measure collect licence cluster failover standby migrate schema log ' +
  'error exit code permission directory port firewall snmp trap ldap token api export import csv memory cpu network ' +
  'latency retry checksum download package contract serial version release cache queue thread socket handshake ' +
  'cipher key vault audit session quota shard replica index partition journal snapshot volume mount kernel driver ' +
  'module plugin widget dashboard metric gauge counter histogram sample probe poll threshold escalate notify ' +
  'route gateway bridge tunnel vpn dns dhcp ntp clock sync drift offset lease heartbeat watchdog daemon process ' +
  'signal crash dump trace stack heap leak compress archive rotate purge retain encrypt decrypt sign verify trust ' +
  'chain revoke renew expire enrol provision tenant domain realm group role policy grant deny audit filter parse ' +
  'render template locale encode decode stream batch pipeline worker scheduler cron trigger hook callback webhook ' +
  'payload header cookie redirect proxyauth bandwidth throttle limit burst spike outage incident ticket change ' +
  'rollback patch hotfix baseline inventory asset sensor device node host rack chassis power fan thermal battery'
).split(' ');
const EN_ENDINGS = ['', 's', 'ing', 'ed', 'er', 'ers', 'ion', 'able', 'ability', 'less', 'ness', 'ment'];
/** Two-character Chinese words; pairs of them make the phrases a Chinese article is written in. */
const ZH_WORDS = (
  '升级 安装 更新 服务 采集 数据 连接 超时 证书 代理 备份 恢复 告警 关联 规则 报表 邮件 磁盘 空间 缓冲 许可 集群 ' +
  '切换 迁移 日志 错误 权限 目录 端口 防火 令牌 导出 导入 内存 网络 重试 校验 下载 合同 版本 缓存 队列 线程 握手 ' +
  '加密 密钥 审计 会话 配额 分片 副本 索引 分区 快照 卷宗 内核 驱动 模块 插件 仪表 指标 阈值 通知 路由 网关 隧道 ' +
  '时钟 同步 漂移 心跳 守护 进程 信号 崩溃 堆栈 泄漏 压缩 归档 轮转 清理 签名 验证 信任 吊销 续期 过期 租户 ' +
  '角色 策略 授权 拒绝 过滤 解析 模板 编码 解码 批量 管道 调度 触发 回调 负载 限流 突发 故障 工单 变更 回滚 补丁 ' +
  '基线 资产 传感 设备 节点 主机 机架 电源 风扇 温度 电池'
).split(' ');
const PRODUCTS = ['atlas', 'beacon', 'cobalt', null] as const;
const KINDS: ArticleKind[] = ['document', 'configuration-guide', 'maintenance-case', 'known-issue'];

/** Every word once, in a seeded order, so which words are common is not the alphabet's choice. */
function vocabulary(): { en: string[]; zh: string[] } {
  const random = seededRandom(7);
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const en = new Set<string>();
  for (const root of EN_ROOTS) for (const ending of EN_ENDINGS) en.add(root + ending);
  const roots = shuffle([...EN_ROOTS]);
  for (let i = 0; en.size < 4_000; i++)
    en.add(roots[i % roots.length]! + roots[(i * 7 + 1 + Math.floor(i / roots.length)) % roots.length]!);
  const zh = new Set<string>(ZH_WORDS);
  for (let i = 0; zh.size < 3_000; i++)
    zh.add(
      ZH_WORDS[i % ZH_WORDS.length]! + ZH_WORDS[(i * 13 + 1 + Math.floor(i / ZH_WORDS.length)) % ZH_WORDS.length]!,
    );
  return { en: shuffle([...en]), zh: shuffle([...zh]) };
}

/** A Zipf draw (exponent 1) over a list: the word at rank r comes up in proportion to 1/r, as in real text. */
function zipf(list: readonly string[], random: () => number): () => string {
  const cumulative = new Float64Array(list.length);
  let sum = 0;
  for (let r = 0; r < list.length; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

const VOCABULARY = vocabulary();

function generator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const en = zipf(VOCABULARY.en, random);
  const zh = zipf(VOCABULARY.zh, random);
  /** A number from `min` up, most often small: lengths of real texts have a long tail. */
  const length = (min: number, mean: number): number => min + Math.floor(-Math.log(1 - random()) * (mean - min));
  const words = (isZh: boolean, n: number): string =>
    Array.from({ length: n }, () => (isZh ? zh() : en())).join(isZh ? '' : ' ');
  const sentences = (isZh: boolean, n: number): string =>
    Array.from({ length: n }, () => words(isZh, length(4, 12))).join(isZh ? '。' : '. ');
  /** A rare word: any of the vocabulary, evenly, as when a user types the exact name of a setting. */
  const rare = (isZh: boolean): string => pick(isZh ? VOCABULARY.zh : VOCABULARY.en);
  return { random, pick, length, words, sentences, rare };
}

function corpus(): { articles: KnowledgeArticle[]; threads: SearchableThread[] } {
  const g = generator(16);
  const articles: KnowledgeArticle[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const zh = g.random() < 0.35;
    // from a one-section note to a long guide of a dozen sections and more
    const sections = Array.from(
      { length: g.length(1, 5) },
      (_, s) =>
        `## ${g.words(zh, g.length(2, 4))} ${s}\n\n${g.sentences(zh, g.length(1, 5))}\n\n` +
        `- ${g.words(zh, 5)}\n- \`${g.rare(false)}-${i}\``,
    );
    articles.push({
      id: `bench-article-${i}`,
      kind: g.pick(KINDS),
      product: g.pick(PRODUCTS),
      versions: g.random() < 0.5 ? null : `^${1 + Math.floor(g.random() * 4)}`,
      locale: zh ? 'zh-CN' : 'en',
      title: `${g.words(zh, g.length(3, 6))} ${1 + (i % 5)}.${i % 10}`,
      body: `${g.sentences(zh, g.length(1, 3))}\n\n${sections.join('\n\n')}`,
      signatures: [],
      updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    });
  }
  const threads: SearchableThread[] = [];
  for (let i = 0; i < THREADS; i++) {
    const zh = g.random() < 0.35;
    // posts are shorter than articles: a question of a sentence or three, an answer of a few
    threads.push({
      id: `bench-question-${i}`,
      title: `${g.words(zh, g.length(4, 8))}?`,
      body: g.sentences(zh, g.length(1, 2)),
      product: g.pick(['atlas', 'beacon', 'cobalt']),
      version: g.random() < 0.5 ? null : `${1 + Math.floor(g.random() * 4)}.${i % 7}.0`,
      answers: [
        { id: `bench-answer-${i}`, body: g.sentences(zh, g.length(1, 3)), accepted: true, verified: g.random() < 0.3 },
      ],
      updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 600_000).toISOString(),
    });
  }
  return { articles, threads };
}

/**
 * Queries the way users type them: two to six words, mostly common ones with now and then the exact name of a rare
 * setting, a third in Chinese, a quarter for one product, some for one version, a few naming a service.
 */
function queries(): { q: string; product?: string; version?: string }[] {
  const g = generator(99);
  return Array.from({ length: QUERIES }, (_, i) => {
    const zh = i % 3 === 0;
    const n = 2 + Math.floor(g.random() * 5);
    const parts = Array.from({ length: n }, () => (g.random() < 0.2 ? g.rare(zh) : g.words(zh, 1)));
    const q = parts.join(zh ? (g.random() < 0.5 ? '' : ' ') : ' ');
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
  const met = (value: number, goal: number): string => (value < goal ? 'met' : 'NOT met');
  const line = (name: string, sorted: number[]): string =>
    `  ${name.padEnd(7)} p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  ` +
    `p99 ${percentile(sorted, 99).toFixed(2)} ms  (goal p95 < ${GOAL_MS} ms: ${met(percentile(sorted, 95), GOAL_MS)})`;
  console.log(
    `knowledge index: ${size.articles} articles, ${size.threads} questions (${size.threads * 2} posts), ` +
      `${size.sections} sections, ${size.terms} terms`,
  );
  console.log(
    `  load average     ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `  build            ${buildMs.toFixed(0)} ms  (goal < ${BUILD_GOAL_MS} ms: ${met(buildMs, BUILD_GOAL_MS)})`,
  );
  console.log(
    `  heap growth      ${mib(heapGrowth)}  (goal < ${mib(HEAP_GOAL_BYTES)}: ${met(heapGrowth, HEAP_GOAL_BYTES)})` +
      `${global.gc === undefined ? ' (without --expose-gc: approximate)' : ''}`,
  );
  console.log(
    `  RSS growth       ${mib(rssGrowth)}  (goal < ${mib(RSS_GOAL_BYTES)}: ${met(rssGrowth, RSS_GOAL_BYTES)})`,
  );
  console.log(`  ${QUERIES} queries each`);
  console.log(line('search', search));
  console.log(line('ask', ask));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
