#!/usr/bin/env node
// Runs the `hicare` CLI from its TypeScript sources through tsx, resolved next to this file (not the caller's cwd).
import { createInterface } from 'node:readline/promises';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');

async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
  outIsTty: process.stdout.isTTY === true,
  readStdin,
  ...(process.stdin.isTTY === true
    ? {
        prompt: async (question, options) => {
          const echo = options?.echo === true;
          const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
          // Unless asked to echo (a yes/no answer), typed characters are not shown: a password never appears on screen.
          if (!echo) {
            rl._writeToOutput = (s) => {
              if (s.includes(question)) process.stderr.write(s);
            };
          }
          try {
            return await rl.question(question);
          } finally {
            rl.close();
            if (!echo) process.stderr.write('\n');
          }
        },
      }
    : {}),
});
process.exitCode = code;
