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
  customer ...       List, show, add or rename customers
  account ...        List, show, add, change, disable, enable accounts; reset a password
  contract list|show|add|update|renew|change-tier
                     Maintenance contracts: by purchase order, shipment, PAC or renewal; tier changes
  system ...         List, show, add, move or retire covered systems
  publish            Publish a release package as a signed TUF target
  publish-app        Publish an installer of the Update Manager itself (its update feed)
  lifecycle set      Set a major line's GA, end of maintenance and end of service
  mail list          The mail outbox (also: mail retry ID, mail send-test --to ADDRESS)
  release list|show  List releases of every product, or show one with who downloaded it
  release withdraw   Withdraw a release (no longer offered; a notice to those who downloaded it)
  release restore    Undo a withdrawal
  line list|set      List product lines with their lifecycle dates, or set one line's dates
  report KIND        A report for the vendor: sla, surveys, downloads or requests (--json, --csv)
  region             List, show, add and change regions, their response times and business calendars
  article            Knowledge articles: list, show, add, update (a new revision), publish, withdraw, revisions

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
  release: `hicare-portal release list [--q TEXT] [--product PRODUCT] [--withdrawn yes|no] [--offset N] [--limit N]
hicare-portal release show --product PRODUCT --version VERSION
hicare-portal release withdraw --product PRODUCT --version VERSION --reason TEXT
hicare-portal release restore --product PRODUCT --version VERSION
  (each also takes --data DIR, --json or --csv, --lang en|zh-CN)

A withdrawn release is no longer offered to anyone: the entitlement verdict says RELEASE_WITHDRAWN and upgrade paths
skip it. Its bytes are refused to every system that had not downloaded it before the withdrawal; a system that had
gets a notice (not to install it) and may fetch the same bytes again. The signed target stays signed, so bytes
already downloaded still verify. Every withdrawal and restore is in the audit trail as the operator running it.`,
  line: `hicare-portal line list [--q TEXT] [--product PRODUCT] [--offset N] [--limit N]
hicare-portal line set --product PRODUCT --major N --ga YYYY-MM-DD [--end-of-maintenance YYYY-MM-DD]
                       [--end-of-service YYYY-MM-DD] [--wait-seconds N]
  (each also takes --data DIR, --json or --csv, --lang en|zh-CN)

\`line set\` is \`lifecycle set\` with an audit row: on SQLite the line's targets are re-signed at once; on PostgreSQL
a job is queued for the signer and awaited up to --wait-seconds (default and at most 60), after which the job is
named and left to the signer. Dates out of order (end of service before end of maintenance, either before GA) are
refused before anything is recorded or queued.`,
  serve: `hicare-portal serve [--host HOST] [--port PORT] [--data DIR] [--keys DIR] [--trust-proxy ADDRESS ...]

Starts the portal. Defaults: --host 127.0.0.1 --port 8780. DATABASE_URL selects PostgreSQL.
The TUF timestamp is re-signed automatically before it expires while the portal runs. Behind a load balancer,
name it with --trust-proxy (address or CIDR) so that X-Forwarded-For is believed from it and from nothing else.

Environment (a flag wins over its variable): HOST, PORT, HICARE_TRUST_PROXY (comma-separated), HICARE_PORTAL_DATA,
DATABASE_URL, HICARE_DATABASE_SCHEMA, HICARE_DB_POOL_SIZE, HICARE_LOG_LEVEL (fatal…trace, silent; default info),
HICARE_METRICS_TOKEN (then /metrics needs it as a bearer token). The log is JSON lines on standard error, one per
request with its X-Request-Id. /healthz answers while the process runs; /readyz when it can serve.

The key for remote-access passwords comes from HICARE_GRANT_KEY or HICARE_GRANT_KEY_FILE (see \`keys grant-key\`);
on PostgreSQL one is required, and serve refuses a key that does not open the grants already stored.

E-mail (survey invitations, request updates, SLA at risk, contracts expiring) is sent from the database's outbox by
every serve: HICARE_SMTP_URL (smtp://host:587, smtp://user:password@host:587 or smtps://…:465; unset: mail stays
queued), HICARE_MAIL_FROM (the From address), HICARE_PUBLIC_URL (the portal's address in the mails' links; default:
the address serve listens on). While SMTP is down mail waits and is tried again with backoff; see \`mail list\`.`,
  mail: `hicare-portal mail list [--q TEXT] [--state queued|sending|sent|failed] [--kind KIND] [--offset N] [--limit N]
hicare-portal mail retry ID
hicare-portal mail send-test --to ADDRESS
(each also takes --json, --csv, --lang en|zh-CN)

list: the outbox, newest first, with attempts and the last error. retry: makes a queued or failed mail due now
(a sent one is refused, so it cannot go out twice). send-test: sends one mail at once through HICARE_SMTP_URL
and prints its Message-ID. A mail is marked sent only after the SMTP server accepted it; if the portal stops
between the two, the mail is sent again with the same Message-ID, which the SMTP log and mail programs show.`,
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
  customer: `hicare-portal customer list [--q TEXT] [--offset N] [--limit N] [--json | --csv] [--lang en|zh-CN]
hicare-portal customer show ID
hicare-portal customer add --name NAME [--id ID]
hicare-portal customer update ID --name NAME

list shows each customer with how many contracts, accounts and (not retired) systems it has; --q matches the name
or the id. Every change is kept in the audit trail with the operator's user@host.`,
  account: `hicare-portal account list [--q TEXT] [--customer ID] [--role ROLE] [--offset N] [--limit N] [--json | --csv]
hicare-portal account show ID
hicare-portal account add --email EMAIL --name NAME --role ROLE [--customer ID]
hicare-portal account update ID [--name NAME] [--role ROLE] [--customer ID | --no-customer]
hicare-portal account disable ID
hicare-portal account enable ID
hicare-portal account reset-password ID

ROLE is customer-admin, it-staff, engineer or portal-admin; customer roles need --customer, the others refuse it.
add and reset-password read the password from $HICARE_ACCOUNT_PASSWORD, or generate a one-time password and print
it once. disable signs the account out everywhere and revokes its API keys; enable does not bring them back.`,
  contract: `hicare-portal contract list [--q TEXT] [--customer ID] [--status pending|active|expiring|expired]
                            [--region REGION] [--offset N] [--limit N] [--json|--csv] [--lang en|zh-CN]
hicare-portal contract show ID
hicare-portal contract add --id ID --customer ID --tier support|upgrade-support --end YYYY-MM-DD
                           (--start YYYY-MM-DD | --shipped YYYY-MM-DD [--installation-services --pac YYYY-MM-DD]
                            | --renews CONTRACT) [--region REGION] [--time-zone ZONE] [--licensed PRODUCT=MAJOR ...]
hicare-portal contract update ID [--end YYYY-MM-DD] [--region REGION] [--time-zone ZONE] [--licensed PRODUCT=MAJOR ...]
hicare-portal contract renew ID --id NEW-ID --end YYYY-MM-DD [--tier TIER] [--region REGION] [--time-zone ZONE]
                                [--licensed PRODUCT=MAJOR ...]
hicare-portal contract change-tier ID --tier TIER --on YYYY-MM-DD [--id NEW-ID]

The service start comes from exactly one of: --start (the purchase order's date), --shipped (90 days after the
shipment, or the --pac date when installation services were bought), or --renews (the day after that contract
ends; the same customer; tier, region, zone, systems and licensed majors carried over unless given).
A renewal or a contract of the customer that covers the same system on the same day is refused.
change-tier ends the contract the day before --on and starts a new period with the new tier to the same end.
The start never changes with update. Systems are added with \`system add\`. The licensed major per product decides
what counts as an upgrade. Every change is recorded in the audit trail as the operator running the command.`,
  system: `hicare-portal system list [--q TEXT] [--customer ID] [--contract ID] [--offset N] [--limit N] [--json | --csv]
hicare-portal system show SERIAL
hicare-portal system add --contract ID --serial SERIAL --product PRODUCT --location TEXT
                         [--installed VERSION] [--platform linux-x64|win-x64|mac-x64|...]
hicare-portal system move SERIAL --location TEXT
hicare-portal system retire SERIAL [--reason TEXT]

list shows one row per system and contract (a renewal lists a system again), with the installed version when one
was reported. move changes the location on every contract that lists the serial. A retired system is no longer
covered: its customer's desktop no longer lists it and downloads for it are refused.`,
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
  report: `hicare-portal report sla|surveys|downloads|requests [--from YYYY-MM] [--to YYYY-MM] [--customer ID]
                             [--comments] [--json | --csv] [--lang en|zh-CN]

sla        per month of acceptance and priority P1–P4: accepted, met, breached (late, or open and past due),
           running, median and 90th percentile of the time to first contact
surveys    per month of answer: answers, average and how many gave each rating; then the comments, newest
           first (--comments: only the comments, e.g. as CSV)
downloads  per customer, contract and serial: downloads, bytes, last download, releases
requests   per product and version (the version an install failure started from): by state and priority

Months are calendar months in UTC. Without --to the report ends with the current month; without --from it
covers the twelve months up to --to. --customer narrows it to one customer. A table by default, in the
language of --lang or LANG; --json prints the report as the API returns it, --csv the table for a spreadsheet
(plain numbers, ISO months and instants, durations in minutes).`,
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
  article: `hicare-portal article list [--q TEXT] [--state draft|published|withdrawn] [--kind KIND] [--product PRODUCT]
                          [--offset N] [--limit N]
hicare-portal article show ID [--revision N]
hicare-portal article revisions ID
hicare-portal article add ID --kind KIND --title TITLE --body-file FILE.md|- [--product PRODUCT] [--versions RANGE]
                         [--locale en|zh-CN] [--exit-codes 3,4] [--log-contains TEXT] [--note TEXT]
hicare-portal article update ID [--title TITLE] [--body-file FILE.md|-] [--kind KIND] [--product PRODUCT | --no-product]
                            [--versions RANGE | --all-versions] [--locale en|zh-CN]
                            [--exit-codes 3,4] [--log-contains TEXT] [--no-signatures] [--note TEXT]
                            [--base-revision N]
hicare-portal article publish ID [--revision N]
hicare-portal article withdraw ID --reason TEXT
  (each also takes --data DIR, --json or --csv, --lang en|zh-CN)

KIND is document, configuration-guide, maintenance-case or known-issue. The text is Markdown, read from FILE.md or,
with --body-file -, from standard input. --versions is a semver range such as "^4" or ">=4.2.0 <4.2.2"; without it
the article applies to every version. --exit-codes and --log-contains state one error signature (a known issue
matches an installer failure by it). \`add\` saves a draft; \`update\` saves a new revision from the newest one,
changing only the flags given (--base-revision N refuses the save if someone saved after revision N). Readers see
an article only once it is published, and then the published revision until another is published; \`publish
--revision N\` publishes an earlier revision again. A withdrawn article's link tells readers the reason; publishing
it again restores it. Every change is audited with the operator's user@host.`,
};
