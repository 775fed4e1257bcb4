/** The portal CLI's help texts: one per command, printed by `--help` and after a usage error. */

export const MAIN_HELP = `hicare-portal — run and administer the Hi-Care vendor portal

Usage: hicare-portal <command> [options]

Commands:
  serve              Start the portal (HTTP API, signed catalog under /tuf/, packages)
  signer             On PostgreSQL: the one process that signs (publishes, re-signs before expiry)
  migrate            Bring the database up to this version's schema, and say what was applied
  seed --demo        Fill an empty portal with the demo world and print its accounts
  keys init          Create the signing keys (root into --offline-keys DIR) and sign the first, empty catalog
  keys rotate ROLE   Replace one role's key and publish the root that trusts it
  keys grant-key     Print a new key for remote-access passwords (HICARE_GRANT_KEY)
  customer add       Add a customer
  account add        Add an account (customer admin, IT staff, engineer, portal admin)
  contract add       Add a maintenance contract
  system add         Add a covered system to a contract
  publish            Publish a release package as a signed TUF target
  publish-app        Publish an installer of the Update Manager itself (its update feed)
  lifecycle set      Set a major line's GA, end of maintenance and end of service
  region             List, show, add and change regions, their response times and business calendars

Options for every command:
  --data DIR         Data directory (default: $HICARE_PORTAL_DATA or ./portal-data)
  --keys DIR         TUF keys directory (default: DIR/keys; keep its offline/ part elsewhere in production)
  --json             Print the result as JSON
  --help             Help for the command

Storage: SQLite in the data directory, or PostgreSQL when DATABASE_URL is set (HICARE_DB_POOL_SIZE connections,
default 10, plus one per serve that listens for the other instances' events and revocations). On SQLite one
\`serve\` does everything. On PostgreSQL the portal is shared: run \`migrate\` once per upgrade, any number of
\`serve\`, and \`signer\`; publish and lifecycle set then queue a job that the signer runs.
Exit codes: 0 done, 1 refused or failed (the error's code and remedy are printed), 2 wrong usage.`;

