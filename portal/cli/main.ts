/**
 * `hicare-portal`: dispatches to a command, prints coded errors with their remedy, and sets the exit code
 * (0 done, 1 refused or failed, 2 wrong usage).
 */
import { isHicareError } from '../../shared/errors.js';
import type * as CommandsModule from './commands.js';
import type * as CustomersModule from './admin/customers.js';
import type { CliEnvironment } from './context.js';
import { HELP, MAIN_HELP } from './help.js';
import { UsageError } from './usage.js';

export interface CliProcess extends CliEnvironment {
  printError: (line: string) => void;
  signals: { once(event: 'SIGINT' | 'SIGTERM', fn: () => void): void };
}

type Command = (args: readonly string[], io: CliProcess) => Promise<void>;

// Loaded on first use: help and usage errors answer at once instead of after the database and HTTP stacks load.
const commands = (): Promise<typeof CommandsModule> => import('./commands.js');
const customerCommands = (): Promise<typeof CustomersModule> => import('./admin/customers.js');

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => {
    const { serveCommand } = await import('./serve.js');
    return (args, io) => serveCommand(args, io, io.signals);
  },
  signer: async () => {
    const { signerCommand } = await import('./signer.js');
    return (args, io) => signerCommand(args, io, io.signals);
  },
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  seed: async () => (await commands()).seedCommand,
  keys: async () => (await commands()).keysCommand,
  customer: async () => (await customerCommands()).customerCommand,
  account: async () => (await customerCommands()).accountCommand,
  contract: async () => (await import('./admin/contracts.js')).contractCommand,
  system: async () => (await customerCommands()).systemCommand,
  publish: async () => (await commands()).publishCommand,
  'publish-app': async () => (await commands()).publishAppCommand,
  lifecycle: async () => (await commands()).lifecycleCommand,
  mail: async () => (await import('./admin/mail.js')).mailCommand,
  release: async () => (await import('./admin/releases.js')).releaseCommand,
  line: async () => (await import('./admin/releases.js')).lineCommand,
  report: async () => (await import('./admin/reports.js')).reportCommand,
  region: async () => (await import('./admin/regions.js')).regionCommand,
  article: async () => (await import('./admin/articles.js')).articleCommand,
};

export async function runPortalCli(argv: readonly string[], io: CliProcess): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.print(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (load === undefined) {
    io.printError(`Unknown command: ${command}\n\n${MAIN_HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.print(HELP[command] ?? MAIN_HELP);
    return 0;
  }
  try {
    const run = await load();
    await run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.printError(`${error.message}\n\n${HELP[command] ?? MAIN_HELP}`);
      return 2;
    }
    if (isHicareError(error)) {
      if (rest.includes('--json')) io.printError(JSON.stringify(error.toBody()));
      else io.printError(`error ${error.code}: ${error.message}\n  ${error.remedy}`);
      return 1;
    }
    io.printError(
      `error INTERNAL: ${error instanceof Error ? error.message : String(error)}\n  Report this to the vendor with the command you ran.`,
    );
    return 1;
  }
}
