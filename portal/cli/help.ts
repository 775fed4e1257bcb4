/** The portal CLI's help texts: one per command, printed by `--help` and after a usage error. */

export const MAIN_HELP = `hicare-portal — run and administer the Hi-Care vendor portal

Usage: hicare-portal <command> [options]

Commands:
  serve              Start the portal (HTTP API, signed catalog under /tuf/, packages)
  seed --demo        Fill an empty portal with the demo world and print its accounts
  keys init          Create the TUF signing keys (root offline, the others online)
  keys rotate ROLE   Replace one role's key and publish the root that trusts it
  customer add       Add a customer
  account add        Add an account (customer admin, IT staff, engineer, portal admin)
  contract add       Add a maintenance contract
  system add         Add a covered system to a contract
  publish            Publish a release package as a signed TUF target
  publish-app        Publish an installer of the Update Manager itself (its update feed)
  lifecycle set      Set a major line's GA, end of maintenance and end of service

Options for every command:
  --data DIR         Data directory (default: $HICARE_PORTAL_DATA or ./portal-data)
  --keys DIR         TUF keys directory (default: DIR/keys; keep its offline/ part elsewhere in production)
  --json             Print the result as JSON
  --help             Help for the command

Storage: SQLite in the data directory, or PostgreSQL when DATABASE_URL is set (HICARE_DB_POOL_SIZE connections,
default 10, plus one per serve that listens for the other instances' events and revocations).
Exit codes: 0 done, 1 refused or failed (the error's code and remedy are printed), 2 wrong usage.`;

export const HELP: Record<string, string> = {
  serve: `hicare-portal serve [--host HOST] [--port PORT] [--data DIR] [--keys DIR] [--trust-proxy ADDRESS ...]

Starts the portal. Defaults: --host 127.0.0.1 --port 8780 (or $PORT). DATABASE_URL selects PostgreSQL.
The TUF timestamp is re-signed automatically before it expires while the portal runs. Behind a load balancer,
name it with --trust-proxy (address or CIDR) so that X-Forwarded-For is believed from it and from nothing else.`,
  seed: `hicare-portal seed --demo [--json] [--data DIR]

Creates the signing keys, the signed catalog (three products, real packages for linux, win and mac), the
knowledge base, two customers (Support and Upgrade Support) with contracts and systems, and one account per role
and tier with a random password. Prints the accounts and their passwords (--json: as JSON). Only into an empty portal.`,
  keys: `hicare-portal keys init
hicare-portal keys rotate <root|targets|snapshot|timestamp>

init creates the four ed25519 keys: root in KEYS/offline (keep it off the portal in production), targets,
snapshot and timestamp in KEYS/online. rotate replaces one role's key and publishes a new root version.`,
  customer: `hicare-portal customer add --name NAME [--id ID]`,
  account: `hicare-portal account add --email EMAIL --name NAME --role ROLE [--customer ID]

ROLE is customer-admin, it-staff, engineer or portal-admin; customer roles need --customer.
The password is read from $HICARE_ACCOUNT_PASSWORD, or generated and printed when that is unset.`,
  contract: `hicare-portal contract add --id ID --customer ID --tier support|upgrade-support --start YYYY-MM-DD --end YYYY-MM-DD
                            [--region REGION] [--time-zone ZONE] [--licensed PRODUCT=MAJOR ...]

Systems are added with \`system add\`. The licensed major per product decides what counts as an upgrade.`,
  system: `hicare-portal system add --contract ID --serial SERIAL --product PRODUCT --location TEXT
                          [--installed VERSION] [--platform linux-x64|win-x64|mac-x64|...]`,
  publish: `hicare-portal publish --product P --version V --platform linux|win|mac --arch x64|arm64 --file PACKAGE
                      --installer archive|script|msi|exe|pkg|deb|rpm|appimage [--arg A ...] [--entry PATH]
                      [--timeout SECONDS] [--elevate] --detection JSON [--notes TEXT | --notes-file FILE]
                      [--min-upgrade-from RANGE] [--published-at ISO-INSTANT]

Hashes the file, stores it, adds it as a TUF target with its custom metadata and re-signs targets, snapshot and
timestamp. --detection is a detection rule, e.g. '{"kind":"file","path":"{target}/atlas/VERSION"}'.`,
  'publish-app': `hicare-portal publish-app --file INSTALLER --version V --os win|mac|linux --arch x64|arm64|ia32|armv7l
                          [--notes TEXT | --notes-file FILE]

Signs an installer of the Hi-Care Update Manager into the TUF repository as
hicare-update-manager/V/OS-ARCH/<file name> (length, sha256, and the sha512 electron-updater checks), and re-signs
targets, snapshot and timestamp. The portal then serves it at /app-updates/OS/ARCH/ with the channel file the app's
updater reads (latest.yml, latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml, …); the app installs it only
if its bytes match the signed target. It is never listed as a customer release. Publish each file a platform's
updater needs (macOS: the .zip); prereleases are signed but not offered on the latest channel.`,
  lifecycle: `hicare-portal lifecycle set --product P --major N --ga YYYY-MM-DD [--end-of-maintenance YYYY-MM-DD] [--end-of-service YYYY-MM-DD]

Records the line's dates and re-signs its targets so the signed catalog carries them too.`,
};