export const HELP: Record<string, string> = {
  serve: `hicare-portal serve [--host HOST] [--port PORT] [--data DIR] [--keys DIR] [--trust-proxy ADDRESS ...]

Starts the portal. Defaults: --host 127.0.0.1 --port 8780. DATABASE_URL selects PostgreSQL.
The TUF timestamp is re-signed automatically before it expires while the portal runs. Behind a load balancer,
name it with --trust-proxy (address or CIDR) so that X-Forwarded-For is believed from it and from nothing else.

Environment (a flag wins over its variable): HOST, PORT, HICARE_TRUST_PROXY (comma-separated), HICARE_PORTAL_DATA,
DATABASE_URL, HICARE_DATABASE_SCHEMA, HICARE_DB_POOL_SIZE, HICARE_LOG_LEVEL (fatal…trace, silent; default info),
HICARE_METRICS_TOKEN (then /metrics needs it as a bearer token). The log is JSON lines on standard error, one per
request with its X-Request-Id. /healthz answers while the process runs; /readyz when it can serve.

The key for remote-access passwords comes from HICARE_GRANT_KEY or HICARE_GRANT_KEY_FILE (see \`keys grant-key\`);
on PostgreSQL one is required, and serve refuses a key that does not open the grants already stored.`,
  signer: `hicare-portal signer [--keys DIR] [--data DIR] [--refresh-every SECONDS] [--heartbeat-every SECONDS]

The only process of a portal on PostgreSQL (DATABASE_URL) that holds the online keys. One signer leads at a time:
it holds a PostgreSQL advisory lock, which the database releases when the process ends however it ends. Start a
second one on another machine: it logs that it is standing by and takes over within seconds if the leader dies.
The leader writes a heartbeat every 5 s (--heartbeat-every), checks every 60 s (--refresh-every) whether the
timestamp, snapshot or targets metadata is about to expire and re-signs it, and runs the publish jobs queued by
\`publish\` and \`lifecycle set\` in order. A job a dead leader left unfinished is run again by the next one.
SIGTERM or SIGINT: finishes the job in hand, releases the lock, exits 0. Logs are JSON lines on standard output
(HICARE_LOG_LEVEL: info by default). Refused on SQLite, where \`serve\` signs by itself.`,
  migrate: `hicare-portal migrate [--data DIR] [--json]

Applies the database migrations this version has and the database lacks, and prints their names (or says that
there is nothing to do). On PostgreSQL \`serve\` and \`signer\` never migrate: they refuse a database that is
behind (DATABASE_BEHIND) until this has run. A database migrated by a newer portal is refused (DATABASE_AHEAD).
On SQLite \`serve\` migrates at start, as one process does everything there.`,
  seed: `hicare-portal seed --demo [--json] [--data DIR]

Creates the signing keys, the signed catalog (three products, real packages for linux, win and mac), the
knowledge base, two customers (Support and Upgrade Support) with contracts and systems, and one account per role
and tier with a random password. Prints the accounts and their passwords (--json: as JSON). Only into an empty portal.`,
  keys: `hicare-portal keys init --offline-keys DIR
hicare-portal keys rotate <root|targets|snapshot|timestamp> [--offline-keys DIR]
hicare-portal keys grant-key

init creates the four ed25519 keys: root in the --offline-keys directory (required: move it off the portal
machine afterwards), targets, snapshot and timestamp in KEYS/online; then it signs the first, empty catalog
where the portal keeps it (the data directory, or the database on PostgreSQL). rotate replaces one role's key
and publishes a new root version; it needs the root key, from --offline-keys (or KEYS/offline when not given).
grant-key prints a new key for remote-access passwords; give the same one to every serve as HICARE_GRANT_KEY
or in a 0600 file named by HICARE_GRANT_KEY_FILE (required on PostgreSQL).`,
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
                      [--min-upgrade-from RANGE] [--published-at ISO-INSTANT] [--no-wait] [--wait-timeout SECONDS]

Hashes the file, stores it, adds it as a TUF target with its custom metadata and re-signs targets, snapshot and
timestamp. --detection is a detection rule, e.g. '{"kind":"file","path":"{target}/atlas/VERSION"}'.
On PostgreSQL the signer publishes: the package is uploaded to the portal's store, a job is queued, and the
command waits for the signer's answer (at most --wait-timeout, default 600 s; the job stays queued after that).
--no-wait prints the job's id and returns at once. A job that fails prints the signer's error and exits 1.`,
  'publish-app': `hicare-portal publish-app --file INSTALLER --version V --os win|mac|linux --arch x64|arm64|ia32|armv7l
                          [--notes TEXT | --notes-file FILE]

Signs an installer of the Hi-Care Update Manager into the TUF repository as
hicare-update-manager/V/OS-ARCH/<file name> (length, sha256, and the sha512 electron-updater checks), and re-signs
targets, snapshot and timestamp. The portal then serves it at /app-updates/OS/ARCH/ with the channel file the app's
updater reads (latest.yml, latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml, …); the app installs it only
if its bytes match the signed target. It is never listed as a customer release. Publish each file a platform's
updater needs (macOS: the .zip); prereleases are signed but not offered on the latest channel.`,
  lifecycle: `hicare-portal lifecycle set --product P --major N --ga YYYY-MM-DD [--end-of-maintenance YYYY-MM-DD] [--end-of-service YYYY-MM-DD]
                     [--no-wait] [--wait-timeout SECONDS]

Records the line's dates and re-signs its targets so the signed catalog carries them too. On PostgreSQL this is a
job for the signer, as with publish (--no-wait and --wait-timeout as there).`,
  region: `hicare-portal region list [--q TEXT] [--offset N] [--limit N]
hicare-portal region show REGION
hicare-portal region add REGION --name NAME [--response P3=90 ...]
hicare-portal region update REGION [--name NAME] [--response P4=nbd ... | --default-times]
hicare-portal region calendar set REGION --year YYYY [--time-zone ZONE] [--hours 09:00-18:00] [--workdays mon-fri]
                                  [--holiday YYYY-MM-DD ...] [--working-weekend YYYY-MM-DD ...]
hicare-portal region calendar remove REGION --year YYYY
Each takes --json or --csv, and --lang en|zh-CN for the words.

A region's response times override the service description's P1–P4 targets (minutes, or nbd for next business
day); --response replaces the whole table, --default-times clears it. Its business calendar is kept per year: time
zone, business hours, working days, holidays and working days moved onto a weekend (the dates must fall in that
year). Setting a year that exists changes only the flags given; a new year needs --time-zone and starts from
Monday to Friday, 09:00-18:00. Contracts naming the region are judged by it; a year without a calendar follows the
latest earlier year's hours, days and zone. Every change is audited with the operator's user@host.`,
};
