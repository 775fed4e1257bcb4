/** The hicare command line: help, tables, progress and results. Flag names and commands stay as typed. */
import type { Messages } from '../../messages.js';

export const cli = {
  help: {
    main: `hicare — the Hi-Care Update Manager for IT staff

Usage: hicare [--portal URL] [--json] [--lang en|zh-CN] [-q|-v] '<'command> [options]
       hicare help '<'command> ['<'subcommand>]

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
  kb search WORDS...        Search the knowledge base (--product P, --version V, --kind K)
  kb show ID                Read an article
  support-bundle            Pack the app log, operation records and settings, redacted, for support (--preview, --out)
  bundle create|verify      Offline bundles: packages, their signed metadata and an entitlement statement in one file
  mirror serve BUNDLE...    Serve bundles read-only over HTTP to a site without internet (--port P)
  config get|set|unset|list Settings: portal, proxy, ca-bundle, download-folder (list says where each comes from)
  completion SHELL          Print a completion script for bash, zsh or powershell
  help COMMAND [SUB]        A command's help

Options:
  --portal URL      The portal (or $HICARE_PORTAL, or the saved setting)
  --json            Machine-readable output on stdout
  --lang LANG       The language of the output: en or zh-CN (else from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)
  --ca-bundle FILE  A PEM bundle of extra CAs for this run (before the ca-bundle setting; NODE_EXTRA_CA_CERTS
                    applies only when neither is given)
  -q, --quiet       Only results and errors: no progress bars, no hints
  -v, --verbose     Debug lines on standard error (as HICARE_DEBUG=1)
  -V, --version     The version of hicare
  -h, --help        Help
Environment: HICARE_HOME (data directory), HICARE_PORTAL, HTTPS_PROXY/NO_PROXY, NODE_EXTRA_CA_CERTS.

{exitCodes}`,
    exitCodes: `Exit codes:
  0  done
  1  failed (the error's code and remedy are printed)
  2  wrong usage (the command's help is printed)
  3  not entitled: the contract, or an offline bundle's entitlement statement, does not allow it
  4  not trusted: the trust root, signed catalog, bundle, package hash or length check failed — nothing was installed
  5  the installer failed (its log and exit code are printed; a service request can be opened)
  6  offline or the portal did not answer
  7  not found: no such target, system, request or file
  8  does not fit: a package for another product or platform, or a version the upgrade path does not allow yet
  9  refused by the portal: not signed in, or this account may not do it
 10  not confirmed: the question could not be asked (no terminal; add --yes) or was answered no
 11  withdrawn: the article was withdrawn (the notice says when and why; search for a newer one)
100  check: updates are available for your systems`,
    trust: `hicare trust ROOT.json [--yes] [--portal URL]

Checks the root completely (signed by a threshold of its own keys, not expired, every role with at least one key,
at most 1 MiB), shows its fingerprint and asks before trusting it for the portal (--yes in scripts). Compare the
fingerprint with the one the portal's operator gives you.`,
    login: `hicare login --email EMAIL [--password-stdin] [--portal URL]

The password comes from $HICARE_PASSWORD, standard input (--password-stdin) or a prompt on a terminal.`,
    logout: `hicare logout

Signs out and forgets the token.`,
    systems: `hicare systems [--json]
hicare systems set-version SERIAL VERSION [--not-in-catalog]

VERSION must be one of the product's versions in the vendor's catalog; --not-in-catalog confirms that the equipment runs
a version installed by other means, which is then shown marked as not in the catalog.`,
    entitlement: `hicare entitlement [--json]

Each contract with its licensed versions: a major earned by taking an upgrade says since when and on which system.`,
    check: `hicare check [--serial S] [--previews] [--json]

Updates and upgrades per system, with the reasons and remedies. --previews includes prereleases.`,
    download: `hicare download TARGET... [--serial S] [--out DIR] [--previews] [--json]

TARGET is a package name as \`check\` lists it, e.g. atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz. --previews allows prereleases.`,
    verify: `hicare verify FILE [--json]

Says which signed package a file is; fails when it is none.`,
    install: `hicare install TARGET --serial S [--json]
hicare install --bundle FILE --serial S [--target NAME] [--contract C] [--json]
hicare install --mirror URL --serial S [--target NAME] [--contract C] [--json]

A release that installs only over a later version than the system runs is refused (UPGRADE_PATH_REQUIRED): use \`hicare upgrade\`.
With --bundle (a file from \`hicare bundle create\`) or --mirror (a site mirror), nothing goes to the network: the
bundle is verified against the root this machine trusts and its statement must cover S (and contract C, or the
system's contract when this machine knows it). The newest release of the system's product for this platform is
installed, or each release of its path in order; --target installs one named release.`,
    upgrade: `hicare upgrade --serial S --to VERSION [--yes] [--json]

Plans the path from the installed version to VERSION (e.g. 1.4.2 → 1.9.0 → 2.3.1), every release on it checked
against your contract before anything is downloaded, shows it and asks before installing (--yes in scripts). The
releases are installed in order, each with its log; the first failure stops the path and says where it stopped.`,
    log: `hicare log [--verify] [--limit N] [--json]

The latest operation records, oldest first (--limit N, 20 by default); --verify checks their hash chain.`,
    supportBundle: `hicare support-bundle [--out FILE.tar.gz] [--json]
hicare support-bundle --preview [--json]

Packs what the vendor's support needs into one .tar.gz: the app log, the operation records (with whether their hash
chain was intact), the latest failed installations, the settings, and this program's version and platform. Tokens,
passwords, keys, Authorization headers, grant keys and the names in e-mail addresses are removed from every file
first. Without --out it is written to the download folder; an existing file is never overwritten. --preview prints
every file as it would be sent and writes nothing.`,
    kb: `hicare kb search WORDS... [--product P] [--version V] [--kind KIND] [--json]
hicare kb show ID [--json]

search finds published articles and accepted community answers, best first, in any language (Chinese words too):
a table of id, kind, title and a snippet with your words marked (bold on a terminal, [in brackets] otherwise).
KIND is document, configuration-guide, maintenance-case or known-issue. show prints an article as text, its links
followed by their addresses. A withdrawn article prints the notice and exits 11; an unknown id exits 7.`,
    config: `hicare config list [--json]
hicare config get KEY
hicare config set KEY VALUE
hicare config unset KEY

KEY is portal, proxy, ca-bundle or download-folder; the app's Settings show the same values. set checks the value
first: portal and proxy must be http:// or https:// addresses, ca-bundle a readable PEM file, download-folder a folder
that can be created and written to. get prints the value in force alone (nothing when there is none); list shows each
value and where it comes from: a flag (--portal, --ca-bundle), the environment (HICARE_PORTAL, HTTPS_PROXY,
NODE_EXTRA_CA_CERTS), the setting, or the default.`,
    completion: `hicare completion bash|zsh|powershell

Prints a script that completes hicare's commands, subcommands and flags.
  bash:        source <(hicare completion bash)              (in ~/.bashrc)
  zsh:         source <(hicare completion zsh)               (in ~/.zshrc, after compinit)
  PowerShell:  hicare completion powershell | Out-String | Invoke-Expression   (in $PROFILE)`,
    help: `hicare help [COMMAND [SUBCOMMAND]]

The main help, a command's help, or a subcommand's usage with its explanation.`,
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
checked before anything is sent: at most {maxMiB} MiB each, text, JSON, gzip, zip, PNG or JPEG. A request the portal
refuses stays on this desktop: \`flush\` shows it with the portal's reason and exits 1 until you discard it.`,
    bundle: `hicare bundle create --serial S [--serial S2]... (--release NAME... | --updates | --path-to VERSION)
    --out FILE [--valid-days N]
hicare bundle verify FILE | --mirror URL

create writes one file for a site without internet: the packages, the signed catalog that verifies them and a
statement the portal signs for these systems, valid --valid-days days (90 unless given). --release takes named
packages, --updates what each system should take now, --path-to every hop to VERSION. Downloads are checked by the
portal against your contract, as online. The file is a tar archive; tar tf lists it.`,
    mirror: `hicare mirror serve BUNDLE... --port P [--host H]

Serves bundles read-only over HTTP to the desktops of a site: the newest bundle's catalog and packages, each bundle
at /bundles/N/, and /mirror.json. It runs until stopped with Ctrl+C. Desktops verify everything they are served.`,
  },
  usage: {
    missingArgument: 'Missing argument.',
    unexpectedArgument: 'Unexpected argument: {argument}',
    unknownOption: 'Unknown option: {option}',
    optionNeedsValue: 'The option {option} needs a value.',
    optionTakesNoValue: 'The option {option} takes no value.',
    badOptions: 'The options given do not fit this command.',
    unknownCommand: 'Unknown command: {command}',
    unknownLanguage: 'Unknown language for --lang: {given}. Choose one of: {choices}.',
    missingLanguage: '--lang needs a language: {choices}.',
    missingEmail: 'Missing --email.',
    noPassword: 'No password: set $HICARE_PASSWORD or use --password-stdin.',
    setVersion: 'Use: hicare systems set-version SERIAL VERSION [--not-in-catalog]',
    notInCatalogAlone: '--not-in-catalog goes with set-version.',
    unknownSystemsCommand: 'Unknown systems command: {command}',
    missingSerial: 'Missing --serial.',
    previewOrOut: '--preview writes nothing: give either --preview or --out.',
    upgradeNeeds: 'Give --serial S and --to VERSION.',
    priorityChoices: '--priority must be one of {choices}.',
    kindChoices: '--kind must be one of {choices}.',
    kbSubcommand: 'Say what to do: kb search WORDS... or kb show ID.',
    createNeeds: 'Give --from-failure ID|last, or --serial, --description and --priority.',
    grantNeeds: 'Give --channel, --address and --account.',
    rejectNeedsReason: 'Give --reason: say why the solution did not work.',
    ratingRange: '--rating must be 1 to 5.',
    unknownRequestCommand: 'Unknown request command: {command}',
    unknownSubcommand: 'Unknown {command} command: {sub}',
    completionShell: 'Give a shell: {choices}.',
    configSubcommand: 'Say what to do: config list, config get KEY, config set KEY VALUE or config unset KEY.',
    configNeedsKey: 'Give a setting: {choices}.',
    configKey: 'Unknown setting: {key}. Choose one of: {choices}.',
    configNeedsValue: 'Give the value: hicare config set {key} VALUE',
    missingRequestCommand:
      'Give a request command: create, list, show, message, grant, revoke, confirm, reject, survey, flush or discard.',
  },
  report: {
    error: 'error {code}: {message}',
    command: 'Command: {command}',
    previewsHint: '{check}, then {download}',
    installerLog: 'Installer log (last lines):',
    fromFailure: 'See the known issues and open a remote-guidance request drafted from this failure:',
    internal: 'error INTERNAL: Something went wrong inside hicare.',
    internalRemedy:
      'Run it again; if it persists, report it to the vendor with the command you ran (HICARE_DEBUG=1 shows the details).',
  },
  config: {
    head: { key: 'KEY', value: 'VALUE', source: 'FROM' },
    notSet: '(not set)',
    source:
      '{source, select, flag {flag {from}} env {environment {from}} setting {setting} default {default} other {{source}}}',
    saved: '{key} is set to {value}.',
    removed: '{key} is no longer set.',
  },
  confirm: {
    prompt: '{question} [y/N] ',
  },
  trust: {
    fingerprint: '  fingerprint (SHA-256): {fingerprint}',
    version: '  root version {version}, expires {expiresAt}',
    compare: "Compare the fingerprint with the one your portal's operator gave you.",
    question: 'Trust this root for the portal?',
    trusting: 'Trusting {file}',
  },
  login: {
    password: 'Password for {email}: ',
    signedIn:
      'Signed in to {portal} as {name}, {email} ({role, select, customer_admin {customer administrator} it_staff {IT staff} engineer {engineer} portal_admin {portal administrator} other {{role}}}) until {expiresAt}.',
    signedOut: 'Signed out.',
  },
  contracts: {
    none: 'You have no contracts.',
    active: '{id}  {tier}  active ({days, plural, one {# day} other {# days}} left)',
    expiring: '{id}  {tier}  expiring ({days, plural, one {# day} other {# days}} left)',
    pending: '{id}  {tier}  pending (starts in {days, plural, one {# day} other {# days}})',
    expired: '{id}  {tier}  expired',
    servicePeriod: '  service period {start} – {end} ({zone}), {region}',
    licensed: '  Licensed versions: {phrases}',
    licensedSeparator: '; ',
  },
  systems: {
    serial: 'SERIAL',
    product: 'PRODUCT',
    installed: 'INSTALLED',
    source: 'SOURCE',
    platform: 'PLATFORM',
    location: 'LOCATION',
    unknownVersion: '(unknown)',
    notInCatalog: '{version} (not in the catalog)',
    sourceOf:
      '{source, select, detected {detected} entered {entered} installed {installed} portal {portal} other {{source}}}',
    remote: 'remote',
    entered: '{serial}: {product} {version} (entered)',
    enteredNotInCatalog: '{serial}: {product} {version} (entered, not in the catalog)',
  },
  check: {
    versionUnknown: '(version unknown)',
    enterVersion: 'Enter the installed version: hicare systems set-version {serial} VERSION',
    upToDate: 'Up to date.',
    withdrawnNotice: '! Downloaded for this system on {downloadedAt}, withdrawn on {withdrawnAt}: do not install it.',
    nothingNewerNotInCatalog: 'No newer release in the catalog (the installed version is not in it).',
    update: 'update',
    upgrade: 'upgrade',
    installsOnlyOver: 'installs only over {range}: hicare upgrade --serial {serial} --to {version}',
    pathTo: 'Path to {version}: {path}',
  },
  download: {
    eta: 'ETA {seconds}s',
    verified: '{file}  {length} bytes  sha256 {sha256}  verified',
    verifiedFromCache: '{file}  {length} bytes  sha256 {sha256}  verified (from cache)',
  },
  verify: {
    signed: '{file} is {target}: {product} {version} for {platform}, signed.',
  },
  install: {
    installed: 'Installed on {serial}: {from} → {to} in {seconds} s.',
    noneBefore: '(none)',
  },
  log: {
    intact: 'The operation log is intact: {count, plural, one {# record} other {# records}}, hash chain verified.',
  },
  upgrade: {
    pathFor: 'Path for {serial}: {path}',
    hop: '  {step}. {product} {version}  {kind, select, update {update} upgrade {upgrade} other {{kind}}}, included in your contract',
    hopOver:
      '  {step}. {product} {version}  {kind, select, update {update} upgrade {upgrade} other {{kind}}}, included in your contract, installs over {range}',
    question: '{count, plural, one {Install this release on {serial}?} other {Install these # releases on {serial}?}}',
    step: 'Step {step} of {count}: installing {product} {version}',
    hopDone: '{version} installed: version {detected} detected.',
    upgraded: 'Upgraded {serial}: {path}.',
    stoppedNothingDone: 'The path stopped at {version} (step {step} of {count}); {serial} still runs {from}.',
    stoppedSomeDone:
      'The path stopped at {version} (step {step} of {count}); {done} {doneCount, plural, one {is} other {are}} installed.',
    stoppedBecause: '{stopped} {problem}',
  },
  support: {
    wouldHold: 'The support bundle would hold {count, plural, one {# file} other {# files}}:',
    file: '  {name}  {bytes} bytes',
    fileHeader: '===== {name} ({bytes} bytes, redacted) =====',
    nothingWritten: 'Nothing was written. Run without --preview to write it.',
    written:
      "Support bundle written to {path} ({bytes} bytes).\nSecrets were removed; `hicare support-bundle --preview` shows what it holds. Send it to your vendor's support.",
  },
  request: {
    state: `{state, select,
      submitted {submitted}
      accepted {accepted}
      in_progress {in progress}
      awaiting_customer {awaiting customer}
      solution_proposed {solution proposed}
      confirmed {confirmed}
      closed {closed}
      cancelled {cancelled}
      other {{state}}}`,
    line: '{number}  {state}  {priority}  {serial} ({product})  {sla}',
    awaitingAcceptance: 'waiting for TAC to accept',
    firstContactDue: 'first contact due {dueAt}',
    response: 'response {state, select, met {met} breached {breached} other {{state}}}',
    none: 'No requests.',
    sendQuestion: 'Send this request to the Technical Assistance Center?',
    sent: 'Sent: {request}',
    queued:
      'Queued on this desktop: {reason}\nIt is sent by the next `hicare request flush` (or any request command) once the portal answers.',
    knownIssues: 'Known issues that match this failure — one of them may solve it without a request:',
    knownIssue: '  • {title} ({id})',
    draftFor: 'Request draft for {serial} at {location}',
    draftPriority: '  priority {priority}: {definition}',
    draftAttached:
      '  installer log: {lines, plural, one {# line} other {# lines}}; {records, plural, one {# operation record} other {# operation records}}; system information',
    nothingSecret: '  Redaction: nothing secret was found.',
    redactionRemoved: '  Redaction removed {count, plural, one {# secret} other {# secrets}}:',
    redactedAt: '    - {kind} in {path}: {masked}',
    redactedAtLine: '    - {kind} in {path} line {line}: {masked}',
    descriptionRedacted: 'Redaction removed {count, plural, one {# secret} other {# secrets}} from the description:',
    descriptionRedaction: '  - {kind} on line {line}: {masked}',
    notSent: 'Not sent: {serial} "{summary}" ({key})',
    flushed: '{sent} sent, {waiting} still waiting, {refused} refused.',
    discarded: 'The request was discarded from this desktop; nothing was sent.',
    messageSent: 'Message sent at {sentAt}.',
    grant: 'Grant {id}: {channel} {account}@{address}, {scope}, until {expiresAt}',
    grantPassword: '  password: {password}',
    grantPasswordOnce: '  Set this password on the account now; it is shown only once.',
    revoked: "Grant {id} revoked at {revokedAt}. Remove the account's access on the system too.",
    surveyThanks: 'Thank you: your rating was recorded.',
  },
  kb: {
    head: { id: 'ID', kind: 'KIND', title: 'TITLE', snippet: 'SNIPPET' },
    kind: '{kind, select, document {document} configuration_guide {configuration guide} maintenance_case {maintenance case} known_issue {known issue} other {article}}',
    community: 'community answer',
    none: 'Nothing in the knowledge base matches.',
    total: 'Showing {shown} of {total}. Read one with: hicare kb show ID',
    articleLine: '{id} · {kind} · {product} {versions} · updated {updatedAt} · revision {revision}',
    allProducts: 'all products',
    allVersions: '(every version)',
    related: 'Related articles:',
  },
} satisfies Messages;
