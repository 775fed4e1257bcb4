/** 客户端核心（传输、信任、下载、安装、设置）报出的错误，按错误码分变体。 */
import type { SameShape } from '../../../messages.js';
import type { coreErrors as en } from '../../en/errors/core.js';

export const coreErrors: SameShape<typeof en> = {
  ALREADY_EXISTS: {
    supportBundleFile: {
      message: '{path} 处已有文件。',
      remedy: '请换一个文件名，或先移走之前的支持包。',
    },
  },
  DETECTION_FAILED: {
    badPattern: {
      message: '版本检测的模式 {pattern} 不是有效的正则表达式。',
      remedy: '请向厂商报告此问题：版本元数据有误。',
    },
    cannotRun: {
      message: '版本检测无法运行 {program}。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
    installStep: {
      message: '安装 {release} 失败。',
      remedy: '请重试；如果问题仍然存在，请提交支持请求（系统会为您自动填写）。',
    },
    ruleForOtherOs: {
      message: '“{kind}”类版本检测仅适用于 {only}，而本机为 {platform}。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
    toolFailed: {
      message:
        '{check, select, command {版本检测命令执行失败} registry {读取 Windows 注册表失败} plist {读取属性列表失败} dpkg {向 dpkg 查询已安装版本失败} other {向 rpm 查询已安装版本失败}}（{program} 以退出码 {exitCode} 退出）。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
    toolFailedSaying: {
      message:
        '{check, select, command {版本检测命令执行失败} registry {读取 Windows 注册表失败} plist {读取属性列表失败} dpkg {向 dpkg 查询已安装版本失败} other {向 rpm 查询已安装版本失败}}（{program} 以退出码 {exitCode} 退出：{said}）。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
    unreadableRule: {
      message: '版本元数据中的版本检测方式本应用无法识别。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
    versionFileUnreadable: {
      message: '无法读取版本文件 {path}。',
      remedy: '请确认产品已按厂商说明安装；如果已正确安装，请向厂商报告此问题。',
    },
  },
  DOWNLOAD_CANCELLED: {
    byUser: {
      message: '{name} 的下载已取消。',
      remedy: '需要该安装包时，请重新开始下载。',
    },
  },
  DOWNLOAD_FAILED: {
    badRangeAnswer: {
      message:
        '安装包服务器对从第 {from} 字节开始请求 {name} 的响应是{answer, select, unasked {一个未经请求的部分响应} unreadable {无法解析的 Content-Range“{header}”} wrongStart {从第 {start} 字节开始的数据} wrongTotal {一个 {total} 字节的文件，而已签名目录记载的是 {length} 字节} other {不可能的范围 {start}-{end}}}。',
      remedy: '请稍后重试；如果再次发生，请向厂商报告：该服务器未正确响应分段请求。',
    },
    cacheNotWritable: {
      message: '无法写入位于 {cacheDir} 的安装包缓存。',
      remedy: '请确认下载文件夹存在且可写入，然后重试。',
    },
    connectionBroke: {
      message:
        '与 {host} 的连接在发送 {name} 时中断：{cause, select, refused {该地址没有服务响应} nameNotFound {找不到该主机名} nameLookup {无法解析该主机名} noRoute {没有通往该地址的网络路由} hostDown {对方已关机或断开连接} networkDown {网络已断开} cut {连接被中断} stopped {对方停止了响应} other {连接失败}}。',
      remedy: '请重试，下载会从中断处继续。',
    },
    packageFailed: {
      message: '下载 {name} 失败。',
      remedy: '请重试；如果仍然失败，请联系技术支持。',
    },
    packageServerAnswered: {
      message: '安装包服务器 {host} 对 {name} 返回了 {status}。',
      remedy: '请稍后重试，下载会从中断处继续。',
    },
    repeated: {
      message: '下载 {name} 已连续失败 {attempts} 次。',
      remedy: '请稍后重试，下载会从中断处继续。如果仍然失败，请联系技术支持。',
    },
    repeatedConnectionBroke: {
      message:
        '下载 {name} 已连续失败 {attempts} 次；最后一次是与 {host} 的连接中断：{cause, select, refused {该地址没有服务响应} nameNotFound {找不到该主机名} nameLookup {无法解析该主机名} noRoute {没有通往该地址的网络路由} hostDown {对方已关机或断开连接} networkDown {网络已断开} cut {连接被中断} stopped {对方停止了响应} other {连接失败}}。',
      remedy: '请稍后重试，下载会从中断处继续。如果仍然失败，请联系技术支持。',
    },
    repeatedServerAnswered: {
      message: '下载 {name} 已连续失败 {attempts} 次；最后一次是安装包服务器 {host} 返回了 {status}。',
      remedy: '请稍后重试，下载会从中断处继续。如果仍然失败，请联系技术支持。',
    },
    repeatedShortAnswer: {
      message: '下载 {name} 已连续失败 {attempts} 次；最后一次是服务器 {host} 在整个安装包发送完之前就结束了响应。',
      remedy: '请稍后重试，下载会从中断处继续。如果仍然失败，请联系技术支持。',
    },
    requestUnprepared: {
      message: '无法准备 {name} 的下载请求。',
      remedy: '请重新登录，然后重试下载。',
    },
    shortAnswer: {
      message: '服务器 {host} 在整个安装包发送完之前就结束了响应。',
      remedy: '请重试，下载会从中断处继续。',
    },
  },
  FILE_NOT_ACCESSIBLE: {
    fileBusy: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 正被其他程序占用。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    fileNoPermission: {
      message:
        '您的账户无权使用{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path}。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    fileReadOnly: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 所在的磁盘不可写入。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    fileUnreadable: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 无法使用。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
  },
  FORBIDDEN: {
    webHost: {
      message: '不提供此主机名的服务。',
      remedy: '请打开应用输出的地址。',
    },
  },
  HASH_MISMATCH: {
    appUpdateBytes: {
      message: '已下载更新的内容与厂商为 {name} 签名的内容不符。',
      remedy: '更新未安装。管理器将继续运行当前版本；如果再次发生，请向厂商报告。',
    },
    cachedPackageLength: {
      message: '安装包 {path} 的大小为 {size} 字节，而已签名目录记载的是 {length} 字节：下载后已被改动。',
      remedy: '请重新下载该安装包；安装前会再次校验。',
    },
    cachedPackageSha256: {
      message: '安装包 {path} 与已签名目录中的 SHA-256 不符：下载后已被改动。',
      remedy: '请重新下载该安装包；安装前会再次校验。',
    },
    downloadedPackage: {
      message:
        '下载的 {name} 不是已发布的安装包：其 SHA-256 为 {actual}，而已签名目录记载的是 {expected}。该文件已被隔离，不会被安装。',
      remedy: '请重新下载；如果以同样的方式失败，请向厂商报告：您与门户之间有某个环节篡改了安装包。',
    },
    installStep: {
      message: '安装 {release} 失败。',
      remedy: '请重试；如果问题仍然存在，请提交支持请求（系统会为您自动填写）。',
    },
    notASignedPackage: {
      message: '{file} 不是已签名目录中的安装包（SHA-256 {sha256}）。',
      remedy: '请勿安装该文件。请从门户重新下载安装包。',
    },
  },
  INSTALLER_UNSUPPORTED: {
    installStep: {
      message: '安装 {release} 失败。',
      remedy: '请重试；如果问题仍然存在，请提交支持请求（系统会为您自动填写）。',
    },
    installerType: {
      message: '“{installerType}”类安装程序无法在 {platform} 上运行。',
      remedy: '请下载为本机操作系统构建的安装包。',
    },
    otherPlatform: {
      message: '{product} {version} 的这个安装包是为 {packagePlatform} 构建的，而本机运行的是 {platform}。',
      remedy: '请下载为本机操作系统构建的安装包。',
    },
  },
  INSTALL_FAILED: {
    installStep: {
      message: '安装 {release} 失败。',
      remedy: '请重试；如果问题仍然存在，请提交支持请求（系统会为您自动填写）。',
    },
    installer: {
      message:
        '安装 {release} 失败：安装程序{stopped, select, signal {被信号 {signal} 终止} other {以退出码 {exitCode} 退出}}。',
      remedy: '请按安装程序指出的原因处理后重新安装；如果无法解决，请提交支持请求（系统会为您自动填写）。',
    },
    installerNotStarted: {
      message: '无法启动 {release} 的安装程序。',
      remedy: '请确认本机具备安装程序所需的工具且您有权运行它们，然后重新安装。',
    },
    installerSaying: {
      message:
        '安装 {release} 失败：安装程序{stopped, select, signal {被信号 {signal} 终止} other {以退出码 {exitCode} 退出}}：{cause}',
      remedy: '请按安装程序指出的原因处理后重新安装；如果无法解决，请提交支持请求（系统会为您自动填写）。',
    },
  },
  INSTALL_IN_PROGRESS: {
    onSystem: {
      message: '{serialNumber} 上已有一项安装正在进行（{release}，开始于 {sinceAt}）。',
      remedy: '请等待其完成后再重新开始本次安装。未做任何更改。',
    },
  },
  INSTALL_TIMEOUT: {
    installer: {
      message: '安装 {release} 未在 {seconds} 秒内完成，已被终止。',
      remedy: '请确认本机上没有程序在等待输入或锁定该产品的文件，然后重新安装。',
    },
  },
  INSUFFICIENT_SPACE: {
    fileDiskFull: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 所在的磁盘已满。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    packageCache: {
      message: '{cacheDir} 中没有足够的空间存放该安装包：还需要 {need} MB。',
      remedy: '请在 {cacheDir} 所在磁盘上至少释放 {short} MB，然后继续下载：已下载的部分会保留。',
    },
    packageCacheFree: {
      message: '{cacheDir} 中没有足够的空间存放该安装包：还需要 {need} MB，当前可用 {free} MB。',
      remedy: '请在 {cacheDir} 所在磁盘上至少释放 {short} MB，然后继续下载：已下载的部分会保留。',
    },
  },
  INTERNAL: {
    installReportUnsent: {
      message: '报告未能发送。',
      remedy: '下次检查时会重新发送。',
    },
    requestUnsent: {
      message: '服务请求未能发送。',
      remedy: '请稍后重试。',
    },
    webHost: {
      message: 'Web 主机出错。',
      remedy: '请重新启动应用。',
    },
  },
  INVALID_INPUT: {
    appUpdatePlatform: {
      message: '管理器没有适用于 {platform} 的已签名更新。',
      remedy: '更新未安装。管理器将继续运行当前版本；如果再次发生，请向厂商报告。',
    },
    attachedDemoUnreadable: {
      message: '无法读取随应用启动的演示门户。',
      remedy: '请使用 npm start 重新启动应用，或在“设置”中配置门户。',
    },
    attachmentIncomplete: {
      message: '文件 {fileName} 未完整传送。',
      remedy: '请重新添加该附件。',
    },
    attachmentName: {
      message: '该文件名无法在服务请求中显示。',
      remedy: '请重命名该文件（不含斜杠或控制字符），然后再添加。',
    },
    caBundleNotPem: {
      message: '{file} 中没有 PEM 证书。',
      remedy:
        '请使用 PEM 证书包（包含 -----BEGIN CERTIFICATE----- 块）。请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。',
    },
    demoPortalPort: {
      message: 'HICARE_DEMO_PORTAL_PORT 必须是端口号，而不是“{value}”。',
      remedy: '请将其设为 1 到 65535 之间的数字，或取消设置以使用任意空闲端口。',
    },
    downloadAddress: {
      message: '“{address}”不是有效的下载地址。',
      remedy: '请检查门户地址（“设置 → 门户地址”，或 --portal）。',
    },
    downloadLength: {
      message: '{name} 的目录条目中没有有效的长度。',
      remedy: '请刷新目录后重试。',
    },
    downloadLengthConflict: {
      message: '{name} 正以相同的 SHA-256、不同的长度被下载。',
      remedy: '请刷新目录后重试。',
    },
    downloadProtocol: {
      message: '无法从 {protocol} 地址下载。',
      remedy: '请使用 http(s) 门户地址。',
    },
    downloadSha256: {
      message: '{name} 的目录条目中没有有效的 SHA-256。',
      remedy: '请刷新目录后重试。',
    },
    downloadUnnamed: {
      message: '要下载的安装包没有名称。',
      remedy: '请重新从目录中选择该安装包。',
    },
    fileIsAFolder: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 是一个文件夹，而此处需要的是文件。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    fileNameTooLong: {
      message:
        '为{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}}指定的路径过长，本系统无法使用。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    installInput: {
      message:
        '{problem, select, metadata {此安装包的版本元数据不完整，无法安装。} catalogEntry {此安装包的目录条目（名称、SHA-256、长度）不完整，无法安装。} system {未指定要安装到的系统（序列号、位置、已安装版本）。} packagePath {安装包路径必须是绝对路径。} installFolder {安装文件夹必须是绝对路径。} other {临时文件夹必须是绝对路径。}}',
      remedy: '请从版本列表重新下载该安装包。',
    },
    installScriptMissing: {
      message: '{product} {version} 的版本元数据没有说明用哪个脚本进行安装。',
      remedy: '请向厂商报告此问题。',
    },
    installedVersionUnknown: {
      message: '{serialNumber} 上安装的版本未知，因此无法规划到 {release} 的升级路径。',
      remedy: '请先填写该系统的已安装版本（“设置版本”）。',
    },
    noPortalConfigured: {
      message: '尚未配置门户。',
      remedy: '请在“设置”中填写门户地址，或使用门户地址登录。',
    },
    operationData: {
      message: '操作记录的数据无法写成 JSON。',
      remedy: '请传入普通数据（不能有循环引用或 BigInt）。',
    },
    operationKind: {
      message: '“{kind}”不是操作记录的类型。',
      remedy: '请使用以下类型之一：{kinds}。',
    },
    operationsSince: {
      message: '“{value}”不是有效的时间点。',
      remedy: '请填写日期和时间，例如 2025-03-01T12:00:00Z。',
    },
    parallelDownloads: {
      message: '并行下载数必须是不小于 1 的整数，而不是 {value}。',
      remedy: '请将并行下载数设为 1 或更大。',
    },
    portalAddress: {
      message: '“{address}”不是有效的门户地址。',
      remedy: '请以 URL 形式填写门户地址，例如 https://portal.example.com。',
    },
    portalProtocol: {
      message: '门户地址必须使用 https（本机上也可使用 http），而不是 {protocol}。',
      remedy: '请以 https://主机[:端口] 的形式填写门户地址。',
    },
    proxyAddress: {
      message: '代理地址“{proxy}”不是有效的 URL。',
      remedy: '请将“设置 → 代理”设为 http://主机:端口（或修正 HTTPS_PROXY）。',
    },
    remoteEquipment: {
      message: '系统 {serialNumber} 是远程设备，在本机上没有安装文件夹。',
      remedy: '请下载安装包，并在该设备上进行安装。',
    },
    supportBundlePath: {
      message: '支持包须写入 .tar.gz 文件；{path} 不是这样的文件。',
      remedy: '请提供以 .tar.gz 结尾的文件的完整路径。',
    },
    upgradeNotNewer: {
      message: '{serialNumber} 已在运行 {installed}；{version} 并不更新。',
      remedy: '请选择一个更新的目标版本。',
    },
    webBodyNotJson: {
      message: '请求内容不是有效的 JSON。',
      remedy: '请发送一个 JSON 对象。',
    },
    webBodyTooLarge: {
      message: '请求内容过大。',
      remedy: '请逐个添加附件，每个不超过 {maxMiB} MiB。',
    },
  },
  LENGTH_EXCEEDED: {
    appUpdateLonger: {
      message: '已下载的更新大小为 {size} 字节，超过了厂商签名的 {length} 字节。',
      remedy: '更新未安装。管理器将继续运行当前版本；如果再次发生，请向厂商报告。',
    },
    packageLonger: {
      message:
        '服务器发送的数据超过了已签名目录为该安装包记载的 {length} 字节（至少 {received} 字节）；下载已停止，未保留任何内容。',
      remedy: '请稍后重试；如果再次发生，请向厂商报告：该服务器发送的不是已发布的安装包。',
    },
  },
  NOT_FOUND: {
    appUpdateGone: {
      message: '已下载的更新 {file} 已不存在。',
      remedy: '下次检查时会重新下载。',
    },
    desktopDownload: {
      message: '没有下载 {id}。',
      remedy: '请刷新下载列表。',
    },
    downloadOfInstallation: {
      message: '该下载属于一次安装，不能单独控制。',
      remedy: '请等待安装完成。',
    },
    downloadedPackageGone: {
      message: '已下载的安装包 {path} 已不存在。',
      remedy: '请重新下载该安装包；安装前会再次校验。',
    },
    failure: {
      message: '没有记录失败的安装 {id}。',
      remedy: '请新建服务请求并自行描述故障。',
    },
    failureToDismiss: {
      message: '本机没有记录这次失败的安装。',
      remedy: '请重新加载该系统的页面。',
    },
    failureToDraft: {
      message: '本机没有记录这次失败的安装。',
      remedy: '请在新的服务请求中自行描述故障。',
    },
    fileMissing: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}} {path} 不存在。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    fileNotAFolder: {
      message:
        '{file, select, trustRoot {信任根文件} trustRootArgument {信任根文件} caBundle {CA 证书包} dataFolder {应用数据文件夹} downloadFolder {下载文件夹} packageFile {安装包文件} supportBundle {支持包文件} other {文件}}的路径 {path} 中有一部分不是文件夹。',
      remedy:
        "{file, select, trustRoot {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} trustRootArgument {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json} caBundle {请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。} dataFolder {请确认您的账户有权读取数据文件夹，然后重试。} downloadFolder {请选择您有写入权限的文件夹（--out DIR，或“设置 → 下载文件夹”）。} packageFile {请指定从门户下载的安装包文件的路径。} supportBundle {请选择您的账户有写入权限的文件夹，然后重新导出。} other {请检查命令行中给出的路径，然后重试。}}",
    },
    inventorySystem: {
      message: '您的合同中没有系统 {serialNumber}。',
      remedy: '请从门户刷新系统列表：列表中会显示您合同涵盖的所有系统。',
    },
    noFailure: {
      message: '本机没有记录任何失败的安装。',
      remedy: '请新建服务请求并自行描述故障。',
    },
    stagedAttachment: {
      message: '文件 {fileName} 已不再处于待发送状态。',
      remedy: '请重新添加该附件，然后发送服务请求。',
    },
    systemToUpgrade: {
      message: '您的合同中没有系统 {serialNumber}。',
      remedy: '请从您的合同所涵盖的系统中选择一个。',
    },
    waitingRequest: {
      message: '该服务请求不在本机的待发送列表中。',
      remedy: '请刷新服务请求列表。',
    },
    webFile: {
      message: '没有该文件。',
      remedy: '请从应用的起始页打开。',
    },
    webMethod: {
      message: '此处只支持 GET。',
      remedy: '请从应用的起始页打开。',
    },
  },
  OFFLINE: {
    packageServerUnreachable: {
      message:
        '无法连接安装包服务器 {host}：{cause, select, refused {该地址没有服务响应} nameNotFound {找不到该主机名} nameLookup {无法解析该主机名} noRoute {没有通往该地址的网络路由} hostDown {对方已关机或断开连接} networkDown {网络已断开} cut {连接被中断} stopped {对方停止了响应} other {连接失败}}。',
      remedy: '请检查网络连接和代理（“设置 → 代理”，或 HTTPS_PROXY），然后重试；已下载的部分会保留。',
    },
    portalUnreachable: {
      message:
        '无法连接门户 {portal}：{cause, select, refused {该地址没有服务响应} nameNotFound {找不到该主机名} nameLookup {无法解析该主机名} noRoute {没有通往该地址的网络路由} hostDown {对方已关机或断开连接} networkDown {网络已断开} cut {连接被中断} stopped {对方停止了响应} other {连接失败}}。',
      remedy: '请检查网络连接、代理设置和门户地址，然后重试。',
    },
    trustUnreachable: {
      message: '无法连接门户 {portal}，因此无法检查其已签名目录。',
      remedy: '请检查网络连接和门户地址。',
    },
  },
  OPERATION_LOG_TAMPERED: {
    lastRecord: {
      message: '{path} 中的最后一条操作记录已损坏，后续记录无法接续。',
      remedy: '请报告给您的管理员，并在支持请求中附上该文件。',
    },
    records: {
      message:
        '{path} 中的操作记录在写入后被改动过（{reason, select, edited {第 {record} 条记录与其哈希值不符} chainBroken {第 {record} 条记录与前一条记录衔接不上} removed {第 {record} 条记录缺失} reordered {第 {record} 条记录顺序错乱} duplicated {第 {record} 条记录出现了两次} malformed {有一行不是操作记录} truncated {从第 {record} 条起的记录被从末尾截去} other {从第 {record} 条起的记录是在本应用之外写入的}}）。',
      remedy: '请勿依赖这些记录；请报告给您的管理员，并在支持请求中附上该文件。',
    },
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    installOnDesktop: {
      message:
        '{target} 是适用于 {targetPlatform} 的 {targetProduct}；系统 {serialNumber} 在 {systemPlatform} 上运行 {product}，而本机为 {desktopPlatform}。',
      remedy: '未安装任何内容。请为该系统选择为 {desktopPlatform} 构建的 {product} 安装包。',
    },
  },
  PORTAL_ERROR: {
    packageRefused: {
      message: '安装包服务器 {host} 拒绝提供 {name}（{status}），且未给出说明。',
      remedy: '请检查门户地址并确认您已登录，然后重试。',
    },
    portalAnswerMismatch: {
      message: '门户对 {call} 的响应与接口不符。',
      remedy: '请更新应用，或确认该地址指向的是 Hi-Care 门户。',
    },
    portalCertificate: {
      message: '本机不信任门户 {portal} 的证书。',
      remedy: '请在“设置 → 附加 CA 证书包”中添加贵公司的 CA 证书包，或检查门户地址。',
    },
    portalTalkFailed: {
      message: '与门户 {portal} 通信失败。',
      remedy: '请重试；如果问题仍然存在，请检查门户地址和网络。',
    },
    portalUnexplained: {
      message: '门户 {portal} 返回了 {status}，但未给出说明。',
      remedy: '请检查门户地址（“设置 → 门户地址”，或 --portal）；如果地址无误，请稍后重试。',
    },
  },
  TARGET_MISMATCH: {
    appUpdateEntry: {
      message: '{name} 的签名条目描述的是另一个版本。',
      remedy: '更新未安装。管理器将继续运行当前版本；如果再次发生，请向厂商报告。',
    },
    listedDiffers: {
      message:
        '门户对 {name} 的描述与已签名目录不一致（{field, select, product {产品} version {版本} platform {平台} arch {架构} sha256 {SHA-256} other {长度}}：{said}，而签名为 {signed}）。',
      remedy: '未下载或安装任何内容。请刷新后重试；如果问题仍然存在，请向厂商报告。',
    },
    packageShorter: {
      message: '安装包服务器为 {name} 提供的是 {announced} 字节，而已签名目录记载的是 {length} 字节。',
      remedy: '未保留任何内容。请刷新目录后重试；如果问题仍然存在，请向厂商报告。',
    },
  },
  TARGET_UNKNOWN: {
    appUpdateUnsigned: {
      message: '更新 {version}（{file}）未经厂商签名。',
      remedy: '更新未安装。管理器将继续运行当前版本；如果再次发生，请向厂商报告。',
    },
    hopNotInCheck: {
      message: '{product} {version} 不在 {serialNumber} 的检查结果中。',
      remedy: '请重新检查更新，然后再规划路径。',
    },
    notInSignedCatalog: {
      message: '已签名目录中没有安装包 {name}。',
      remedy: '请刷新目录；如果仍然缺少该安装包，请咨询厂商。',
    },
    notPublishedForPlatform: {
      message: '{release} 未针对 {platform} 发布。',
      remedy: '请选择检查结果中为 {serialNumber} 列出的 {product} 版本。',
    },
  },
  TIMEOUT: {
    packageServerStopped: {
      message: '安装包服务器 {host} 在发送 {name} 时停止了响应。',
      remedy: '请检查网络连接后重试，下载会从中断处继续。',
    },
    portalSlow: {
      message: '门户 {portal} 未能及时响应。',
      remedy: '请检查网络连接后重试。',
    },
  },
  TRUST_METADATA_INVALID: {
    entryIncomplete: {
      message: '{name} 的签名条目不完整。',
      remedy: '请让厂商重新发布该安装包。',
    },
    expired: {
      message:
        '门户的已签名目录已过期{role, select, snapshot {（快照元数据）} targets {（目标元数据）} product {（{product} 发布版本的已签名列表）} other {}}。',
      remedy: '门户可能在提供陈旧或被冻结的元数据。未下载或安装任何内容。请稍后重试；如果问题仍然存在，请向厂商报告。',
    },
    mixed: {
      message:
        '门户的各元数据文件彼此不一致{role, select, snapshot {（快照元数据）} targets {（目标元数据）} product {（{product} 发布版本的已签名列表）} other {}}。',
      remedy: '这看起来像是元数据被混用或篡改。未下载或安装任何内容。请稍后重试；如果问题仍然存在，请向厂商报告。',
    },
    rollback: {
      message:
        '门户提供的已签名元数据比本机已见过的更旧{role, select, snapshot {（快照元数据）} targets {（目标元数据）} product {（{product} 发布版本的已签名列表）} other {}}。',
      remedy: '这看起来像是回滚攻击。未下载或安装任何内容。请稍后重试；如果问题仍然存在，请向厂商报告。',
    },
    unverified: {
      message: '无法验证门户的已签名目录。',
      remedy: '未下载或安装任何内容。请稍后重试；如果问题仍然存在，请向厂商报告。',
    },
  },
  TRUST_ROOT_EXPIRED: {
    root: {
      message: '{file} 已于 {expiredAt} 过期；过期的信任根不能用于建立对门户的信任。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
  },
  TRUST_ROOT_INVALID: {
    fewerKeys: {
      message: '{file} 要求 {threshold} 个 {role} 密钥，但列出的密钥少于此数。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
    incomplete: {
      message: '{file} 不是完整的 TUF 根元数据。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
    notJson: {
      message: '{file} 不是 JSON 文件。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
    notRoot: {
      message: '{file} 不是 TUF 根元数据。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
    threshold: {
      message:
        '{file} 允许其 {role} 角色用 {threshold, select, none {0} other {{threshold}}} 个密钥签名；每个角色至少需要一个。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
    tooLarge: {
      message: '{file} 大于 {maxKiB} KiB；TUF 信任根只有几 KB，因此这不是信任根。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
  },
  TRUST_ROOT_UNSIGNED: {
    ownKeys: {
      message: '{file} 未由其自身的 {needed} 个根密钥签名：它已被改动，或签名已被移除。',
      remedy:
        "未信任任何内容。{namedIn, select, settings {请在“受信任的根”中选择门户的 root.json（例如 '<门户数据目录>'/tuf/1.root.json）。} other {请指定门户的 root.json：hicare trust '<门户数据目录>'/tuf/1.root.json}}",
    },
  },
  UNAUTHENTICATED: {
    notSignedIn: {
      message: '您尚未登录门户。',
      remedy: '请使用您的门户账户登录。',
    },
    webToken: {
      message: '应用令牌缺失或错误。',
      remedy: '请打开应用输出的地址（包括其中的 #token）。',
    },
  },
  UNKNOWN_METHOD: {
    webApi: {
      message: '{method} {path} 没有对应的接口。',
      remedy: '请更新应用。',
    },
    webEvent: {
      message: '没有事件“{event}”。',
      remedy: '请先在应用接口中声明该事件。',
    },
  },
  UNTRUSTED_PORTAL: {
    packageServerCertificate: {
      message: '本机不信任 {host} 的证书。',
      remedy: '请在“设置 → 附加 CA 证书包”中添加贵公司的 CA 证书包，或检查门户地址。',
    },
    rootDoesNotSign: {
      message: '门户 {portal} 未由此信任根的密钥签名。',
      remedy: '未做任何更改。请选择该门户运营方为此门户提供的信任根，并核对其指纹。',
    },
    rootUnreadable: {
      message: '无法读取受信任的根 {file}。',
      remedy: '请在“受信任的根”中选择门户的 root.json（命令行中使用 hicare trust ROOT.json），或重新安装应用。',
    },
    unsignedMetadata: {
      message:
        '门户的元数据未由本机信任的密钥签名{role, select, snapshot {（快照元数据）} targets {（目标元数据）} product {（{product} 发布版本的已签名列表）} other {}}。',
      remedy: '如果这是另一个门户，请明确信任它的信任根（会显示其指纹）；否则请向厂商报告。',
    },
  },
  VERSION_NOT_IN_CATALOG: {
    entered: {
      message: '{version} 不是厂商目录中 {product} 的版本；未做任何更改。',
      remedy:
        '{knownCount, plural, =0 {目录中尚无该产品的任何版本。} other {目录中的版本有：{known}。}}如果该设备运行的是通过其他方式安装的版本，请确认它不在厂商目录中。',
    },
    enteredInApp: {
      message: '{version} 不是厂商目录中 {product} 的版本；未做任何更改。',
      remedy:
        '{knownCount, plural, =0 {目录中尚无该产品的任何版本。} other {目录中的版本有：{known}。}}对于通过其他方式安装的设备，请勾选“此版本不在厂商目录中（通过其他方式安装）”，然后重新保存。',
    },
  },
  VERSION_NOT_REACHED: {
    otherVersion: {
      message: '{release} 的安装程序已运行结束，但已安装的版本是 {detected}，而不是 {version}。',
      remedy: '请提交支持请求：请求中已填入安装程序日志和本机信息。',
    },
    productMissing: {
      message: '{release} 的安装程序已运行结束，但之后找不到 {product}，未达到 {version}。',
      remedy: '请提交支持请求：请求中已填入安装程序日志和本机信息。',
    },
  },
};
