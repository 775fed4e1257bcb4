/** The `hicare` CLI's help texts. */
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

export const MAIN_HELP = `hicare — the Hi-Care Update Manager for IT staff

Usage: hicare [--portal URL] [--json] <command> [options]

Commands:
  trust ROOT.json           Trust a portal's TUF root (shows its fingerprint; never trusted silently)
  login                     Sign in (--email; password from $HICARE_PASSWORD, --password-stdin or a prompt)
  logout                    Sign out and forget the token
  entitlement               Your contracts: tier, status, service period, days left, systems
  systems                   Your systems with their installed versions
  systems set-version S V   Record the version of remote equipment S (entered, not detected)
  check                     Updates and upgrades per system, with the reasons and remedies
  download TARGET...        Download packages (--serial S, --out DIR); a progress bar on a terminal
  verify FILE               Which signed package a file is; fails when it is none
  install TARGET --serial S Install a package on a system of this desktop
  log [--verify]            The operation records (--verify checks the hash chain)
  request create            Open a remote-guidance request (--from-failure last: drafted from a failed install)
  request list|show|message|grant|revoke|confirm|reject|survey|flush

Options:
  --portal URL      The portal (or $HICARE_PORTAL, or the saved setting)
  --json            Machine-readable output on stdout
  --help            Help
Environment: HICARE_HOME (data directory), HICARE_PORTAL, HTTPS_PROXY/NO_PROXY.

${EXIT_CODES_HELP}`;

export const HELP: Record<string, string> = {
  trust: 'hicare trust ROOT.json [--portal URL]\n\nShows the root\'s fingerprint and trusts it for the portal. Compare the fingerprint with the one the portal\'s operator gives you.',
  login: 'hicare login --email EMAIL [--password-stdin] [--portal URL]\n\nThe password comes from $HICARE_PASSWORD, standard input (--password-stdin) or a prompt on a terminal.',
  logout: 'hicare logout',
  entitlement: 'hicare entitlement [--json]',
  systems: 'hicare systems [--json]\nhicare systems set-version SERIAL VERSION',
  check: 'hicare check [--serial S] [--previews] [--json]',
  download: 'hicare download TARGET... [--serial S] [--out DIR] [--json]\n\nTARGET is a package name as `check` lists it, e.g. atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz.',
  verify: 'hicare verify FILE [--json]',
  install: 'hicare install TARGET --serial S [--json]',
  log: 'hicare log [--verify] [--limit N] [--json]',
  request: `hicare request create --from-failure ID|last [--priority P1..P4] [--yes]
hicare request create --serial S --description TEXT --priority P1..P4 [--location TEXT]
    [--alarm TEXT]... [--measurement TEXT]... [--attach FILE]... [--yes]
hicare request list [--state STATE]
hicare request show ID
hicare request message ID TEXT
hicare request grant ID --channel ssh|rdp|vpn|web|other --address HOST --account USER [--scope view|diagnose|repair] [--hours N] [--password P]
hicare request revoke GRANT_ID
hicare request confirm ID | reject ID
hicare request survey ID --rating 1..5 [--comment TEXT]
hicare request flush
hicare request discard KEY

A request drafted from a failed installation shows the matching known issues first, then the draft and every secret
redaction removed. Nothing is sent before you approve (a prompt, or --yes). When the portal cannot be reached the
request is kept on this desktop and sent, exactly once, when it can. Files (--attach: logs, archives, screenshots) are
checked before anything is sent: at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MiB each, text, JSON, gzip, zip, PNG or JPEG. A request the portal
refuses stays on this desktop: \`flush\` shows it with the portal's reason and exits 1 until you discard it.`,
};
