/**
 * Errors of the domain rules and contracts in shared/: one plain entry per code (the generic text, used when a part
 * of the system raises the code without a variant), and the variants the shared rules raise, nested under the code.
 */
import type { ErrorMessages } from '../../../error-messages.js';

const ROLE_ACCOUNT_CAPITAL =
  '{role, select, customerAdmin {A customer administrator account} itStaff {An IT staff account} engineer {A support engineer account} portalAdmin {A portal administrator account} other {This account}}';

const STATE =
  '{state, select, submitted {submitted} accepted {accepted} inProgress {in-progress} awaitingCustomer {awaiting-customer} solutionProposed {solution-proposed} confirmed {confirmed} closed {closed} cancelled {cancelled} other {unknown}}';

/** Who may act on a request, as a transition lists them (portal itself included). */
const MAY_ACT =
  '{mayAct, select, engineerPortalAdminSystem {an engineer or a portal administrator or the portal automatically} engineer {an engineer} customerAdmin {the customer administrator} customerAdminPortalAdmin {the customer administrator or a portal administrator} other {someone else}}';

const ACTOR =
  '{actor, select, customerAdmin {the customer administrator} itStaff {IT staff} engineer {an engineer} portalAdmin {a portal administrator} system {the portal automatically} other {this account}}';

const VERSION_REMEDY = 'Write versions as MAJOR.MINOR.PATCH, for example 2.3.1 or 2.4.0-rc.1, without a "v" prefix.';
const RESPONSE_TIME_REMEDY =
  'Give each override as \'{ kind: "minutes", minutes: <whole number above 0> }\' or \'{ kind: "next-business-day" }\'.';
const LIFECYCLE_REMEDY = 'Correct the product line lifecycle: ga ≤ end of maintenance ≤ end of service.';
const REQUEST_STATES_REMEDY =
  'Use one of: submitted, accepted, in-progress, awaiting-customer, solution-proposed, confirmed, closed, cancelled.';
const ATTACHMENT_TYPES_REMEDY = 'Attach {accepted} files, declared with their real type.';

