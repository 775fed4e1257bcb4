/**
 * Whether the desktop app was started as the `hicare` command line. The installed launchers run the app's binary
 * with `--cli` first (Electron's runAsNode fuse is off, so the binary cannot run a script as Node would); a
 * development run through `electron . --cli` has the app's folder before it.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const rest = argv.slice(defaultApp ? 2 : 1);
  return rest[0] === '--cli' ? rest.slice(1) : null;
}
