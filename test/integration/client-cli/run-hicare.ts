/** `hicare` as a real child process (no terminal: stdin, stdout and stderr are pipes), as scripts run it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runHicare(args: readonly string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hicare.js', ...args], {
      cwd: ROOT,
      // English unless a test asks for another language: the machine's own locale must not change what is asserted.
      env: {
        ...process.env,
        HTTPS_PROXY: '',
        HTTP_PROXY: '',
        LANGUAGE: '',
        LC_ALL: '',
        LC_MESSAGES: '',
        LANG: 'C.UTF-8',
        // The sources under test, never a build of them that may be older (bin/hicare.js prefers dist/ otherwise).
        HICARE_FROM_SOURCES: '1',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** What must never reach a user: the operating system's error names, zod's phrasing, role identifiers, stack frames. */
export const INTERNAL_TEXT =
  /ENOENT|ENAMETOOLONG|EACCES|EISDIR|ENOTDIR|Invalid body|Invalid input|Too big|Too small|it-staff|customer-admin|portal-admin|\n\s+at .+:\d+:\d+|TypeError|SyntaxError/;
