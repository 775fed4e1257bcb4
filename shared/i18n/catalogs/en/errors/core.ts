/**
 * Errors the client core raises (transport, trust, downloads, installs, settings), as variants of their codes.
 * Causes and kinds the core names by code (a connection's cause, which file, which tool) are ICU selects, so each
 * language says them inside one whole sentence.
 */
import type { ErrorMessages } from '../../../error-messages.js';

export const coreErrors = {
  ALREADY_EXISTS: {
    supportBundleFile: {
      message: 'There is already a file at {path}.',
      remedy: 'Choose another file name, or move the earlier bundle away first.',
    },
  },
  DETECTION_FAILED: {
    badPattern: {
      message: "The version check's pattern {pattern} is not a valid regular expression.",
      remedy: 'Report this to the vendor: the release metadata is wrong.',
    },
    cannotRun: {
      message: 'The version check could not run {program}.',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
    installStep: {
      message: 'Installing {release} failed.',
      remedy: 'Try again; if it persists, open a support request (it is filled in for you).',
    },
    ruleForOtherOs: {
      message: 'A "{kind}" version check works only on {only}, and this is {platform}.',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
    toolFailed: {
      message:
        '{check, select, command {The version check command failed} registry {Reading the Windows registry failed} plist {Reading the property list failed} dpkg {Asking dpkg for the installed version failed} other {Asking rpm for the installed version failed}} ({program} exited with {exitCode}).',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
    toolFailedSaying: {
      message:
        '{check, select, command {The version check command failed} registry {Reading the Windows registry failed} plist {Reading the property list failed} dpkg {Asking dpkg for the installed version failed} other {Asking rpm for the installed version failed}} ({program} exited with {exitCode}: {said}).',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
    unreadableRule: {
      message: 'The release metadata has a version check this app cannot read.',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
    versionFileUnreadable: {
      message: 'The version file {path} cannot be read.',
      remedy: 'Check that the product is installed as the vendor describes; if it is, report this to the vendor.',
    },
  },
  DOWNLOAD_CANCELLED: {
    byUser: {
      message: 'The download of {name} was cancelled.',
      remedy: 'Start the download again when you want the package.',
    },
  },
  DOWNLOAD_FAILED: {
    badRangeAnswer: {
      message:
        'The package server answered a request for {name} from byte {from} with {answer, select, unasked {a partial answer nobody asked for} unreadable {an unreadable Content-Range "{header}"} wrongStart {bytes from {start}} wrongTotal {a file of {total} bytes, where the signed catalog lists {length}} other {the impossible range {start}-{end}}}.',
      remedy:
        'Try again later; if it happens again, report it to the vendor: the server does not answer range requests correctly.',
    },
    cacheNotWritable: {
      message: 'The package cache at {cacheDir} cannot be written.',
      remedy: 'Make sure the download folder exists and is writable, then try again.',
    },
    connectionBroke: {
      message:
        'The connection to {host} broke off while sending {name}: {cause, select, refused {nothing answered at that address} nameNotFound {its name could not be found} nameLookup {its name could not be looked up} noRoute {there is no network route to it} hostDown {it is switched off or disconnected} networkDown {the network is down} cut {the connection was cut} stopped {it stopped answering} other {the connection failed}}.',
      remedy: 'Try again; the download resumes where it stopped.',
    },
    packageFailed: {
      message: 'Downloading {name} failed.',
      remedy: 'Try again; if it keeps failing, contact support.',
    },
    packageServerAnswered: {
      message: 'The package server at {host} answered {status} for {name}.',
      remedy: 'Try again later; the download resumes where it stopped.',
    },
    repeated: {
      message: 'Downloading {name} failed {attempts} times in a row.',
      remedy: 'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
    },
    repeatedConnectionBroke: {
      message:
        'Downloading {name} failed {attempts} times in a row; the last time, the connection to {host} broke off: {cause, select, refused {nothing answered at that address} nameNotFound {its name could not be found} nameLookup {its name could not be looked up} noRoute {there is no network route to it} hostDown {it is switched off or disconnected} networkDown {the network is down} cut {the connection was cut} stopped {it stopped answering} other {the connection failed}}.',
      remedy: 'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
    },
    repeatedServerAnswered: {
      message:
        'Downloading {name} failed {attempts} times in a row; the last time, the package server at {host} answered {status}.',
      remedy: 'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
    },
    repeatedShortAnswer: {
      message:
        'Downloading {name} failed {attempts} times in a row; the last time, the server at {host} ended its answer before the whole package was sent.',
      remedy: 'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
    },
    requestUnprepared: {
      message: 'The request for {name} could not be prepared.',
      remedy: 'Sign in again, then retry the download.',
    },
    shortAnswer: {
      message: 'The server at {host} ended its answer before the whole package was sent.',
      remedy: 'Try again; the download resumes where it stopped.',
    },
  },
  FILE_NOT_ACCESSIBLE: {
    fileBusy: {
      message:
        '{file, select, trustRoot {Trust root} trustRootArgument {Trust root} caBundle {CA bundle} dataFolder {App data folder} downloadFolder {Download folder} packageFile {Package file} supportBundle {Support bundle file} other {File}} at {path} is in use by another program.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    fileNoPermission: {
      message:
        'Your account may not use {file, select, trustRoot {trust root} trustRootArgument {trust root} caBundle {CA bundle} dataFolder {app data folder} downloadFolder {download folder} packageFile {package file} supportBundle {support bundle file} other {file}} at {path}.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    fileReadOnly: {
      message:
        '{file, select, trustRoot {Trust root} trustRootArgument {Trust root} caBundle {CA bundle} dataFolder {App data folder} downloadFolder {Download folder} packageFile {Package file} supportBundle {Support bundle file} other {File}} at {path} is on a disk that cannot be written to.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    fileUnreadable: {
      message:
        '{file, select, trustRoot {Trust root} trustRootArgument {Trust root} caBundle {CA bundle} dataFolder {App data folder} downloadFolder {Download folder} packageFile {Package file} supportBundle {Support bundle file} other {File}} at {path} cannot be used.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
  },
  FORBIDDEN: {
    webHost: {
      message: 'This host name is not served.',
      remedy: 'Open the address the app printed.',
    },
  },
  HASH_MISMATCH: {
    appUpdateBytes: {
      message: "The downloaded update's bytes are not the ones the vendor signed for {name}.",
      remedy:
        'The update was not installed. The manager keeps running this version; report it to the vendor if it happens again.',
    },
    cachedPackageLength: {
      message:
        'The package {path} is {size} bytes, but the signed catalog says {length}: it was changed after it was downloaded.',
      remedy: 'Download the package again; it will be checked again before it is installed.',
    },
    cachedPackageSha256: {
      message:
        'The package {path} does not match its SHA-256 in the signed catalog: it was changed after it was downloaded.',
      remedy: 'Download the package again; it will be checked again before it is installed.',
    },
    downloadedPackage: {
      message:
        'The downloaded {name} is not the published package: its SHA-256 is {actual}, the signed catalog lists {expected}. It was quarantined and will not be installed.',
      remedy:
        'Download it again; if it fails the same way, report it to the vendor: something between you and the portal changes the package.',
    },
    installStep: {
      message: 'Installing {release} failed.',
      remedy: 'Try again; if it persists, open a support request (it is filled in for you).',
    },
    notASignedPackage: {
      message: '{file} is not a package of the signed catalog (SHA-256 {sha256}).',
      remedy: 'Do not install it. Download the package again from the portal.',
    },
  },
  INSTALLER_UNSUPPORTED: {
    installStep: {
      message: 'Installing {release} failed.',
      remedy: 'Try again; if it persists, open a support request (it is filled in for you).',
    },
    installerType: {
      message: 'A "{installerType}" installer cannot run on {platform}.',
      remedy: 'Download the package built for this computer’s operating system.',
    },
    otherPlatform: {
      message: 'This package of {product} {version} is built for {packagePlatform}, and this computer runs {platform}.',
      remedy: 'Download the package built for this computer’s operating system.',
    },
  },
  INSTALL_FAILED: {
    installStep: {
      message: 'Installing {release} failed.',
      remedy: 'Try again; if it persists, open a support request (it is filled in for you).',
    },
    installer: {
      message:
        'Installing {release} failed: the installer {stopped, select, signal {was stopped by {signal}} other {exited with code {exitCode}}}.',
      remedy:
        'Fix what the installer names as the cause and install again; if you cannot, open a support request (it is filled in for you).',
    },
    installerNotStarted: {
      message: 'The installer for {release} could not be started.',
      remedy:
        'Check that this computer has the tools the installer needs and that you may run them, then install again.',
    },
    installerSaying: {
      message:
        'Installing {release} failed: the installer {stopped, select, signal {was stopped by {signal}} other {exited with code {exitCode}}}: {cause}',
      remedy:
        'Fix what the installer names as the cause and install again; if you cannot, open a support request (it is filled in for you).',
    },
  },
  INSTALL_IN_PROGRESS: {
    onSystem: {
      message: 'An installation on {serialNumber} is already running ({release}, since {sinceAt}).',
      remedy: 'Wait for it to finish, then start this one again. Nothing was changed.',
    },
  },
  INSTALL_TIMEOUT: {
    installer: {
      message: 'Installing {release} did not finish within {seconds} seconds, so it was stopped.',
      remedy:
        'Check that nothing on this computer is waiting for an answer or locking the product’s files, then install again.',
    },
  },
  INSUFFICIENT_SPACE: {
    fileDiskFull: {
      message:
        'The disk holding {file, select, trustRoot {trust root} trustRootArgument {trust root} caBundle {CA bundle} dataFolder {app data folder} downloadFolder {download folder} packageFile {package file} supportBundle {support bundle file} other {file}} at {path} is full.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    packageCache: {
      message: 'There is not enough free space for the package in {cacheDir}: it needs {need} MB more.',
      remedy:
        'Free at least {short} MB on the disk holding {cacheDir}, then resume the download: what was downloaded is kept.',
    },
    packageCacheFree: {
      message:
        'There is not enough free space for the package in {cacheDir}: it needs {need} MB more, {free} MB are free.',
      remedy:
        'Free at least {short} MB on the disk holding {cacheDir}, then resume the download: what was downloaded is kept.',
    },
  },
  INTERNAL: {
    installReportUnsent: {
      message: 'The report could not be sent.',
      remedy: 'It is sent again with the next check.',
    },
    requestUnsent: {
      message: 'The request could not be sent.',
      remedy: 'Try again later.',
    },
    webHost: {
      message: 'The web host failed.',
      remedy: 'Restart the app.',
    },
  },
  INVALID_INPUT: {
    appUpdatePlatform: {
      message: 'The manager has no signed updates for {platform}.',
      remedy:
        'The update was not installed. The manager keeps running this version; report it to the vendor if it happens again.',
    },
    attachedDemoUnreadable: {
      message: 'The demo portal started beside the app could not be read.',
      remedy: 'Start the app again with npm start, or configure a portal in Settings.',
    },
    attachmentIncomplete: {
      message: 'The file {fileName} did not arrive whole.',
      remedy: 'Attach the file again.',
    },
    attachmentName: {
      message: 'The file name cannot be shown on a request.',
      remedy: 'Rename the file (no slashes or control characters), then attach it.',
    },
    caBundleNotPem: {
      message: '{file} holds no PEM certificate.',
      remedy:
        'Use a PEM bundle (-----BEGIN CERTIFICATE----- blocks). Choose a readable PEM file under Settings → Extra CA bundle (PEM file).',
    },
    demoPortalPort: {
      message: 'HICARE_DEMO_PORTAL_PORT must be a port number, not "{value}".',
      remedy: 'Set it to a number from 1 to 65535, or unset it for any free port.',
    },
    downloadAddress: {
      message: '"{address}" is not a download address.',
      remedy: 'Check the portal address (Settings → Portal address, or --portal).',
    },
    downloadLength: {
      message: '{name} has no valid length in its catalog entry.',
      remedy: 'Refresh the catalog and try again.',
    },
    downloadLengthConflict: {
      message: '{name} is being downloaded with another length for the same SHA-256.',
      remedy: 'Refresh the catalog and try again.',
    },
    downloadProtocol: {
      message: '{protocol} addresses cannot be downloaded from.',
      remedy: 'Use an http(s) portal address.',
    },
    downloadSha256: {
      message: '{name} has no valid SHA-256 in its catalog entry.',
      remedy: 'Refresh the catalog and try again.',
    },
    downloadUnnamed: {
      message: 'The package to download has no name.',
      remedy: 'Pick the package from the catalog again.',
    },
    fileIsAFolder: {
      message:
        '{file, select, trustRoot {Trust root} trustRootArgument {Trust root} caBundle {CA bundle} dataFolder {App data folder} downloadFolder {Download folder} packageFile {Package file} supportBundle {Support bundle file} other {File}} {path} is a folder, where a file is needed.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    fileNameTooLong: {
      message:
        'The path given for {file, select, trustRoot {trust root} trustRootArgument {trust root} caBundle {CA bundle} dataFolder {app data folder} downloadFolder {download folder} packageFile {package file} supportBundle {support bundle file} other {file}} is too long for this system.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    installInput: {
      message:
        '{problem, select, metadata {The release metadata of this package is incomplete, so it cannot be installed.} catalogEntry {The package’s catalog entry (name, SHA-256, length) is incomplete, so it cannot be installed.} system {The system to install on (serial number, location, installed version) is not given.} packagePath {The package path must be an absolute path.} installFolder {The install folder must be an absolute path.} other {The scratch folder must be an absolute path.}}',
      remedy: 'Download the package again from the release list.',
    },
    installScriptMissing: {
      message: 'The release metadata of {product} {version} does not say which script installs it.',
      remedy: 'Report this to the vendor.',
    },
    installedVersionUnknown: {
      message: 'The version installed on {serialNumber} is not known, so no path to {release} can be planned.',
      remedy: 'Enter the installed version of the system first (Set version).',
    },
    noPortalConfigured: {
      message: 'No portal is configured.',
      remedy: 'Enter the portal address in Settings, or sign in with one.',
    },
    operationData: {
      message: 'An operation record’s data cannot be written as JSON.',
      remedy: 'Pass plain data (no cycles, no BigInt).',
    },
    operationKind: {
      message: '"{kind}" is not a kind of operation record.',
      remedy: 'Use one of: {kinds}.',
    },
    operationsSince: {
      message: '"{value}" is not a point in time.',
      remedy: 'Give a date and time such as 2025-03-01T12:00:00Z.',
    },
    parallelDownloads: {
      message: 'The number of parallel downloads must be a whole number of at least 1, not {value}.',
      remedy: 'Set parallel downloads to 1 or more.',
    },
    portalAddress: {
      message: '"{address}" is not a portal address.',
      remedy: 'Give the portal as a URL, e.g. https://portal.example.com.',
    },
    portalProtocol: {
      message: 'The portal address must use https (or http on this machine), not {protocol}.',
      remedy: 'Give the portal as https://host[:port].',
    },
    proxyAddress: {
      message: 'The proxy address "{proxy}" is not a URL.',
      remedy: 'Set Settings → Proxy as http://host:port (or fix HTTPS_PROXY).',
    },
    remoteEquipment: {
      message: 'System {serialNumber} is remote equipment with no folder on this desktop.',
      remedy: 'Download the package and install it on the equipment itself.',
    },
    supportBundlePath: {
      message: 'A support bundle is written to a .tar.gz file; {path} is not one.',
      remedy: 'Give a full path to a file ending in .tar.gz.',
    },
    upgradeNotNewer: {
      message: '{serialNumber} already runs {installed}; {version} is not newer.',
      remedy: 'Pick a newer version to upgrade to.',
    },
    webBodyNotJson: {
      message: 'The request body is not valid JSON.',
      remedy: 'Send a JSON object.',
    },
    webBodyTooLarge: {
      message: 'The request body is too large.',
      remedy: 'Attach files of at most {maxMiB} MiB, one at a time.',
    },
  },
  LENGTH_EXCEEDED: {
    appUpdateLonger: {
      message: 'The downloaded update is {size} bytes, longer than the {length} the vendor signed.',
      remedy:
        'The update was not installed. The manager keeps running this version; report it to the vendor if it happens again.',
    },
    packageLonger: {
      message:
        'The server sent more than the {length} bytes the signed catalog lists for this package (at least {received}); the download was stopped and nothing was kept.',
      remedy:
        'Try again later; if it happens again, report it to the vendor: the server is not sending the published package.',
    },
  },
  NOT_FOUND: {
    appUpdateGone: {
      message: 'The downloaded update {file} is gone.',
      remedy: 'It is downloaded again at the next check.',
    },
    desktopDownload: {
      message: 'There is no download {id}.',
      remedy: 'Refresh the list of downloads.',
    },
    downloadOfInstallation: {
      message: 'That download belongs to an installation and cannot be controlled on its own.',
      remedy: 'Wait for the installation to finish.',
    },
    downloadedPackageGone: {
      message: 'The downloaded package {path} is not there any more.',
      remedy: 'Download the package again; it will be checked again before it is installed.',
    },
    failure: {
      message: 'No failed installation {id} is recorded.',
      remedy: 'Open a new request and describe the fault yourself.',
    },
    failureToDismiss: {
      message: 'That failed installation is not recorded on this desktop.',
      remedy: 'Reload the system’s page.',
    },
    failureToDraft: {
      message: 'That failed installation is not recorded on this desktop.',
      remedy: 'Describe the fault yourself in a new request.',
    },
    fileMissing: {
      message:
        'There is no {file, select, trustRoot {trust root} trustRootArgument {trust root} caBundle {CA bundle} dataFolder {app data folder} downloadFolder {download folder} packageFile {package file} supportBundle {support bundle file} other {file}} at {path}.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    fileNotAFolder: {
      message:
        'The path of {file, select, trustRoot {trust root} trustRootArgument {trust root} caBundle {CA bundle} dataFolder {app data folder} downloadFolder {download folder} packageFile {package file} supportBundle {support bundle file} other {file}}, {path}, goes through something that is not a folder.',
      remedy:
        "{file, select, trustRoot {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} trustRootArgument {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json} caBundle {Choose a readable PEM file under Settings → Extra CA bundle (PEM file).} dataFolder {Check that your account may read the data folder, then try again.} downloadFolder {Choose a folder you may write to (--out DIR, or Settings → Download folder).} packageFile {Give the path of a package file downloaded from the portal.} supportBundle {Choose a folder your account may write to, then export again.} other {Check the path given on the command line and try again.}}",
    },
    inventorySystem: {
      message: 'No system {serialNumber} is on your contracts.',
      remedy: 'Refresh the systems from the portal: the list shows every system on your contracts.',
    },
    noFailure: {
      message: 'No failed installation is recorded on this desktop.',
      remedy: 'Open a new request and describe the fault yourself.',
    },
    stagedAttachment: {
      message: 'The file {fileName} is no longer ready to send.',
      remedy: 'Attach the file again, then send the request.',
    },
    systemToUpgrade: {
      message: 'No system {serialNumber} is on your contracts.',
      remedy: 'Pick one of the systems your contracts cover.',
    },
    waitingRequest: {
      message: 'That request is not waiting on this desktop.',
      remedy: 'Refresh the list of requests.',
    },
    webFile: {
      message: 'No such file.',
      remedy: 'Open the app from its start page.',
    },
    webMethod: {
      message: 'Only GET is served here.',
      remedy: 'Open the app from its start page.',
    },
  },
  OFFLINE: {
    packageServerUnreachable: {
      message:
        'The package server at {host} cannot be reached: {cause, select, refused {nothing answered at that address} nameNotFound {its name could not be found} nameLookup {its name could not be looked up} noRoute {there is no network route to it} hostDown {it is switched off or disconnected} networkDown {the network is down} cut {the connection was cut} stopped {it stopped answering} other {the connection failed}}.',
      remedy:
        'Check your network connection and the proxy (Settings → Proxy, or HTTPS_PROXY), then try again; what was downloaded is kept.',
    },
    portalUnreachable: {
      message:
        'The portal at {portal} cannot be reached: {cause, select, refused {nothing answered at that address} nameNotFound {its name could not be found} nameLookup {its name could not be looked up} noRoute {there is no network route to it} hostDown {it is switched off or disconnected} networkDown {the network is down} cut {the connection was cut} stopped {it stopped answering} other {the connection failed}}.',
      remedy: 'Check your network connection, proxy settings and the portal address, then try again.',
    },
    trustUnreachable: {
      message: 'The portal at {portal} cannot be reached to check its signed catalog.',
      remedy: 'Check your network connection and the portal address.',
    },
  },
  OPERATION_LOG_TAMPERED: {
    lastRecord: {
      message: 'The last operation record in {path} is damaged, so no record can follow it.',
      remedy: 'Report it to your administrator, and include the file in a support request.',
    },
    records: {
      message:
        'The operation records in {path} were changed after they were written ({reason, select, edited {record {record} no longer matches its hash} chainBroken {record {record} does not follow the record before it} removed {record {record} is missing} reordered {record {record} is out of order} duplicated {record {record} appears twice} malformed {a line is not an operation record} truncated {records from {record} on were cut off the end} other {records from {record} on were written outside this app}}).',
      remedy:
        'Do not rely on these records; report it to your administrator, and include the file in a support request.',
    },
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    installOnDesktop: {
      message:
        '{target} is {targetProduct} for {targetPlatform}; system {serialNumber} runs {product} on {systemPlatform} and this desktop is {desktopPlatform}.',
      remedy: 'Nothing was installed. Pick a package of {product} built for {desktopPlatform} for this system.',
    },
  },
  PORTAL_ERROR: {
    packageRefused: {
      message: 'The package server at {host} refused {name} ({status}) without an explanation.',
      remedy: 'Check the portal address and that you are signed in, then try again.',
    },
    portalAnswerMismatch: {
      message: "The portal's answer to {call} does not match the API.",
      remedy: 'Update the app, or check that the address points at a Hi-Care portal.',
    },
    portalCertificate: {
      message: "The portal's certificate at {portal} is not trusted by this computer.",
      remedy: 'Add your company CA bundle under Settings → Extra CA bundle, or check the portal address.',
    },
    portalTalkFailed: {
      message: 'Talking to the portal at {portal} failed.',
      remedy: 'Try again; if it persists, check the portal address and your network.',
    },
    portalUnexplained: {
      message: 'The portal at {portal} answered {status} without an explanation.',
      remedy: 'Check the portal address (Settings → Portal address, or --portal); if it is right, try again later.',
    },
  },
  TARGET_MISMATCH: {
    appUpdateEntry: {
      message: 'The signed entry of {name} describes another release.',
      remedy:
        'The update was not installed. The manager keeps running this version; report it to the vendor if it happens again.',
    },
    listedDiffers: {
      message: 'The portal describes {name} differently from the signed catalog ({field}: {said} vs {signed}).',
      remedy: 'Nothing was downloaded or installed. Refresh and try again; if it persists, report it to the vendor.',
    },
    packageShorter: {
      message: 'The package server offers {announced} bytes for {name}, where the signed catalog lists {length}.',
      remedy: 'Nothing was kept. Refresh the catalog and try again; if it persists, report it to the vendor.',
    },
  },
  TARGET_UNKNOWN: {
    appUpdateUnsigned: {
      message: 'The update {version} ({file}) is not signed by the vendor.',
      remedy:
        'The update was not installed. The manager keeps running this version; report it to the vendor if it happens again.',
    },
    hopNotInCheck: {
      message: '{product} {version} is not in the check for {serialNumber}.',
      remedy: 'Check for updates again, then plan the path.',
    },
    notInSignedCatalog: {
      message: 'The signed catalog has no package {name}.',
      remedy: 'Refresh the catalog; if the package is still missing, ask the vendor.',
    },
    notPublishedForPlatform: {
      message: '{release} is not published for {platform}.',
      remedy: 'Pick a version of {product} that the check lists for {serialNumber}.',
    },
  },
  TIMEOUT: {
    packageServerStopped: {
      message: 'The package server at {host} stopped answering while sending {name}.',
      remedy: 'Check your network connection and try again; the download resumes where it stopped.',
    },
    portalSlow: {
      message: 'The portal at {portal} did not answer in time.',
      remedy: 'Check your network connection and try again.',
    },
  },
  TRUST_METADATA_INVALID: {
    entryIncomplete: {
      message: 'The signed entry of {name} is incomplete.',
      remedy: 'Ask the vendor to republish the package.',
    },
    expired: {
      message:
        "The portal's signed catalog has expired{role, select, snapshot { (snapshot metadata)} targets { (targets metadata)} product { (the signed list of {product} releases)} other {}}.",
      remedy:
        'The portal may be serving stale or frozen metadata. Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.',
    },
    mixed: {
      message:
        "The portal's metadata files do not match each other{role, select, snapshot { (snapshot metadata)} targets { (targets metadata)} product { (the signed list of {product} releases)} other {}}.",
      remedy:
        'This looks like mixed or altered metadata. Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.',
    },
    rollback: {
      message:
        'The portal offered older signed metadata than this computer has already seen{role, select, snapshot { (snapshot metadata)} targets { (targets metadata)} product { (the signed list of {product} releases)} other {}}.',
      remedy:
        'This looks like a rollback. Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.',
    },
    unverified: {
      message: "The portal's signed catalog could not be verified.",
      remedy: 'Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.',
    },
  },
  TRUST_ROOT_EXPIRED: {
    root: {
      message: '{file} expired on {expiredAt}; an expired root cannot start trust in a portal.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
  },
  TRUST_ROOT_INVALID: {
    fewerKeys: {
      message: '{file} asks for {threshold} {role} keys but lists fewer.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
    incomplete: {
      message: '{file} is not complete TUF root metadata.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
    notJson: {
      message: '{file} is not JSON.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
    notRoot: {
      message: '{file} is not TUF root metadata.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
    threshold: {
      message:
        '{file} lets its {role} role sign with {threshold, select, none {no} other {{threshold}}} keys; every role needs at least one.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
    tooLarge: {
      message: '{file} is larger than {maxKiB} KiB; a TUF root is a few kilobytes, so this is not one.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
  },
  TRUST_ROOT_UNSIGNED: {
    ownKeys: {
      message: '{file} is not signed by {needed} of its own root keys: it was altered, or its signatures were removed.',
      remedy:
        "Nothing was trusted. {namedIn, select, settings {Choose the portal's root.json under Trusted root (e.g. '<portal data>'/tuf/1.root.json).} other {Give the portal's root.json: hicare trust '<portal data>'/tuf/1.root.json}}",
    },
  },
  UNAUTHENTICATED: {
    notSignedIn: {
      message: 'You are not signed in to the portal.',
      remedy: 'Sign in with your portal account.',
    },
    webToken: {
      message: 'The app token is missing or wrong.',
      remedy: 'Open the address the app printed, including its #token.',
    },
  },
  UNKNOWN_METHOD: {
    webApi: {
      message: 'No API at {method} {path}.',
      remedy: 'Update the app.',
    },
    webEvent: {
      message: 'There is no event "{event}".',
      remedy: 'Declare it in the app API first.',
    },
  },
  UNTRUSTED_PORTAL: {
    packageServerCertificate: {
      message: 'The certificate of {host} is not trusted by this computer.',
      remedy: 'Add your company CA bundle under Settings → Extra CA bundle, or check the portal address.',
    },
    rootDoesNotSign: {
      message: 'The portal at {portal} is not signed by the keys of this root.',
      remedy:
        'Nothing was changed. Choose the root its operator gave you for this portal, and compare its fingerprint.',
    },
    rootUnreadable: {
      message: 'The trusted root {file} cannot be read.',
      remedy:
        'Choose the portal’s root.json under Trusted root (hicare trust ROOT.json on the command line), or reinstall the app.',
    },
    unsignedMetadata: {
      message:
        "The portal's metadata is not signed by keys this computer trusts{role, select, snapshot { (snapshot metadata)} targets { (targets metadata)} product { (the signed list of {product} releases)} other {}}.",
      remedy:
        'If this is a different portal, trust its root explicitly (its fingerprint is shown); otherwise report it to the vendor.',
    },
  },
  VERSION_NOT_IN_CATALOG: {
    entered: {
      message: "{version} is not a version of {product} in the vendor's catalog; nothing was changed.",
      remedy:
        "{knownCount, plural, =0 {The catalog lists no version of this product yet.} other {The catalog's versions are {known}.}} If the equipment runs a version installed by other means, confirm that it is not in the vendor's catalog.",
    },
    enteredInApp: {
      message: "{version} is not a version of {product} in the vendor's catalog; nothing was changed.",
      remedy:
        "{knownCount, plural, =0 {The catalog lists no version of this product yet.} other {The catalog's versions are {known}.}} For equipment installed by other means, tick “This version is not in the vendor’s catalog (installed by other means)” and save again.",
    },
  },
  VERSION_NOT_REACHED: {
    otherVersion: {
      message: 'The installer for {release} finished, but the installed version is {detected}, not {version}.',
      remedy: 'Open a support request: it is filled in with the installer log and this computer’s details.',
    },
    productMissing: {
      message: 'The installer for {release} finished, but {product} is not found afterwards, not {version}.',
      remedy: 'Open a support request: it is filled in with the installer log and this computer’s details.',
    },
  },
} satisfies ErrorMessages;