export const sharedErrors = {
  INVALID_INPUT: {
    message: 'Some of the values given are not accepted.',
    remedy: 'Correct the values named and try again.',
    values: {
      message: 'These values are not accepted: {issues}.',
      remedy: 'Correct the values named and try again.',
    },
    valuesResend: {
      message: 'These values are not accepted: {issues}.',
      remedy: 'Correct the values named and send the request again.',
    },
    releaseOfOtherProduct: {
      message: 'Release {product} {version} is not for product {systemProduct}.',
      remedy: 'Ask for releases of the system’s own product.',
    },
    releaseWithoutProduct: {
      message: 'A release needs a product.',
      remedy: 'Name the product the release belongs to.',
    },
    releasePlatforms: {
      message: 'The platforms of {product} {version} are not a list of names.',
      remedy: 'List platforms such as "linux-x64", or omit the field for all platforms.',
    },
    lifecycleOfOtherLine: {
      message: 'The lifecycle of {lifecycleProduct} {major}.x does not apply to {product} {version}.',
      remedy: 'Pass the lifecycle of the release’s own product line (see lifecycleOf).',
    },
    responseTimeMalformed: {
      message: 'The {priority} response time for region "{region}" is malformed.',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTimeMinutes: {
      message:
        'The {priority} response time for region "{region}" must be a whole number of minutes above 0, not {minutes}.',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTimeKind: {
      message: 'The {priority} response time for region "{region}" has an unknown kind.',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTableMalformed: {
      message: 'The response times for region "{region}" are malformed.',
      remedy: 'Give a table keyed by P1–P4.',
    },
    responseTablePriority: {
      message: 'The response times for region "{region}" name an unknown priority "{priority}".',
      remedy: 'Use one of P1, P2, P3, P4 (upper case).',
    },
    timeOfDay: {
      message: '{field} {value} is not a time of day.',
      remedy: 'Write times as HH:MM, 24-hour, for example 09:00 or 18:00.',
    },
    calendarRequired: {
      message: 'A business calendar is required.',
      remedy: 'Give at least the time zone of the support region.',
    },
    holidaysList: {
      message: 'Holidays must be a list of dates.',
      remedy: 'Give holidays as a list of YYYY-MM-DD dates.',
    },
    workdaysList: {
      message: 'Workdays must be a non-empty list of weekdays.',
      remedy: 'Give weekdays as numbers 0 (Sunday) to 6 (Saturday).',
    },
    openBeforeClose: {
      message: 'The business day must open before it closes.',
      remedy: 'Set opensAt earlier than closesAt, for example 09:00 and 18:00.',
    },
    noBusinessDay: {
      message: 'The business calendar has no business day ahead.',
      remedy: 'Check the holidays and workdays of the calendar.',
    },
    contactNotAccepted: {
      message: 'The request has a first contact but was never accepted.',
      remedy: 'Record when TAC accepted the request.',
    },
    contactBeforeAcceptance: {
      message: 'The first contact is recorded before the request was accepted.',
      remedy: 'Check the acceptance and first-contact times of the request.',
    },
    requestAction: {
      message: '{value} is not an action on a service request.',
      remedy: 'Use one of: {actions}.',
    },
    surveyAnswered: {
      message: 'Whether the survey was already answered must be true or false.',
      remedy: 'Pass a boolean.',
    },
    requestFields: {
      message: 'The request fields must be an object.',
      remedy: 'Pass the draft request as an object.',
    },
    requestFieldText: {
      message: 'The request field {field} must be text.',
      remedy: 'Send {field} as a string.',
    },
    plannableRelease: {
      message: 'A release needs a product and a version.',
      remedy: 'Pass releases from the product feed.',
    },
    planPlatforms: {
      message: 'The platforms of {product} {version} are not a list.',
      remedy: 'List platforms such as "linux-x64", or omit the field.',
    },
    upgradeGoal: {
      message: 'The upgrade goal is not understood.',
      remedy: "Ask for '{ version: \"2.3.1\" }', '{ major: 2 }' or '{ newest: true }'.",
    },
    releasesList: {
      message: 'The releases must be a list.',
      remedy: 'Pass the release feed of one product.',
    },
    planPlatform: {
      message: 'The platform must be a name such as "linux-x64".',
      remedy: 'Pass a platform name or leave it out.',
    },
    mixedProducts: {
      message: 'The releases mix products ({first} and {second}).',
      remedy: 'Plan each product separately.',
    },
    pathParameter: {
      message: 'The path parameter "{name}" is missing.',
      remedy: 'Pass every parameter the endpoint names.',
    },
  },
  INVALID_VERSION: {
    message: 'This is not a valid version.',
    remedy: VERSION_REMEDY,
    value: { message: '"{version}" is not a valid version.', remedy: VERSION_REMEDY },
  },
  INVALID_VERSION_RANGE: {
    message: 'This is not a valid version range.',
    remedy: 'Write ranges in semver syntax, for example ">=1.9.0 || ^2".',
    value: {
      message: '"{range}" is not a valid version range.',
      remedy: 'Write ranges in semver syntax, for example ">=1.9.0 || ^2".',
    },
  },
  INVALID_DATE: {
    message: 'This is not a calendar date.',
    remedy: 'Write dates as YYYY-MM-DD, for example 2027-03-31.',
    value: {
      message: '"{value}" is not a calendar date.',
      remedy: 'Write dates as YYYY-MM-DD, for example 2027-03-31.',
    },
  },
  INVALID_INSTANT: {
    message: 'The time given is not a valid instant.',
    remedy: 'Pass a valid date and time (ISO 8601).',
    iso: {
      message: '"{value}" is not an ISO-8601 instant.',
      remedy: 'Write instants as ISO 8601 with a zone, for example 2026-03-31T22:15:00Z.',
    },
  },
  UNKNOWN_TIME_ZONE: {
    message: 'This is not a known time zone.',
    remedy: 'Use an IANA time zone name such as "Europe/Berlin" or "Asia/Shanghai".',
    value: {
      message: '"{timeZone}" is not a known time zone.',
      remedy: 'Use an IANA time zone name such as "Europe/Berlin" or "Asia/Shanghai".',
    },
    required: {
      message: 'A time zone is required.',
      remedy: 'Use an IANA time zone name such as "Europe/Berlin".',
    },
  },
  END_BEFORE_START: {
    message: 'The service period ends before it starts.',
    remedy: 'Correct the end date: it must be on or after the start date.',
    servicePeriod: {
      message: 'The service period ends ({end}) before it starts ({start}).',
      remedy: 'Correct the end date: it must be on or after the start date.',
    },
  },
  UNKNOWN_PRIORITY: {
    message: 'This is not a priority.',
    remedy: 'Use one of P1, P2, P3, P4 (upper case).',
    value: { message: '{value} is not a priority.', remedy: 'Use one of P1, P2, P3, P4 (upper case).' },
  },
  UNKNOWN_TIER: {
    message: 'This is not a contract tier.',
    remedy: 'Use "support" or "upgrade-support".',
    value: { message: '"{value}" is not a contract tier.', remedy: 'Use "support" or "upgrade-support".' },
  },
  UNKNOWN_ROLE: {
    message: 'This is not a user role.',
    remedy: 'Use one of: customer-admin, it-staff, engineer, portal-admin.',
    role: {
      message: '{value} is not a user role.',
      remedy: 'Use one of: customer-admin, it-staff, engineer, portal-admin.',
    },
    actor: {
      message: '{value} is not a user role.',
      remedy: 'Use one of: customer-admin, it-staff, engineer, portal-admin, or system.',
    },
  },
  UNKNOWN_REQUEST_STATE: {
    message: 'This is not a service request state.',
    remedy: REQUEST_STATES_REMEDY,
    value: { message: '{value} is not a service request state.', remedy: REQUEST_STATES_REMEDY },
  },
  INVALID_LIFECYCLE: {
    message: 'The product line lifecycle is not valid.',
    remedy: LIFECYCLE_REMEDY,
    noProduct: { message: 'A product line lifecycle needs a product.', remedy: LIFECYCLE_REMEDY },
    major: {
      message: 'The major version {major} of {product} is not a non-negative integer.',
      remedy: LIFECYCLE_REMEDY,
    },
    maintenanceBeforeGa: {
      message: '{line} ends maintenance ({endOfMaintenance}) before it is released ({ga}).',
      remedy: LIFECYCLE_REMEDY,
    },
    serviceBeforeGa: {
      message: '{line} ends service ({endOfService}) before it is released ({ga}).',
      remedy: LIFECYCLE_REMEDY,
    },
    serviceBeforeMaintenance: {
      message: '{line} ends service ({endOfService}) before maintenance ends ({endOfMaintenance}).',
      remedy: LIFECYCLE_REMEDY,
    },
  },
  MISSING_START_DATE_BASIS: {
    message: 'The service start date cannot be worked out.',
    remedy: 'Give the start date, the shipment date or the previous contract.',
    pac: {
      message: 'The service starts on the preliminary acceptance (PAC) date, which has not been recorded yet.',
      remedy: 'Record the PAC date of the installation or commissioning.',
    },
    unknownBasis: {
      message: 'Unknown start-date basis "{basis}".',
      remedy: 'Give the start date, the shipment date or the previous contract.',
    },
  },
  ILLEGAL_TRANSITION: {
    message: 'This action does not apply to the request as it stands now.',
    remedy: 'Reload the request to see what can be done with it now.',
    requestState: {
      message: `"{action}" does not apply to a request that is ${STATE}; {possible, select, none {nothing more can be done with a ${STATE} request.} other {from ${STATE} the possible actions are: {actions}.}}`,
      remedy:
        "{state, select, submitted {Wait for an engineer to accept the request.} accepted {Wait for the engineer to start work on the request.} inProgress {Wait for the engineer to propose a solution or to ask the customer for information.} awaitingCustomer {The customer administrator should reply to the engineer's question so work can continue.} solutionProposed {The customer administrator should confirm the proposed solution if it worked, or reject it if it did not.} confirmed {Wait for the request to be closed.} closed {The request is closed; open a new request if the problem comes back.} cancelled {The request was cancelled; open a new request if help is still needed.} other {Reload the request to see what can be done with it now.}}",
    },
  },
  ROLE_NOT_ALLOWED: {
    message: 'Your account may not do this.',
    remedy: 'Ask someone whose role allows it.',
    requestAction: {
      message: `"{action}" on a ${STATE} request cannot be done by ${ACTOR}; only ${MAY_ACT} can.`,
      remedy: `{actor, select, itStaff {IT staff accounts can only download updates; ask the customer administrator to act on the request.} other {Ask ${MAY_ACT} to do this.}}`,
    },
    openRequestsItStaff: {
      message: 'IT staff accounts cannot open service requests.',
      remedy: 'Ask your customer administrator to open the request, or sign in with a customer administrator account.',
    },
    openRequestsVendor: {
      message: 'Vendor accounts cannot open service requests.',
      remedy: 'The customer’s administrator opens requests; answer them from the engineer workspace.',
    },
  },
  REQUEST_FIELD_MISSING: {
    message: 'The request is missing a required field.',
    remedy: 'Fill in every required field before submitting the request.',
    fields: {
      message:
        'The request is missing {fields, select, serialNumber {the serial number of the equipment} location {the equipment location} faultDescription {the description of the fault} serialNumberLocation {the serial number of the equipment and the equipment location} serialNumberFaultDescription {the serial number of the equipment and the description of the fault} locationFaultDescription {the equipment location and the description of the fault} other {the serial number of the equipment, the equipment location and the description of the fault}}.',
      remedy: 'Fill in every required field before submitting the request.',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    message: 'The Idempotency-Key was already used for something else.',
    remedy: 'Use a new Idempotency-Key for a new request; resend a request only with the key it was first sent with.',
  },
  ALREADY_ASSIGNED: {
    message: 'The request is already assigned to another engineer.',
    remedy: 'Pick an unassigned request from the queue.',
  },
  ATTACHMENT_TOO_LARGE: {
    message: 'The attachment is too large.',
    remedy: 'Compress the file (gzip or zip) or attach only the relevant part.',
    limit: {
      message: 'The attachment is larger than {limit} MiB.',
      remedy: 'Compress the file (gzip or zip) or attach only the relevant part; each file may be at most {limit} MiB.',
    },
    file: {
      message: 'The file {fileName} is larger than {limit} MiB.',
      remedy: 'Compress the file (gzip or zip) or attach only the relevant part; each file may be at most {limit} MiB.',
    },
    sized: {
      message: 'The attachment is {size} MiB; at most {limit} MiB can be attached.',
      remedy: 'Compress the file (gzip or zip) or attach only the relevant part; each file may be at most {limit} MiB.',
    },
    fileSized: {
      message: 'The file {fileName} is {size} MiB; at most {limit} MiB can be attached.',
      remedy: 'Compress the file (gzip or zip) or attach only the relevant part; each file may be at most {limit} MiB.',
    },
  },
  ATTACHMENT_TYPE_REFUSED: {
    message: 'This kind of file cannot be attached.',
    remedy: 'Attach files of the accepted types, declared with their real type.',
    declaredType: {
      message: 'Files of type {declared} cannot be attached.',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    unknownType: {
      message: 'Files of type unknown cannot be attached.',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    contentMismatch: {
      message:
        'The file is declared as {declared} but its content is {content, select, program {a program} unknown {content the portal does not accept} other {{content}}}.',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    program: {
      message: 'The file {fileName} is a program.',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    notAccepted: {
      message: 'The file {fileName} is not a kind of file the portal accepts.',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
  },
  GRANT_EXPIRED: {
    message: 'This remote access has expired.',
    remedy: 'Ask the customer for a new grant if access is still needed.',
  },
  GRANT_REVOKED: {
    message: 'The customer revoked this remote access.',
    remedy: 'Ask the customer for a new grant if access is still needed.',
  },
  REQUEST_REFUSED: {
    message: 'The portal refused a request waiting on this desktop; it is kept.',
    remedy: 'Correct it and open it again, then remove the refused one.',
  },
  NO_UPGRADE_PATH: {
    message: 'No upgrade path leads to this release.',
    remedy: 'Contact TAC for a supported migration.',
    noPath: {
      message:
        'No upgrade path from {installed} to {product} {version}: it can only be installed over a version matching "{range}", and no available release leads there.',
      remedy: 'Contact TAC: no published release satisfies "{range}", so {version} needs a supported migration.',
    },
    stepFirst: {
      message:
        'No upgrade path from {installed} to {product} {version}: it can only be installed over a version matching "{range}", and no available release leads there.',
      remedy:
        "Install {step} first with TAC's help: it would open the way to {version} but cannot be installed over {installed} directly.",
    },
    stepPrerelease: {
      message:
        'No upgrade path from {installed} to {product} {version}: it can only be installed over a version matching "{range}", and no available release leads there.',
      remedy: 'Include prereleases to install {step} first, or contact TAC for a supported migration.',
    },
    stepPlatform: {
      message:
        'No upgrade path from {installed} to {product} {version}: it can only be installed over a version matching "{range}", and no available release leads there.',
      remedy:
        'Contact TAC for a supported migration: {step}, which would open the way, is not published for {platform}.',
    },
    goalPrerelease: {
      message:
        'No upgrade path from {installed} to {goal}: {version} is a prerelease, and prereleases are not included.',
      remedy: 'Include prereleases to plan to it, or wait for the generally available release.',
    },
    goalPlatform: {
      message: 'No upgrade path from {installed} to {goal}: {version} is not published for {platform}.',
      remedy: 'Pick a release published for this platform, or contact TAC.',
    },
    goalMissing: {
      message: 'No upgrade path from {installed} to {goal}: no such release is published.',
      remedy: 'Pick a published version, or contact TAC about availability.',
    },
  },
  UPGRADE_PATH_REQUIRED: {
    message: 'This release cannot be installed directly over the installed version.',
    remedy: 'Install the releases of the upgrade path in order.',
    direct: {
      message: '{name} installs only over {range}; {serialNumber} runs {installed}.',
      remedy: 'Install {first} first, or install the path {path}.',
    },
    noPath: {
      message: '{name} installs only over {range}; {serialNumber} runs {installed}.',
      remedy: 'Nothing was installed. Contact TAC for a supported migration.',
    },
    blocked: {
      message: '{name} installs only over {range}; {serialNumber} runs {installed}.',
      remedy:
        'Nothing was installed. {why, select, noPath {Contact TAC: no published release satisfies "{minUpgradeFrom}", so {version} needs a supported migration.} stepFirst {Install {step} first with TAC\'s help: it would open the way to {version} but cannot be installed over {installed} directly.} stepPrerelease {Include prereleases to install {step} first, or contact TAC for a supported migration.} stepPlatform {Contact TAC for a supported migration: {step}, which would open the way, is not published for {platform}.} goalPrerelease {Include prereleases to plan to it, or wait for the generally available release.} goalPlatform {Pick a release published for this platform, or contact TAC.} other {Pick a published version, or contact TAC about availability.}}',
    },
  },
  INVALID_TARGET_NAME: {
    message: 'This is not a valid package name.',
    remedy: 'Use a relative path like product/1.2.0/linux-x64/product-1.2.0.tar.gz.',
  },
  TARGET_CONFLICT: {
    message: 'This package is already published with different bytes.',
    remedy: 'Publish the changed package under a new version.',
  },
  TUF_KEYS_MISSING: {
    message: 'The signing keys of the catalog are missing.',
    remedy: 'Run `keys init` first, or point at the right keys directory.',
  },
  TUF_ALREADY_INITIALIZED: {
    message: 'A signed catalog already exists here.',
    remedy: 'Publish into it, or choose an empty directory or database.',
  },
  TUF_REPOSITORY_BUSY: {
    message: 'Another publisher is changing the signed catalog.',
    remedy: 'Try again when the other publish has finished.',
  },
  DATABASE_BEHIND: {
    message: 'The database is behind this portal.',
    remedy: 'Run `hicare-portal migrate` against the database, then start the portal again.',
  },
  DATABASE_AHEAD: {
    message: 'The database was migrated by a newer portal.',
    remedy:
      'Run the portal version that migrated it, or a newer one; never run an older portal against a newer database.',
  },
  DATABASE_DAMAGED: {
    message: 'The portal database is damaged; the portal does not start on it.',
    remedy:
      'Stop every portal process using it, restore the file from your latest backup (or move it aside to start empty), then start again.',
  },
  STORE_UNAVAILABLE: {
    message: 'The portal cannot reach its storage.',
    remedy: 'Try again later; if it persists, tell the vendor.',
  },
  GRANT_KEY_MISSING: {
    message: 'The portal has no key for the remote-access passwords.',
    remedy: 'Give the portal its grant key (HICARE_GRANT_KEY or the key file), then start it again.',
  },
  GRANT_KEY_MISMATCH: {
    message: 'The grant key does not open the remote-access passwords stored in the database.',
    remedy: 'Give the portal the key the grants were made with (the one the other instances use, or its backup).',
  },
  PUBLISH_FAILED: {
    message: 'The signer could not complete the publish job; nothing was published.',
    remedy: 'Look in the signer’s log, correct the cause and publish again.',
  },
  RANGE_NOT_SATISFIABLE: {
    message: 'The requested range is outside the file.',
    remedy: 'Download the file again from the start.',
  },
  OFFLINE: {
    message: 'The portal cannot be reached.',
    remedy: 'Check your network connection, proxy settings and the portal address, then try again.',
  },
  TIMEOUT: {
    message: 'The portal did not answer in time.',
    remedy: 'Check your network connection and try again.',
  },
  PORTAL_ERROR: {
    message: 'Talking to the portal failed.',
    remedy: 'Try again; if it persists, check the portal address and your network.',
  },
  UNTRUSTED_PORTAL: {
    message: 'The portal’s metadata is not signed by keys this computer trusts.',
    remedy:
      'If this is a different portal, trust its root explicitly (its fingerprint is shown); otherwise report it to the vendor.',
  },
  TRUST_METADATA_INVALID: {
    message: 'The portal’s signed catalog could not be verified.',
    remedy: 'Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.',
  },
  TARGET_UNKNOWN: {
    message: 'The signed catalog has no such package.',
    remedy: 'Refresh the catalog; if the package is still missing, ask the vendor.',
  },
  TARGET_MISMATCH: {
    message: 'The portal describes this package differently from the signed catalog.',
    remedy: 'Nothing was downloaded or installed. Refresh and try again; if it persists, report it to the vendor.',
  },
  HASH_MISMATCH: {
    message: 'The package is not the one the signed catalog lists.',
    remedy: 'Do not install it. Download the package again from the portal.',
  },
  LENGTH_EXCEEDED: {
    message: 'The server sent more than the signed catalog lists for this package; the download was stopped.',
    remedy:
      'Try again later; if it happens again, report it to the vendor: the server is not sending the published package.',
  },
  INSUFFICIENT_SPACE: {
    message: 'There is not enough free disk space.',
    remedy: 'Free some disk space and try again.',
  },
  DOWNLOAD_CANCELLED: {
    message: 'The download was cancelled.',
    remedy: 'Start the download again when you want the package.',
  },
  DOWNLOAD_FAILED: {
    message: 'The download failed.',
    remedy: 'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
  },
  INSTALLER_UNSUPPORTED: {
    message: 'This package cannot be installed on this computer.',
    remedy: 'Download the package built for this computer’s operating system.',
  },
  INSTALL_FAILED: {
    message: 'The installation failed.',
    remedy: 'Try again; if it persists, report it to the vendor.',
  },
  INSTALL_TIMEOUT: {
    message: 'The installation did not finish in time, so it was stopped.',
    remedy:
      'Check that nothing on this computer is waiting for an answer or locking the product’s files, then install again.',
  },
  VERSION_NOT_REACHED: {
    message: 'The installer finished, but the product does not run the new version.',
    remedy: 'Open a support request: it is filled in with the installer log and this computer’s details.',
  },
  INSTALL_IN_PROGRESS: {
    message: 'An installation on this system is already running.',
    remedy: 'Wait for it to finish, then start this one again. Nothing was changed.',
  },
  DETECTION_FAILED: {
    message: 'The installed version could not be detected.',
    remedy: 'Report this to the vendor: the release metadata is wrong.',
  },
  OPERATION_LOG_TAMPERED: {
    message: 'The operation records were changed after they were written.',
    remedy: 'Do not rely on these records; report it to your administrator, and include the file in a support request.',
  },
  KEYRING_UNAVAILABLE: {
    message: 'This computer offers the app no keychain, so your sign-in is kept only until the app closes.',
    remedy: 'Set up the operating system’s keyring, then sign in again.',
  },
  VERSION_NOT_IN_CATALOG: {
    message: 'This version is not in the vendor’s catalog; nothing was changed.',
    remedy:
      'Pick a version from the catalog. If the equipment runs a version installed by other means, confirm that it is not in the vendor’s catalog.',
  },
  NO_CONTRACT: {
    message: 'You have no maintenance contract.',
    remedy: 'Contact your account manager to buy Application Software Support.',
  },
  CONTRACT_PENDING: {
    message: 'Your service has not started yet.',
    remedy: 'Wait until your service starts.',
    contract: {
      message: 'Contract {contractId} starts on {startDate}.',
      remedy: 'Wait until {startDate}, when your service starts.',
    },
    requests: {
      message: 'Your service starts on {startDate}.',
      remedy: 'Requests can be opened from {startDate}.',
    },
  },
  CONTRACT_EXPIRED: {
    message: 'No contract covering this system is in service.',
    remedy: 'Renew your maintenance contract to open new service requests.',
    none: {
      message: 'Contract {contractId} ended on {endDate}.',
      remedy: 'Renew your maintenance contract to download releases again.',
    },
    requests: {
      message: 'Your contract ended on {endDate}.',
      remedy: 'Renew your maintenance contract to open new service requests.',
    },
  },
  SYSTEM_NOT_COVERED: {
    message: 'This system is not covered by your contracts.',
    remedy: 'Ask your account manager to add this system to your maintenance contract.',
    contract: {
      message: 'System {serialNumber} ({product}) is not covered by contract {contractId}.',
      remedy: 'Ask your account manager to add this system to your maintenance contract.',
    },
    anyContract: {
      message: 'System {serialNumber} is not covered by any of your contracts.',
      remedy: 'Ask your account manager to add this system to your contract.',
    },
  },
  UPGRADE_REQUIRES_UPGRADE_SUPPORT: {
    message: 'This is a major upgrade; your Application Software Support contract covers updates only.',
    remedy:
      'Move to Application Software Upgrade Support to take major upgrades; updates of your licensed version stay available.',
    release: {
      message: '{version} is a major upgrade; your Application Software Support contract covers updates only.',
      remedy:
        'Move to Application Software Upgrade Support to take major upgrades; updates of your licensed version stay available.',
    },
  },
  RELEASED_AFTER_CONTRACT_END: {
    message: 'This release was published after your contract ended.',
    remedy: 'Renew your maintenance contract; releases published before it ended remain available to you.',
    earned: {
      message: '{version} was published after contract {contractId} ended on {endDate}.',
      remedy: 'Renew your maintenance contract; releases published up to {endDate} remain available to you.',
    },
  },
  LINE_PAST_END_OF_MAINTENANCE: {
    message: 'This product line reached its end of maintenance; it gets no new updates.',
    remedy: 'Upgrade to a maintained major version to keep receiving updates.',
    line: {
      message: 'The {major}.x line reached its end of maintenance on {endOfMaintenanceDate}; it gets no new updates.',
      remedy: 'Upgrade to a maintained major version to keep receiving updates.',
    },
  },
  LINE_PAST_END_OF_SERVICE: {
    message: 'This product line reached its end of service.',
    remedy: 'Upgrade to a supported major version.',
    line: {
      message: 'The {major}.x line reached its end of service on {endOfServiceDate}.',
      remedy: 'Upgrade to a supported major version.',
    },
  },
  PRERELEASE: {
    message: 'This release is a preview, not generally available.',
    remedy: 'Turn on "Show previews" under Settings → Updates to take prereleases (--previews on the command line).',
    release: {
      message: '{version} is a preview, not generally available.',
      remedy: 'Turn on "Show previews" under Settings → Updates to take prereleases (--previews on the command line).',
    },
  },
  RELEASE_WITHDRAWN: {
    message: 'The vendor withdrew this release; it is no longer offered.',
    remedy: 'Choose another release; the vendor’s notice says why this one was withdrawn.',
    release: {
      message: 'The vendor withdrew {version} on {withdrawnAt}: {reason}',
      remedy: 'Do not install {version}; choose another release, or ask the vendor’s support what to take instead.',
    },
  },
  NOT_FOR_PLATFORM: {
    message: 'This release is not built for this platform.',
    remedy: 'Choose the package built for this platform.',
    platform: {
      message: '{version} is not built for {platform}.',
      remedy: 'Choose the package built for {platform}.',
    },
  },
  UNKNOWN_METHOD: {
    message: 'The app does not know this method.',
    remedy: 'Update the app: its window and its host disagree.',
    method: {
      message: 'There is no method "{method}".',
      remedy: 'Update the app: its window and its host disagree.',
    },
  },
  METHOD_NOT_ALLOWED: {
    message: 'This address does not answer to this method.',
    remedy: 'Use a method /openapi.json lists for it.',
  },
  HEADERS_TOO_LARGE: {
    message: 'The request headers are too large.',
    remedy: 'Send fewer or shorter headers (at most 16 KB in all).',
  },
  UNAUTHENTICATED: {
    message: 'You are not signed in to the portal.',
    remedy: 'Sign in with your portal account.',
  },
  INVALID_CREDENTIALS: {
    message: 'The email address or the password is not correct.',
    remedy: 'Check both and try again.',
  },
  TOKEN_EXPIRED: {
    message: 'Your sign-in has expired.',
    remedy: 'Sign in again.',
  },
  TOKEN_REVOKED: {
    message: 'Your sign-in was revoked.',
    remedy: 'Sign in again.',
  },
  RATE_LIMITED: {
    message: 'Too many failed sign-in attempts.',
    remedy:
      'Wait a little, then try again. If you have forgotten the password, ask your administrator to set a new one.',
  },
  FORBIDDEN: {
    message: 'Your account may not do this.',
    remedy: 'Sign in with an account that may do this, or ask your administrator.',
    roleMayNot: {
      message: `${ROLE_ACCOUNT_CAPITAL} may not {what, select, downloadPackages {download packages} other {use “{summary}”}}.`,
      remedy:
        'Sign in as {allowed, select, customerAdmin {a customer administrator} itStaff {IT staff} engineer {a support engineer} portalAdmin {a portal administrator} customerAdminItStaff {a customer administrator or IT staff} customerAdminEngineer {a customer administrator or a support engineer} customerAdminPortalAdmin {a customer administrator or a portal administrator} engineerPortalAdmin {a support engineer or a portal administrator} customerAdminEngineerPortalAdmin {a customer administrator, a support engineer or a portal administrator} customerAdminItStaffEngineerPortalAdmin {a customer administrator, IT staff, a support engineer or a portal administrator} other {another}} to do this.',
    },
  },
  NOT_FOUND: {
    message: 'What you asked for was not found.',
    remedy: 'Check what you entered and try again.',
  },
  ALREADY_EXISTS: {
    message: 'This already exists.',
    remedy: 'Choose another name, or use the existing one.',
  },
  SOLUTION_REQUIRED: {
    message: 'A solution cannot be proposed without saying what it is.',
    remedy: 'Write the solution for the customer, then propose it.',
  },
  REJECTION_REASON_REQUIRED: {
    message: 'Say why the solution did not work before rejecting it.',
    remedy: 'Describe what happened when you tried the solution.',
  },
  ACTION_NOTE_NOT_EXPECTED: {
    message: 'A note can only be given with the action that takes it.',
    remedy: 'Leave the note out, or choose the action it belongs to.',
    solution: {
      message: 'A solution can only be given when proposing one.',
      remedy: 'Propose the solution instead, or leave the solution out.',
    },
    reason: {
      message: 'A reason can only be given when rejecting a solution.',
      remedy: 'Reject the solution instead, or leave the reason out.',
    },
  },
  INTERNAL: {
    message: 'Something went wrong inside Hi-Care Update Manager.',
    remedy: 'Try again; if it keeps happening, send a support bundle to the vendor.',
    unexpected: {
      message: 'Hi-Care Update Manager met a case it does not know how to handle.',
      remedy: 'Report this to the vendor, with a support bundle.',
    },
    transitionTable: {
      message: 'The request transition table is inconsistent at {state}/{action}.',
      remedy: 'Report this to the vendor.',
    },
    noContractEvaluated: {
      message: 'No contract was evaluated.',
      remedy: 'Report this to the vendor.',
    },
    appAnswer: {
      message: 'The app answered {method} with something unexpected.',
      remedy: 'Restart the app.',
    },
    appWindow: {
      message: 'Something went wrong inside the app.',
      remedy: 'Try again; if it persists, send the operation records to support.',
    },
  },
  CONFIRMATION_REQUIRED: {
    message: 'Nothing was done: this needs your confirmation.',
    remedy: 'Run the command again and answer y when you are sure, or add --yes.',
  },
  FILE_NOT_ACCESSIBLE: {
    message: 'The file cannot be used.',
    remedy: 'Check the path and that your account may use the file, then try again.',
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    message: 'This package is not for this system.',
    remedy: 'Nothing was installed. Pick a package of the system’s product built for its platform.',
  },
  TRUST_ROOT_INVALID: {
    message: 'This file is not a valid trusted root.',
    remedy: 'Choose the root.json its operator gave you for this portal.',
  },
  TRUST_ROOT_UNSIGNED: {
    message: 'This trusted root is not signed by its own keys: it was altered, or its signatures were removed.',
    remedy: 'Choose the root.json its operator gave you for this portal, and compare its fingerprint.',
  },
  TRUST_ROOT_EXPIRED: {
    message: 'This trusted root has expired; an expired root cannot start trust in a portal.',
    remedy: 'Ask the portal’s operator for its current root.json.',
  },
} satisfies ErrorMessages;
