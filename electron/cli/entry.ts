/** The `hicare` program: built into dist/cli/hicare.js, or run from the sources by bin/hicare.js. */
import { runCli } from './main.js';
import { processIo } from './process-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
