/** Errors the portal answers with (HTTP, accounts, entitlement, knowledge, operations, its CLI), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

const ROLE_ACCOUNT =
  '{role, select, customerAdmin {A customer administrator account} itStaff {An IT staff account} engineer {A support engineer account} other {A portal administrator account}}';
/** What a serve setting must be, by the setting's kind. */
const EXPECTED =
  '{expected, select, port {a port number from 0 to 65535} host {an IP address or a host name (0.0.0.0 listens on every address)} proxies {a comma-separated list of IP addresses or CIDR ranges (such as 10.0.0.0/8)} schema {a schema name of letters, digits and "_"} other {one of {choices}}}';

export const portalErrors = {
  INVALID_INPUT: {
    packageQuery: {
      message: 'These values are not accepted: {issues}.',
      remedy: 'Send only serialNumber, installedVersion and previews.',
    },
    bodyTooLarge: { message: 'The request body is too large.', remedy: 'Send at most {maxBytes} bytes.' },
    bodyNotJson: { message: 'The request body must be JSON.', remedy: 'Send "Content-Type: application/json".' },
    bodyMalformedJson: { message: 'The request body is not valid JSON.', remedy: 'Send a well-formed JSON document.' },
    badContentLength: {
      message: 'The request has an invalid Content-Length header.',
      remedy: 'Send one Content-Length with the body’s size in bytes, or chunked encoding without it.',
    },
    badHttpMethod: {
      message: 'The request method is not an HTTP method.',
      remedy: 'Use GET, POST, PUT or DELETE as /openapi.json lists them.',
    },
    malformedHeader: { message: 'A request header is malformed.', remedy: 'Send a well-formed HTTP/1.1 request.' },
    notHttp: { message: 'The request is not valid HTTP.', remedy: 'Send a well-formed HTTP/1.1 request.' },
    badUrl: {
      message: 'The request address is not a valid URL.',
      remedy: 'Percent-encode the address correctly (see /openapi.json for the paths).',
    },
    sessionLifetime: {
      message: 'The session lifetime must be a positive number of milliseconds.',
      remedy: 'Configure a positive session lifetime.',
    },
    signInPassword: {
      message: 'The password is missing or too long.',
      remedy: 'Enter your password (at most {maxLength} characters).',
    },
    passwordPolicy: {
      message: 'A password must be {minLength} to {maxLength} characters long.',
      remedy:
        'Choose a password of at least {minLength} characters; a few unrelated words are easy to remember and hard to guess.',
    },
    apiKeyExpiry: {
      message: 'An API key must expire after the moment it is created.',
      remedy: 'Give an expiry in the future, or none.',
    },
    accountNeedsCustomer: {
      message: `${ROLE_ACCOUNT} must belong to a customer.`,
      remedy: 'Give the customer the account is for.',
    },
    accountIsVendors: {
      message: `${ROLE_ACCOUNT} works for the vendor and cannot belong to a customer.`,
      remedy: 'Leave the customer empty, or pick a customer role.',
    },
    downloadRecordsCursor: {
      message: 'The page marker of the download records is not one the portal gave out.',
      remedy: 'Start again from the first page.',
    },
    systemRunsOtherProduct: {
      message: 'System {serialNumber} runs {installed}, not {product}.',
      remedy: 'Download {installed} packages for it.',
    },
    searchTextMissing: {
      message: 'A search needs a text to search for.',
      remedy: 'Type a few words, or leave the search empty to browse.',
    },
    searchTextTooLong: {
      message: 'The search text is longer than {maxChars} characters.',
      remedy: 'Search for a few distinctive words, such as an error code.',
    },
    searchProductEmpty: {
      message: 'The product filter is empty.',
      remedy: 'Name a product, or leave the filter out.',
    },
    articleLimit: {
      message: 'The limit {limit} is not a positive whole number.',
      remedy: 'Ask for 1 to {maxLimit} articles.',
    },
    knownIssuesProduct: {
      message: 'Known issues are looked up for a product.',
      remedy: 'Name the product whose installation failed.',
    },
    knownIssuesExitCode: {
      message: 'The exit code {exitCode} is not an integer.',
      remedy: 'Pass the installer’s exit code as a whole number.',
    },
    knownIssuesLog: {
      message: 'The installer log must be text.',
      remedy: 'Pass the captured installer output as a string.',
    },
    appOs: {
      message: '"{os}" is not an operating system the manager is built for.',
      remedy: 'Use --os win, mac or linux.',
    },
    appArch: {
      message: '"{arch}" is not an architecture the manager is built for.',
      remedy: 'Use --arch x64, arm64, ia32 or armv7l.',
    },
    appNotesTooLong: {
      message: 'The release notes are longer than {maxChars} characters.',
      remedy: 'Shorten the notes; link to the full text instead.',
    },
    appInstallerEmpty: {
      message: 'The installer {file} is empty.',
      remedy: 'Publish the installer electron-builder made, not a placeholder.',
    },
    publishedReleaseInvalid: {
      message: 'The release is invalid ({field}: {problem}).',
      remedy: 'Correct the flag and publish again; nothing was published.',
    },
    ruleNotJson: {
      message: 'The {flag} rule given with --{flag} is not valid JSON.',
      remedy: "Quote the JSON for your shell, e.g. --{flag} ''{example}''.",
    },
    reservedProduct: {
      message: "The product name {product} is reserved for the manager's own releases.",
      remedy: 'Publish the manager with `hicare-portal publish-app`; give a customer product another name.',
    },
    detectionRuleInvalid: {
      message: 'The detection rule is invalid: {problem}.',
      remedy: 'See `hicare-portal publish --help` for an example rule.',
    },
    serveVariable: {
      message: `{name} is "{value}", which is not ${EXPECTED}.`,
      remedy: `Set {name} to ${EXPECTED}, or unset it for the default.`,
    },
    databaseUrlNotPostgres: {
      message: 'DATABASE_URL is not a PostgreSQL URL.',
      remedy:
        'Set DATABASE_URL to postgres://user@host:5432/database, or unset it to use SQLite in the data directory.',
    },
    schemaWithoutDatabase: {
      message: 'HICARE_DATABASE_SCHEMA is set but DATABASE_URL is not.',
      remedy: 'A schema applies to PostgreSQL only: set DATABASE_URL too, or unset HICARE_DATABASE_SCHEMA.',
    },
    logFormat: {
      message: 'HICARE_LOG_FORMAT is "{format}"; the portal writes JSON lines only.',
      remedy:
        'Unset HICARE_LOG_FORMAT (or set it to json); to read the log by eye, pipe it through a JSON log viewer such as pino-pretty.',
    },
    metricsToken: {
      message: 'HICARE_METRICS_TOKEN is too short or holds spaces or control characters.',
      remedy:
        'Set HICARE_METRICS_TOKEN to at least 16 printable characters, such as the output of `openssl rand -hex 24`.',
    },
    signerNeedsPostgres: {
      message: 'The signer runs only for a portal on PostgreSQL; on SQLite `hicare-portal serve` signs by itself.',
      remedy:
        'Set DATABASE_URL to the PostgreSQL database the portal instances share, or run just `hicare-portal serve`.',
    },
    demoProductId: {
      message: '"{product}" is not a product id.',
      remedy: 'Pick a product, version and platform listed in portal/demo/catalog.ts.',
    },
    demoPlatform: {
      message: '"{platform}" is not a platform.',
      remedy: 'Pick a product, version and platform listed in portal/demo/catalog.ts.',
    },
    demoRelease: {
      message: 'The demo catalog has no {product} {version}.',
      remedy: 'Pick a product, version and platform listed in portal/demo/catalog.ts.',
    },
    demoBuild: {
      message: '{product} {version} is not built for {platform}.',
      remedy: 'Pick a product, version and platform listed in portal/demo/catalog.ts.',
    },
    tarPath: {
      message:
        '{problem, select, missing {An archive entry needs a path.} nul {An archive entry path contains a NUL character.} backslash {The archive entry path "{path}" contains a backslash.} absolute {The archive entry path "{path}" is absolute.} climbs {The archive entry path "{path}" climbs out with "..".} emptyPart {The archive entry path "{path}" has an empty or "." part.} tooLong {The archive entry path "{path}" is too long for a ustar archive.} twice {The archive lists "{path}" twice.} notContent {The content of "{path}" is neither text nor bytes.} tooLarge {"{path}" is too large for a ustar archive.} fileAndDirectory {"{path}" is both a file and a directory in the archive.} other {The archive entry path {path} contains a control character.}}',
      remedy: 'Use a relative path with "/" separators and no "." or ".." parts.',
    },
    tarMode: {
      message: 'The mode of "{path}" is not a permission number.',
      remedy: 'Give a mode between 0 and 0o7777, e.g. 0o644.',
    },
    tarEntries: {
      message: 'The archive entries must be a list.',
      remedy: "Pass a list of '{ path, mode, content }'.",
    },
  },
  INVALID_VERSION_RANGE: {
    articleVersions: {
      message: 'The knowledge article {articleId} applies to "{range}", which is not a version range.',
      remedy:
        'Write the article’s versions in semver syntax, e.g. "^4" or ">=4.2.0 <4.2.2", or leave them empty for all versions.',
    },
  },
  METHOD_NOT_ALLOWED: {
    portalRoute: {
      message: '{path} does not answer to {method}.',
      remedy:
        '{count, plural, one {Use {methods}, as /openapi.json lists.} other {Use one of {methods}, as /openapi.json lists.}}',
    },
  },
  NOT_FOUND: {
    account: { message: 'There is no account with id "{id}".', remedy: 'Check the account id.' },
    accountCustomer: {
      message: 'There is no customer with id "{id}".',
      remedy: 'Create the customer first, or pick an existing one.',
    },
    portalRoute: { message: 'Nothing at {method} {path}.', remedy: 'Check the address against /openapi.json.' },
    packageBytes: {
      message: 'The package {file} is not on the portal.',
      remedy: 'Check for updates again; if it persists, contact the vendor.',
    },
    metadataFile: {
      message: 'The signed catalog has no metadata file named "{name}".',
      remedy: 'Ask for root.json, timestamp.json, or a file the signed metadata names.',
    },
    appUpdatePath: {
      message: 'The portal has no update of the manager at "{path}".',
      remedy:
        "Ask for /app-updates/'<'win|mac|linux>/'<'x64|arm64|ia32|armv7l>/ and the channel file electron-updater names there.",
    },
    appUpdateRelease: {
      message: 'No release of the manager is published for {platform}.',
      remedy: 'Check again later; the vendor has not published one for this platform yet.',
    },
    apiToken: {
      message: 'There is no token with id "{tokenId}".',
      remedy: 'Check the token id; list your API keys to find it.',
    },
    coveredSystem: {
      message: 'No system {serialNumber} is covered by your contracts.',
      remedy: 'Check the serial number on the system’s type plate.',
    },
    yourContract: {
      message: 'There is no contract {contractId} of yours.',
      remedy: 'Pick the contract from the contract overview.',
    },
    catalogPackage: {
      message: 'The catalog has no package {target}.',
      remedy: 'Refresh the catalog and pick a package it lists.',
    },
    catalogRelease: { message: 'The catalog has no release for {target}.', remedy: 'Refresh the catalog.' },
    noSignedCatalog: {
      message: 'There is no signed catalog yet.',
      remedy: 'Publish releases (or seed the demo) so that there is one.',
    },
    servedCatalog: {
      message:
        '{where, select, database {There is no signed catalog in the database.} other {There is no signed catalog in {where}.}}',
      remedy: 'Run `hicare-portal seed --demo` (or `keys init` and publish releases) first.',
    },
    publishFile: {
      message: 'The package file {file} does not exist or is not a file.',
      remedy: 'Check the path given with --file and publish again; nothing was published.',
    },
    notesFile: {
      message: 'The notes file {file} cannot be read.',
      remedy: 'Give the path of a readable text file; nothing was published.',
    },
  },
  UNAUTHENTICATED: {
    bearerMissing: {
      message: 'This call needs a bearer token.',
      remedy: 'Sign in, then send the token as "Authorization: Bearer …".',
    },
    noTokenTaken: { message: 'This address takes no token.', remedy: 'Call it without one.' },
    metricsToken: {
      message: 'The metrics need the metrics token.',
      remedy: `Send "Authorization: Bearer '<'HICARE_METRICS_TOKEN>".`,
    },
    tokenInvalid: {
      message: 'No valid token was presented.',
      remedy: 'Sign in again, or use a valid API key.',
    },
    tokenUnknown: { message: 'The token is not recognised.', remedy: 'Sign in again, or use a valid API key.' },
    accountDisabled: {
      message: 'The account this token belongs to has been disabled.',
      remedy: 'Sign in again, or use a valid API key.',
    },
  },
  INVALID_CREDENTIALS: {
    signIn: {
      message: 'The email address or the password is not correct.',
      remedy:
        'Check both and try again; after {freeAttempts} failed attempts each further one has to wait a little longer.',
    },
  },
  TOKEN_REVOKED: {
    portalToken: {
      message:
        '{kind, select, session {This session was revoked at {revokedAt}.} other {This API key was revoked at {revokedAt}.}}',
      remedy: '{kind, select, session {Sign in again.} other {Create a new API key and use it instead.}}',
    },
  },
  TOKEN_EXPIRED: {
    portalToken: {
      message:
        '{kind, select, session {This session expired at {expiresAt}.} other {This API key expired at {expiresAt}.}}',
      remedy: '{kind, select, session {Sign in again.} other {Create a new API key and use it instead.}}',
    },
  },
  RATE_LIMITED: {
    signIn: {
      message:
        'Too many failed sign-in attempts {scope, select, pair {for this account from your address} account {for this account} other {from your address}}; the next attempt has to wait {unit, select, seconds {{wait, plural, one {# second} other {# seconds}}} other {{wait} minutes}}.',
      remedy: 'Try again after {retryAt}. If you have forgotten the password, ask your administrator to set a new one.',
    },
  },
  FORBIDDEN: {
    signInDisabled: { message: 'This account has been disabled.', remedy: 'Ask your administrator to re-enable it.' },
    apiKeyDisabled: {
      message: 'A disabled account cannot get new API keys.',
      remedy: 'Re-enable the account first.',
    },
    notCustomer: {
      message: 'This account does not belong to a customer.',
      remedy: 'Sign in with a customer account to see contracts and entitlements.',
    },
    packageRefused: { message: 'This package is not available to you.', remedy: 'Contact your account manager.' },
  },
  NO_CONTRACT: {
    download: {
      message: 'You have no maintenance contract.',
      remedy: 'Contact your account manager to buy Application Software Support.',
    },
  },
  SYSTEM_NOT_COVERED: {
    productSystems: {
      message: 'None of the systems on your contracts runs {product}.',
      remedy: 'Ask your account manager to add your {product} systems to your contract.',
    },
  },
  NOT_FOR_PLATFORM: {
    systemPlatform: {
      message: '{target} is the {build} build; system {serialNumber} runs on {platform}.',
      remedy: 'Download the {platform} build for it.',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    installedReport: {
      message: 'The Idempotency-Key was already used for another installation report.',
      remedy:
        'Send each new report with a new Idempotency-Key; resend a report only with the key it was first sent with.',
    },
  },
  RANGE_NOT_SATISFIABLE: {
    packageRange: {
      message: 'The requested range is outside {file} ({length} bytes).',
      remedy:
        '{length, plural, =0 {Download the whole file without a Range header: it is empty.} other {Ask for a range that starts before byte {length}.}}',
    },
  },
  HEADERS_TOO_LARGE: {
    portalRequest: {
      message: 'The request headers are too large.',
      remedy: 'Send fewer or shorter headers (at most 16 KB in all).',
    },
  },
  TIMEOUT: {
    requestArrival: {
      message: 'The request did not arrive in time.',
      remedy: 'Send the whole request promptly, then try again.',
    },
    publishJob: {
      message: 'Publish job {job} was not finished within {seconds} s; it stays queued.',
      remedy:
        'Check that `hicare-portal signer` is running against this database: it runs the job as soon as it leads.',
    },
  },
  INTERNAL: {
    portalFailed: {
      message: 'The portal failed to handle this request.',
      remedy: 'Try again later; if it persists, contact the vendor.',
    },
    portalAnswer: {
      message: 'The portal could not put its answer together.',
      remedy: 'Try again later; if it persists, contact the vendor.',
    },
    packageDamaged: {
      message: "The portal's copy of {file} is damaged.",
      remedy: 'Contact the vendor: the package must be published again.',
    },
    signerLostDatabase: {
      message: 'The signer lost its connection to the database and stopped signing.',
      remedy: 'Check that PostgreSQL is reachable, then start the signer again (a service manager restarts it).',
    },
  },
  DATABASE_BEHIND: {
    migrationsMissing: {
      message: 'The database lacks {count, plural, one {# migration} other {# migrations}} this portal needs.',
      remedy: 'Run `hicare-portal migrate` against the database.',
    },
  },
  STORE_UNAVAILABLE: {
    timestampExpired: {
      message: "The signed catalog's timestamp expired at {expiredAt}; clients refuse it.",
      remedy: 'Check that the signer is running and can re-sign the timestamp.',
    },
  },
  TRUST_METADATA_INVALID: {
    timestampExpiry: {
      message: 'The signed catalog’s timestamp has no valid expiry.',
      remedy: 'Re-sign the timestamp.',
    },
  },
  TARGET_CONFLICT: {
    appInstaller: {
      message: '{name} is already published with other bytes, or as another kind of package.',
      remedy: 'Publish the changed installer under a new version.',
    },
  },
  PUBLISH_FAILED: {
    signerJob: {
      message: 'The signer could not complete the publish job; nothing was published.',
      remedy: "Look in the signer's log for job {job}, correct the cause and publish again.",
    },
  },
  ALREADY_EXISTS: {
    accountEmail: {
      message: 'An account for {email} already exists.',
      remedy: 'Use another email address, or sign in with the existing account.',
    },
    demoSeed: {
      message: 'This portal already has customers; the demo is seeded into an empty portal only.',
      remedy: 'Use a new data directory (or database) for the demo.',
    },
  },
} satisfies ErrorMessages;
