/**
 * Which version of a product is installed, by the detection rule its release metadata names (DESIGN.md §5): a
 * version file, a command's output, the Windows registry, a macOS property list, or the dpkg/rpm database.
 * null means "not installed"; a rule that cannot be carried out here is DETECTION_FAILED.
 */
import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { DetectionRuleSchema, type DetectionRule, type Platform } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { substitute } from '../install/placeholders.js';
import {
  defaultsArgv,
  dpkgArgv,
  parseCommandOutput,
  parseDpkgQuery,
  parsePlistOutput,
  parseRegQuery,
  parseRpmQuery,
  plistArgv,
  registryArgv,
  rpmArgv,
  type CommandOutput,
} from './rule-commands.js';
import { commandRunner, type RunCommand } from './run-command.js';
import { MAX_VERSION_SOURCE, matchVersion, normaliseVersion, ruleRegex } from './version-text.js';

export interface DetectContext {
  /** What `{target}` stands for. */
  installDir: string;
  /** Defaults to this computer's. */
  platform?: Platform;
  /** How commands are run; the real spawn by default. */
  run?: RunCommand;
}

export function currentPlatform(platform: NodeJS.Platform = process.platform): Platform {
  return platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux';
}

const ONLY_ON: Partial<Record<DetectionRule['kind'], Platform>> = {
  registry: 'win',
  plist: 'mac',
  dpkg: 'linux',
  rpm: 'linux',
};

async function readHead(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new HicareError('DETECTION_FAILED.versionFileUnreadable', { path }, { path, cause: code ?? String(e) });
  }
  try {
    const buffer = Buffer.alloc(MAX_VERSION_SOURCE);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new HicareError('DETECTION_FAILED.versionFileUnreadable', { path }, { path, cause: code ?? String(e) });
  } finally {
    await handle.close();
  }
}

/**
 * Runs a rule's command. A product's own program missing (a path) means the product is not there: null. A system
 * tool missing (a bare name such as `dpkg-query`) means the rule cannot work on this computer: DETECTION_FAILED.
 */
async function ask(run: RunCommand, argv: readonly string[]): Promise<CommandOutput | null> {
  try {
    return await run(argv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const program = argv[0] ?? '';
    if ((code === 'ENOENT' || code === 'ENOTDIR') && /[\\/]/.test(program)) return null;
    throw new HicareError(
      'DETECTION_FAILED.cannotRun',
      { program },
      { argv: [...argv], cause: code ?? (e instanceof Error ? e.message : String(e)) },
    );
  }
}

async function readRaw(rule: DetectionRule, ctx: Required<DetectContext>): Promise<string | null> {
  const values = { target: ctx.installDir };
  switch (rule.kind) {
    case 'file': {
      const given = substitute(rule.path, values);
      const path = isAbsolute(given) ? given : resolve(ctx.installDir, given);
      const text = await readHead(path);
      if (text === null) return null;
      return rule.regex === undefined ? text : matchVersion(text, ruleRegex(rule.regex));
    }
    case 'command': {
      const regex = ruleRegex(rule.regex);
      const argv = rule.argv.map((a) => substitute(a, values));
      const out = await ask(ctx.run, argv);
      return out === null ? null : parseCommandOutput(argv, out, regex);
    }
    case 'registry': {
      const out = await ask(ctx.run, registryArgv(rule));
      return out === null ? null : parseRegQuery(rule, out);
    }
    case 'plist': {
      const path = substitute(rule.path, values);
      const argv = plistArgv(rule, path);
      let out: CommandOutput | null;
      try {
        out = await ctx.run(argv);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
          throw new HicareError('DETECTION_FAILED.cannotRun', { program: argv[0] ?? '' }, { argv });
        const fallback = defaultsArgv(rule, path);
        out = await ask(ctx.run, fallback);
        return out === null ? null : parsePlistOutput(fallback, out);
      }
      return parsePlistOutput(argv, out);
    }
    case 'dpkg': {
      const out = await ask(ctx.run, dpkgArgv(rule));
      return out === null ? null : parseDpkgQuery(rule, out);
    }
    case 'rpm': {
      const out = await ask(ctx.run, rpmArgv(rule));
      return out === null ? null : parseRpmQuery(rule, out);
    }
  }
}

/** The installed version, normalised (`4.2.1`, `2.0.0-rc.1`), or null when the product is not installed. */
export async function detectVersion(rule: DetectionRule, context: DetectContext): Promise<string | null> {
  const parsed = DetectionRuleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new HicareError(
      'DETECTION_FAILED.unreadableRule',
      {},
      { issues: parsed.error.issues.slice(0, 5).map((i) => i.message) },
    );
  }
  const platform = context.platform ?? currentPlatform();
  const only = ONLY_ON[parsed.data.kind];
  if (only !== undefined && only !== platform) {
    throw new HicareError(
      'DETECTION_FAILED.ruleForOtherOs',
      { kind: parsed.data.kind, only, platform },
      { kind: parsed.data.kind, platform },
    );
  }
  const raw = await readRaw(parsed.data, {
    installDir: context.installDir,
    platform,
    run: context.run ?? commandRunner(),
  });
  return raw === null ? null : normaliseVersion(raw);
}
