/** Errors of the portal's data and signing side (database, TUF repository, storage, requests), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

/** What a checked input is, by the identifier `checkInput` is called with (portal/db/support.ts). */
const SUBJECT =
  '{what, select, remoteAccessGrant {remote-access grant} fileName {file name} surveyAnswer {survey answer} ' +
  'serviceRequest {service request} message {message} lifecycle {lifecycle} knowledgeArticle {knowledge article} ' +
  'contract {contract} coveredSystem {covered system} downloadRecord {download record} customer {customer} ' +
  'installedVersion {installed version} emailAddress {email address} apiKeyLabel {API key label} ' +
  'installationReport {installation report} account {account} other {input}}';

/** What a full store could not take, by the identifier `insufficientSpace` is called with (portal/storage/space-error.ts). */
const STORED =
  '{what, select, requestBody {what this request sent} signedCatalog {the signed catalog} ' +
  'publishLock {the publish lock} packageCopy {a copy of {name}} publishedPackages {the packages being published} ' +
  'aFile {a file} theFile {the file} attachment {the attachment} packageToPublish {the package to publish} ' +
  'other {a file}}';

/** A request state as the English messages have always named it (the identifier, hyphens and all). */
const STATE =
  '{state, select, inProgress {in-progress} awaitingCustomer {awaiting-customer} ' +
  'solutionProposed {solution-proposed} other {{state}}}';

const TARGET_NAME_REMEDY = 'Use a relative path like product/1.2.0/linux-x64/product-1.2.0.tar.gz.';
const RESTORE_REPOSITORY = 'Restore the repository from a backup.';
const GENERATE = 'generate one with `hicare-portal keys grant-key` (or `openssl rand -base64 32`)';

