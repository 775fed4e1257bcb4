/** The `hicare` CLI's help texts. */
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

export const MAIN_HELP = `hicare — the Hi-Care Update Manager for IT staff

Usage: hicare [--portal URL] [--json] <command> [options]

Commands:
  trust ROOT.json           Trust a portal's TUF root (checked, its fingerprint shown, asked; --yes in scripts)
  login                     Sign in (--email; password from $HICARE_PASSWORD, --password-stdin or a prompt)
  logout                    Sign out and forget the token
  entitlement               Your contracts: tier, status, service period, days left, systems
  systems                   Your systems with their installed versions
  systems set-version S V   Record the version of remote equipment S: a catalog version, or any with --not-in-catalog
  check                     Updates and upgrades per system, with the reasons and remedies
  download TARGET...        Download packages (--serial S, --out DIR, --previews); a progress bar on a terminal
  verify FILE               Which signed package a file is; fails when it is none
  install TARGET --serial S Install a package on a system of this desktop
  upgrade --serial S --to V Plan the upgrade path to version V, show it, ask, and install it hop by hop (--yes)
  log [--verify]            The operation records (--verify checks the hash chain)
  request create            Open a remote-guidance request (--from-failure last: drafted from a failed install)
  request list|show|message|grant|revoke|confirm|reject|survey|flush
  support-bundle            Pack the app log, operation records and settings, redacted, for support (--preview, --out)

Options:
  --portal URL      The portal (or $HICARE_PORTAL, or the saved setting)
  --json            Machine-readable output on stdout
  --help            Help
Environment: HICARE_HOME (data directory), HICARE_PORTAL, HTTPS_PROXY/NO_PROXY.

${EXIT_CODES_HELP}`;

export const HELP: Record<string, string> = {
  trust: `hicare trust ROOT.json [--yes] [--portal URL]

Checks the root completely (signed by a threshold of its own keys, not expired, every role with at least one key,
at most 1 MiB), shows its fingerprint and asks before trusting it for the portal (--yes in scripts). Compare the
fingerprint with the one the portal's operator gives you.`,
  login:
    'hicare login --email EMAIL [--password-stdin] [--portal URL]\n\nThe password comes from $HICARE_PASSWORD, standard input (--password-stdin) or a prompt on a terminal.',
  logout: 'hicare logout',
  systems:
    "hicare systems [--json]\nhicare systems set-version SERIAL VERSION [--not-in-catalog]\n\nVERSION must be one of the product's versions in the vendor's catalog; --not-in-catalog confirms that the equipment runs\na version installed by other means, which is then shown marked as not in the catalog.",
  entitlement:
    'hicare entitlement [--json]\n\nEach contract with its licensed versions: a major earned by taking an upgrade says since when and on which system.',
  check: 'hicare check [--serial S] [--previews] [--json]',
  download:
    'hicare download TARGET... [--serial S] [--out DIR] [--previews] [--json]\n\nTARGET is a package name as `check` lists it, e.g. atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz. --previews allows prereleases.',
  verify: 'hicare verify FILE [--json]',
  install:
    'hicare install TARGET --serial S [--json]\n\nA release that installs only over a later version than the system runs is refused (UPGRADE_PATH_REQUIRED): use `hicare upgrade`.',
  upgrade: `hicare upgrade --serial S --to VERSION [--yes] [--json]

Plans the path from the installed version to VERSION (e.g. 1.4.2 → 1.9.0 → 2.3.1), every release on it checked
against your contract before anything is downloaded, shows it and asks before installing (--yes in scripts). The
releases are installed in order, each with its log; the first failure stops the path and says where it stopped.`,
  log: 'hicare log [--verify] [--limit N] [--json]',
  'support-bundle': `hicare support-bundle [--out FILE.tar.gz] [--json]
hicare support-bundle --preview [--json]

Packs what the vendor's support needs into one .tar.gz: the app log, the operation records (with whether their hash
chain was intact), the latest failed installations, the settings, and this program's version and platform. Tokens,
passwords, keys, Authorization headers, grant keys and the names in e-mail addresses are removed from every file
first. Without --out it is written to the download folder; an existing file is never overwritten. --preview prints
every file as it would be sent and writes nothing.`,
  request: `hicare request create --from-failure ID|last [--priority P1..P4] [--yes]
hicare request create --serial S --description TEXT --priority P1..P4 [--location TEXT]
    [--alarm TEXT]... [--measurement TEXT]... [--attach FILE]... [--yes]
hicare request list [--state STATE]
hicare request show REQUEST
hicare request message REQUEST TEXT
hicare request grant REQUEST --channel ssh|rdp|vpn|web|other --address HOST --account USER [--scope view|diagnose|repair] [--hours N] [--password P]
hicare request revoke GRANT_ID
hicare request confirm REQUEST | reject REQUEST --reason TEXT
hicare request survey REQUEST --rating 1..5 [--comment TEXT]
hicare request flush
hicare request discard KEY

REQUEST is the request's number (TAC-2026-000002) or its id.
A request drafted from a failed installation shows the matching known issues first, then the draft and every secret
redaction removed. Nothing is sent before you approve (a prompt, or --yes). When the portal cannot be reached the
request is kept on this desktop and sent, exactly once, when it can. Files (--attach: logs, archives, screenshots) are
checked before anything is sent: at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MiB each, text, JSON, gzip, zip, PNG or JPEG. A request the portal
refuses stays on this desktop: \`flush\` shows it with the portal's reason and exits 1 until you discard it.`,
};
