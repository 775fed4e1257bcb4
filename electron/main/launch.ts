/**
 * The app's entry: the command line when started with `--cli` (no window, no tray, no single-instance lock: it runs,
 * prints and exits with the command's code), the desktop app otherwise. Each is loaded only when chosen.
 */
import { cliArguments } from './cli-mode.js';

const args = cliArguments(process.argv, process.defaultApp === true);
if (args === null) {
  await import('./main.js');
} else {
  const [{ runCli }, { processIo, flushOutput }] = await Promise.all([
    import('../cli/main.js'),
    import('../cli/process-io.js'),
  ]);
  const code = await runCli(args, processIo());
  await flushOutput();
  // Electron keeps running without a window; the command is done, so the process ends here with its code.
  process.exit(code);
}