export const portalStoreErrors = {
  INVALID_INPUT: {
    dbPoolSize: {
      message: '{variable} is "{value}", which is not a number of connections from 1 to {max}.',
      remedy: 'Set {variable} to a whole number such as 20, or unset it to use the default of 10.',
    },
    dbNul: {
      message: `The ${SUBJECT} contains a NUL character.`,
      remedy: 'Remove the NUL (\\u0000) character and try again.',
    },
    dbNulAt: {
      message: `The ${SUBJECT} ({path}) contains a NUL character.`,
      remedy: 'Remove the NUL (\\u0000) character and try again.',
    },
    dbInvalid: {
      message: `The ${SUBJECT} is not valid: {issues}.`,
      remedy: `Correct the ${SUBJECT} and try again.`,
    },
    dbContractSerialTwice: {
      message: 'Serial number {serialNumber} is listed twice on contract {contractId}.',
      remedy: 'List each covered system once.',
    },
    dbNoDataDirectory: {
      message: 'No data directory was given for the portal database.',
      remedy: 'Give the directory the portal keeps its data in.',
    },
    dbUrlNotPostgres: {
      message: 'The database URL is not a PostgreSQL URL.',
      remedy:
        'Use a URL such as postgres://user@host:5432/database, or leave DATABASE_URL unset to use SQLite in the data directory.',
    },
    dbSchemaName: {
      message: '"{schema}" is not a usable schema name.',
      remedy: 'Use letters, digits and "_" only, starting with a letter or "_".',
    },
    storeKey: {
      message: 'That is not a storage key the portal makes.',
      remedy: 'Use the name the portal gave the file.',
    },
    s3BucketUnset: {
      message: 'HICARE_S3_BUCKET is not set.',
      remedy: 'Set HICARE_S3_BUCKET to the bucket that holds the portal’s files.',
    },
    s3BucketName: {
      message: 'HICARE_S3_BUCKET is not a bucket name (“{bucket}”).',
      remedy: 'Use 3 to 63 lowercase letters, digits, dots and hyphens.',
    },
    s3Region: {
      message: 'HICARE_S3_REGION is not a region name.',
      remedy: 'Use a name like us-east-1, or leave it unset.',
    },
    s3Endpoint: {
      message: 'HICARE_S3_ENDPOINT is not an http(s) address.',
      remedy: 'Give the store’s base address, like https://s3.example.com:9000, without credentials in it.',
    },
    s3Prefix: {
      message: 'HICARE_S3_PREFIX is not a key prefix.',
      remedy: 'Use folder-like names of letters, digits, . _ - separated by "/", like portal/prod.',
    },
    s3PathStyle: {
      message: 'HICARE_S3_FORCE_PATH_STYLE must be 1 or 0.',
      remedy: 'Set it to 1 for stores that address buckets by path (MinIO, Ceph, s3rver).',
    },
    s3CredentialsHalf: {
      message: '{variable} is not set while its partner is.',
      remedy:
        'Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither to use the machine’s own AWS credentials.',
    },
    storeKind: {
      message: 'HICARE_BLOB_STORE is “{kind}”, which is not a store the portal knows.',
      remedy: 'Set it to local (files in the data directory) or s3.',
    },
    storePackageDelivery: {
      message: 'HICARE_PACKAGE_DELIVERY must be stream or redirect.',
      remedy: 'Leave it unset (stream: the portal sends the bytes) or set redirect to send clients to the store.',
    },
    tufKeysInitOffline: {
      message:
        '`keys init` needs --offline-keys DIR: the root key signs every change of trust, so it is never written next to the portal’s data by default.',
      remedy:
        'Name a directory on removable or offline storage with --offline-keys, then keep it away from the portal machine.',
    },
    tufRole: {
      message: '{role} is not a TUF role.',
      remedy: 'Use one of: {roles}.',
    },
    tufKeysCommand: {
      message: 'Unknown keys command: {command}.',
      remedy: 'Use: {usage}.',
    },
    tufKeysCommandMissing: {
      message: 'Unknown keys command: (none).',
      remedy: 'Use: {usage}.',
    },
    tufTargetTwice: {
      message: 'The batch names target {name} twice.',
      remedy: 'List each target once.',
    },
    tufTargetMetadata: {
      message: 'The metadata of target {name} is invalid.',
      remedy: 'Fix the fields listed in details.',
    },
    tufNoPackageFile: {
      message: 'Target {name} has no package file.',
      remedy: 'Give the path of the package to publish.',
    },
    tufNeedsPackageFile: {
      message: 'Target {name} is not published, so it needs its package file.',
      remedy: 'Give the path of the package to publish.',
    },
    tufPackageUnreadable: {
      message: 'The package file for {name} cannot be read: {path}.',
      remedy: 'Give the path of a readable regular file.',
    },
    requestAutoCloseDelay: {
      message: 'The automatic closure delay must be a positive number of hours.',
      remedy: 'Set autoCloseAfterHours to, for example, 72.',
    },
    requestGrantKeyTwice: {
      message: 'Both HICARE_GRANT_KEY and HICARE_GRANT_KEY_FILE are set.',
      remedy: 'Set only one of them (the key file is the safer choice).',
    },
    requestAttachmentBase64: {
      message: 'The attachment data is not base64.',
      remedy: 'Send the file’s bytes base64-encoded (standard alphabet, with padding).',
    },
    requestAttachmentId: {
      message: 'That is not an attachment id.',
      remedy: 'Use the id the portal gave the attachment.',
    },
    requestIdempotencyKey: {
      message: 'The Idempotency-Key header is not usable.',
      remedy: 'Send one Idempotency-Key of 1 to 200 visible ASCII characters, such as a UUID.',
    },
  },
  INVALID_INSTANT: {
    dbYearRange: {
      message: 'The time given is outside the years 0000–9999.',
      remedy: 'Pass a realistic date and time.',
    },
  },
  INVALID_TARGET_NAME: {
    tufEmpty: { message: '{name} is not a valid target name: it is empty.', remedy: TARGET_NAME_REMEDY },
    tufTooLong: {
      message: '{name} is not a valid target name: it is longer than {max} characters.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufControl: {
      message: '{name} is not a valid target name: it contains a NUL or control character.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufBackslash: {
      message: '{name} is not a valid target name: it contains a backslash (use "/" between segments).',
      remedy: TARGET_NAME_REMEDY,
    },
    tufAbsolute: { message: '{name} is not a valid target name: it is an absolute path.', remedy: TARGET_NAME_REMEDY },
    tufEmptySegment: {
      message: '{name} is not a valid target name: it has an empty segment ("//" or a trailing "/").',
      remedy: TARGET_NAME_REMEDY,
    },
    tufDotSegment: {
      message: '{name} is not a valid target name: it has a "{segment}" segment.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufBadSegment: {
      message:
        '{name} is not a valid target name: segment "{segment}" must start with a letter or digit and use only letters, digits and . _ + -.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufLongFileName: {
      message: '{name} is not a valid target name: the file name is longer than {max} characters.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufTooManySegments: {
      message: '{name} is not a valid target name: it has too many segments for a client-side file name.',
      remedy: TARGET_NAME_REMEDY,
    },
    tufNotText: { message: '{name} is not a valid target name: it is not a string.', remedy: TARGET_NAME_REMEDY },
  },
  ALREADY_EXISTS: {
    dbSurveyAnswered: {
      message: 'The satisfaction survey of this request has already been answered.',
      remedy: 'Nothing more to do: each request is surveyed once.',
    },
    dbContract: {
      message: 'A contract with id "{contractId}" already exists.',
      remedy: 'Use another contract id; a renewal is a new contract.',
    },
    dbCoveredSystem: {
      message: 'System {serialNumber} is already on contract {contractId}.',
      remedy: 'Each system is listed once per contract.',
    },
    dbCustomer: {
      message: 'A customer with id "{customerId}" already exists.',
      remedy: 'Use another customer id, or update the existing customer.',
    },
  },
  NOT_FOUND: {
    dbRequestGone: {
      message: 'The service request no longer exists.',
      remedy: 'Reload the list of requests.',
    },
    dbContract: {
      message: 'There is no contract with id "{contractId}".',
      remedy: 'Check the contract id, or add the contract first.',
    },
    dbDownloadAccount: {
      message: 'There is no account with id "{accountId}".',
      remedy: 'Record downloads for an existing account.',
    },
    dbCustomer: {
      message: 'There is no customer with id "{customerId}".',
      remedy: 'Check the customer id, or create the customer first.',
    },
    storeSourceUnreadable: {
      message: 'The file to store as {key} cannot be read.',
      remedy: 'Check that the file exists and is readable.',
    },
    storeFileMissing: {
      message: 'The stored file is missing from the portal’s storage.',
      remedy: 'Restore the portal’s storage from a backup, or publish or upload the file again.',
    },
    s3Object: {
      message: 'There is no {key} in the object store.',
      remedy: 'Publish or upload it again.',
    },
    s3AnyObject: {
      message: 'There is no object in the object store.',
      remedy: 'Publish or upload it again.',
    },
    tufMetadata: {
      message: 'The signed catalog has no {name}.',
      remedy: 'Initialize the repository first, or point at the right data directory or database.',
    },
    tufRepositoryDirectory: {
      message: 'There is no TUF repository directory at {repoDir}.',
      remedy: 'Initialize the repository first, or point at the right directory.',
    },
    tufPackageFile: {
      message: 'The package file for {name} does not exist: {path}.',
      remedy: 'Check the path and try again.',
    },
    requestGrant: {
      message: 'There is no such remote-access grant.',
      remedy: 'Pick the grant from its request.',
    },
    requestAttachment: {
      message: 'There is no such attachment.',
      remedy: 'Pick the attachment from its request.',
    },
    requestMissing: {
      message: 'There is no such service request.',
      remedy: 'Check the request id, or pick the request from your list.',
    },
    requestSolutionFile: {
      message: 'The file given with the solution is not attached to request {number}.',
      remedy: 'Attach the file to the request first, then propose the solution.',
    },
    requestGoneForSystem: {
      message: 'The service request no longer exists.',
      remedy: 'Nothing to do.',
    },
  },
  INTERNAL: {
    dbArticleUnreadable: {
      message: 'Knowledge article {articleId} is unreadable in the database.',
      remedy: 'Save the article again.',
    },
    dbRequestUnreadable: {
      message:
        'Service request {requestId} has unreadable {column, select, alarms {alarms} operationRecords {operation records} installFailure {install failure} other {data}} in the database.',
      remedy: 'Restore the request from a backup, or contact the vendor.',
    },
    dbContractUnreadable: {
      message:
        'Contract {contractId} has unreadable {column, select, licensedMajors {licensed majors} responseTimes {response times} holidays {holidays} other {data}} in the database.',
      remedy: 'Re-enter the contract, or restore it from a backup.',
    },
    dbNoCurrentSchema: {
      message: 'The PostgreSQL connection has no current schema to migrate.',
      remedy: 'Create the schema named in search_path, or remove search_path from the database URL.',
    },
    dbNotMigrated: {
      message: 'The database could not be migrated.',
      remedy:
        'Check that the database is reachable and writable, then start the portal again; nothing of the failed migration was kept.',
    },
    dbMigrationFailed: {
      message: 'Database migration {migration} failed.',
      remedy:
        'Check that the database is reachable and writable, then start the portal again; nothing of the failed migration was kept.',
    },
    tufMetadataName: {
      message: '"{name}" is not a TUF metadata file name.',
      remedy: 'This is a fault in the portal; report it.',
    },
    tufSnapshotWithoutTargets: {
      message: 'Snapshot {version} lists no {file}.',
      remedy: RESTORE_REPOSITORY,
    },
    tufNotTargets: {
      message: '{source} is not targets metadata.',
      remedy: RESTORE_REPOSITORY,
    },
    tufSnapshotWithoutBin: {
      message: 'Snapshot {version} does not list hash bin {bin}.',
      remedy: RESTORE_REPOSITORY,
    },
    requestContractMissing: {
      message: 'The contract {contractId} of a service request is missing.',
      remedy: 'Restore the contract, or contact the vendor.',
    },
    requestAttachmentFileMissing: {
      message: 'The attachment’s file is missing from the portal’s storage.',
      remedy: 'Restore the portal’s storage from a backup, or ask the uploader to attach the file again.',
    },
    requestAssignRace: {
      message: 'Request {number} kept changing while it was being assigned.',
      remedy: 'Try again.',
    },
    requestTakeRace: {
      message: 'Request {number} kept changing while it was being assigned.',
      remedy: 'Reload the request and try again.',
    },
    requestActionRace: {
      message:
        'Request {number} kept changing while "{action, select, startWork {start-work} askCustomer {ask-customer} customerReply {customer-reply} proposeSolution {propose-solution} rejectSolution {reject-solution} other {{action}}}" was applied.',
      remedy: 'Reload the request and try again.',
    },
    requestNotShown: {
      message: 'The request could not be shown.',
      remedy: 'Try again.',
    },
    grantKeyLength: {
      message: 'The key that protects remote-access passwords ({origin}) is not {bytes} bytes long.',
      remedy: 'Restore the key from the backup it was kept in, or contact the vendor.',
    },
    grantKeyDamaged: {
      message: 'The key that protects remote-access passwords ({origin}) is damaged.',
      remedy: 'Restore the key from the backup it was kept in, or contact the vendor.',
    },
    grantKeyNoMatch: {
      message: 'The key that protects remote-access passwords ({origin}) does not match a stored password.',
      remedy: 'Restore the key from the backup it was kept in, or contact the vendor.',
    },
    grantKeyNoOpen: {
      message:
        'The key that protects remote-access passwords ({origin}) does not open this grant’s password (the key was replaced, or the row was altered).',
      remedy: 'Restore the key from the backup it was kept in, or contact the vendor.',
    },
  },
  DATABASE_DAMAGED: {
    sqliteUnreadable: {
      message:
        'The portal database {file} is damaged (it is not a readable SQLite database); the portal does not start on it.',
      remedy:
        'Stop every portal process using it, restore the file from your latest backup (or move it aside to start empty), then start again.',
    },
    sqliteIntegrity: {
      message:
        "The portal database {file} is damaged (SQLite's integrity check reports {count, plural, one {# problem} other {# problems}}); the portal does not start on it.",
      remedy:
        'Stop every portal process using it, restore the file from your latest backup (or move it aside to start empty), then start again.',
    },
  },
  DATABASE_AHEAD: {
    dbNewer: {
      message: 'The database was migrated by a newer portal ({unknown} is unknown to this build).',
      remedy:
        'Run the portal version that migrated it, or a newer one; never run an older portal against a newer database.',
    },
  },
  DATABASE_BEHIND: {
    dbPending: {
      message:
        'The database is behind this portal: {count, plural, one {# migration} other {# migrations}} not applied ({pending}).',
      remedy: 'Run `hicare-portal migrate` once with the same DATABASE_URL, then start the portal again.',
    },
  },
  INSUFFICIENT_SPACE: {
    storeFull: {
      message: `The portal's storage is full: it could not store ${STORED}.`,
      remedy: 'Try again later; if it persists, tell the vendor (the portal operator must free or add storage).',
    },
  },
  STORE_UNAVAILABLE: {
    storeFolder: {
      message: 'The portal cannot read and write its storage folder.',
      remedy: 'Check that the data directory exists and the portal’s user may write to it.',
    },
    s3NoBucket: {
      message: 'The object store has no bucket named {bucket}.',
      remedy: 'Create the bucket, or set HICARE_S3_BUCKET to an existing one.',
    },
    s3Credentials: {
      message: 'The object store refused the portal’s credentials for bucket {bucket}.',
      remedy: 'Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and what they may do in the bucket.',
    },
    s3OwnError: {
      message:
        'The portal could not {action, select, store {store} read {read} delete {delete} other {reach}} the object store: the store failed with an error of its own.',
      remedy: 'Check that the object store is healthy and has free space, then try again.',
    },
    s3OwnErrorOnKey: {
      message:
        'The portal could not {action, select, store {store} read {read} delete {delete} other {reach}} {key} in the object store: the store failed with an error of its own.',
      remedy: 'Check that the object store is healthy and has free space, then try again.',
    },
    s3NoAnswer: {
      message:
        'The portal could not {action, select, store {store} read {read} delete {delete} other {reach}} the object store: the store did not answer.',
      remedy: 'Check that the object store is running and reachable (HICARE_S3_ENDPOINT), then try again.',
    },
    s3NoAnswerOnKey: {
      message:
        'The portal could not {action, select, store {store} read {read} delete {delete} other {reach}} {key} in the object store: the store did not answer.',
      remedy: 'Check that the object store is running and reachable (HICARE_S3_ENDPOINT), then try again.',
    },
  },
  TUF_KEYS_MISSING: {
    tufNotEd25519: {
      message: 'The {role} key is not an ed25519 key.',
      remedy: 'Replace it with `keys rotate {role}`.',
    },
    tufNoKey: {
      message: 'No {role} key at {path}.',
      remedy: 'Run `keys init` first, or point at the right keys directory.',
    },
    tufUntrustedKeys: {
      message: 'None of the {role} keys in {keysDir} is the one root version {version} trusts.',
      remedy: 'Point at the keys directory this repository was created with.',
    },
  },
  TUF_ALREADY_INITIALIZED: {
    tufKeyExists: {
      message: 'A {role} key already exists in {keysDir}.',
      remedy: 'Use `keys rotate ROLE` to replace a key, or point at an empty keys directory.',
    },
    tufRepositoryInFolder: {
      message: '{repoDir} already holds a TUF repository.',
      remedy: 'Publish into it, or choose an empty directory or database.',
    },
    tufRepositoryInDatabase: {
      message: 'The database already holds a TUF repository.',
      remedy: 'Publish into it, or choose an empty directory or database.',
    },
  },
  TUF_REPOSITORY_BUSY: {
    tufLockFile: {
      message:
        'Another publisher ({holder, select, unknown {unknown} other {{holder}}}) has been changing the signed catalog for longer than {seconds} s.',
      remedy: 'Try again when it has finished; if no publisher is running, delete {lockFile}.',
    },
    tufAdvisoryLock: {
      message:
        'Another publisher (another portal process) has been changing the signed catalog for longer than {seconds} s.',
      remedy:
        'Try again when it has finished; if a signer or publish seems stuck, stop it — its lock ends with its connection.',
    },
  },
  TARGET_CONFLICT: {
    tufDifferentBytes: {
      message: 'Target {name} is already published with different bytes.',
      remedy: 'Publish the changed package under a new version.',
    },
  },
  GRANT_KEY_MISSING: {
    grantKeyInline: {
      message: 'HICARE_GRANT_KEY is not the base64 of {bytes} bytes.',
      remedy:
        'Generate one with `hicare-portal keys grant-key` (or `openssl rand -base64 32`) and set HICARE_GRANT_KEY to its output.',
    },
    grantKeyFileUnreadable: {
      message: 'The grant key file {file} (HICARE_GRANT_KEY_FILE) cannot be read.',
      remedy: `Check the path and that the portal's user may read it; ${GENERATE} into it if it was never made.`,
    },
    grantKeyFileInvalid: {
      message: 'The grant key file {file} does not hold the base64 of {bytes} bytes.',
      remedy: `Restore the file from its backup; ${GENERATE} only if no grants exist yet.`,
    },
    grantKeyUnset: {
      message: 'No grant key is configured; on PostgreSQL every portal instance must be given the same one.',
      remedy:
        'Generate one with `hicare-portal keys grant-key` (or `openssl rand -base64 32`), keep it safe, and give it to every instance as HICARE_GRANT_KEY or in a file named by HICARE_GRANT_KEY_FILE.',
    },
    grantKeyFileGone: {
      message: 'The grant key file {file} is gone, but remote-access grants made with it exist.',
      remedy:
        'Restore the file from the backup of the data directory, or set HICARE_GRANT_KEY / HICARE_GRANT_KEY_FILE to the key it held.',
    },
  },
  GRANT_KEY_MISMATCH: {
    grantKeyStored: {
      message: 'The grant key ({origin}) does not open the remote-access passwords stored in the database.',
      remedy:
        'Give the portal the key the grants were made with (the one the other instances use, or its backup); the portal will not start with another key.',
    },
  },
  ILLEGAL_TRANSITION: {
    requestGrantEnded: {
      message: `Request {number} is ${STATE}; no remote access is needed for it any more.`,
      remedy: 'Open a new request if help is still needed.',
    },
    requestSurveyNotClosed: {
      message: `Request {number} is ${STATE}; the survey opens once a request is closed.`,
      remedy: 'Answer the survey after the request is closed.',
    },
    requestNotAccepted: {
      message: 'Request {number} has not been accepted yet.',
      remedy: 'Accept the request first; the response time runs from acceptance.',
    },
    requestFinished: {
      message: `Request {number} is ${STATE}, so nothing more can be added to it.`,
      remedy: 'Open a new request if help is still needed.',
    },
    requestTakeNotAccepted: {
      message: 'Request {number} has not been accepted yet.',
      remedy: 'Accept the request: accepting also assigns it to you.',
    },
    requestTakeEnded: {
      message: `Request {number} is ${STATE}; nothing more can be done with it.`,
      remedy: 'Pick an open request from the queue.',
    },
  },
  ROLE_NOT_ALLOWED: {
    requestConversation: {
      message:
        '{role, select, itStaff {An IT staff account} portalAdmin {A portal administrator account} customerAdmin {A customer administrator account} engineer {A support engineer account} other {This account}} cannot {what, select, attach {attach files to a request} other {write on a request}}; the conversation is between the customer and the engineer.',
      remedy: 'Ask the customer administrator or the assigned engineer.',
    },
  },
  GRANT_REVOKED: {
    requestGrant: {
      message: 'The customer revoked this remote access on {revokedAt}.',
      remedy: 'Ask the customer for a new grant if access is still needed.',
    },
  },
  GRANT_EXPIRED: {
    requestGrant: {
      message: 'This remote access expired on {expiresAt}.',
      remedy: 'Ask the customer for a new grant if access is still needed.',
    },
  },
  FORBIDDEN: {
    requestGrantNotAssigned: {
      message: 'Only the engineer assigned to request {number} can read this password.',
      remedy: 'Take the request first, or leave it to its engineer.',
    },
    requestAssignedElsewhere: {
      message: 'Request {number} is assigned to another engineer.',
      remedy: 'Leave it to the assigned engineer, or ask a portal administrator to reassign it.',
    },
  },
  CONTRACT_EXPIRED: {
    requestNoContract: {
      message: 'No contract covering this system is in service.',
      remedy: 'Renew your maintenance contract to open new service requests.',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    requestReused: {
      message: 'The Idempotency-Key was already used for request {number}, with different contents.',
      remedy: 'Use a new Idempotency-Key for a new request; resend a request only with the key it was first sent with.',
    },
  },
  ALREADY_ASSIGNED: {
    requestTaken: {
      message: 'Request {number} is already assigned to another engineer.',
      remedy: 'Pick an unassigned request from the queue.',
    },
  },
} satisfies ErrorMessages;
