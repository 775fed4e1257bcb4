/**
 * The CLI's input and output on a real process: stdout and stderr, stdin for --password-stdin, and questions asked
 * through @inquirer/prompts on a terminal — a password masked, other answers shown as they are typed. The built
 * file, the tsx fallback and the desktop app's `--cli` mode all run the CLI through this.
 */
import { input, password } from '@inquirer/prompts';
import type { CliIo } from './context.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

/** Ctrl+C or a closed terminal during a question: an empty answer, which every caller takes as "no". */
function interrupted(error: unknown): string {
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) return '';
  throw error;
}

async function ask(question: string, options?: { echo?: boolean }): Promise<string> {
  // Questions go to stderr so stdout stays the result alone; the catalog's trailing ": " or " [y/N] " is kept.
  const context = { output: process.stderr, clearPromptOnDone: false };
  const message = question.trimEnd();
  try {
    return options?.echo === true
      ? await input({ message, theme: { prefix: '' } }, context)
      : await password({ message, mask: '*', toggleMask: false, theme: { prefix: '' } }, context);
  } catch (error) {
    return interrupted(error);
  }
}

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
    outIsTty: process.stdout.isTTY === true,
    ...(process.stderr.columns === undefined ? {} : { errColumns: process.stderr.columns }),
    readStdin,
    ...(process.stdin.isTTY === true ? { prompt: ask } : {}),
  };
}

/** Resolves once everything written to stdout and stderr has left the process, so an exit loses nothing. */
export async function flushOutput(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))),
  );
}
