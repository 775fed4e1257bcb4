import type { SameShape } from '../../../messages.js';
import type { portalErrors as en } from '../../en/errors/portal.js';

const ROLE_ACCOUNT =
  '{role, select, customerAdmin {客户管理员账户} itStaff {IT 人员账户} engineer {支持工程师账户} other {门户管理员账户}}';
const EXPECTED =
  '{expected, select, port {0 到 65535 之间的端口号} host {IP 地址或主机名（0.0.0.0 表示监听所有地址）} proxies {以逗号分隔的 IP 地址或 CIDR 网段列表（例如 10.0.0.0/8）} schema {由字母、数字和“_”组成的模式名称} other {以下值之一：{choices}}}';
const DEMO_REMEDY = '请选择 portal/demo/catalog.ts 中列出的产品、版本和平台。';
const SIGN_IN_AGAIN = '请重新登录，或使用有效的 API 密钥。';

export const portalErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    packageQuery: {
      message: '以下值不被接受：{issues}。',
      remedy: '请只发送 serialNumber、installedVersion 和 previews。',
    },
    bodyTooLarge: { message: '请求正文过大。', remedy: '请求正文最多 {maxBytes} 字节。' },
    bodyNotJson: { message: '请求正文必须是 JSON。', remedy: '请发送 “Content-Type: application/json”。' },
    bodyMalformedJson: { message: '请求正文不是有效的 JSON。', remedy: '请发送格式正确的 JSON 文档。' },
    badContentLength: {
      message: '请求的 Content-Length 标头无效。',
      remedy: '请只发送一个 Content-Length，值为正文的字节数；或使用分块传输编码，不带该标头。',
    },
    badHttpMethod: {
      message: '请求方法不是 HTTP 方法。',
      remedy: '请按 /openapi.json 所列使用 GET、POST、PUT 或 DELETE。',
    },
    malformedHeader: { message: '请求标头格式错误。', remedy: '请发送格式正确的 HTTP/1.1 请求。' },
    notHttp: { message: '该请求不是有效的 HTTP 请求。', remedy: '请发送格式正确的 HTTP/1.1 请求。' },
    badUrl: {
      message: '请求地址不是有效的 URL。',
      remedy: '请对地址进行正确的百分号编码（路径见 /openapi.json）。',
    },
    sessionLifetime: {
      message: '会话有效期必须是正的毫秒数。',
      remedy: '请配置一个正的会话有效期。',
    },
    signInPassword: {
      message: '密码为空或过长。',
      remedy: '请输入密码（最多 {maxLength} 个字符）。',
    },
    passwordPolicy: {
      message: '密码长度必须为 {minLength} 到 {maxLength} 个字符。',
      remedy: '请选择至少 {minLength} 个字符的密码；几个互不相关的词组合起来，既好记又难猜。',
    },
    apiKeyExpiry: {
      message: 'API 密钥的到期时间必须晚于其创建时间。',
      remedy: '请指定一个将来的到期时间，或不设到期时间。',
    },
    accountNeedsCustomer: {
      message: `${ROLE_ACCOUNT}必须属于某个客户。`,
      remedy: '请指定该账户所属的客户。',
    },
    accountIsVendors: {
      message: `${ROLE_ACCOUNT}属于厂商，不能隶属于客户。`,
      remedy: '请将客户留空，或选择客户角色。',
    },
    downloadRecordsCursor: {
      message: '下载记录的分页标记不是门户发出的。',
      remedy: '请从第一页重新开始。',
    },
    systemRunsOtherProduct: {
      message: '系统 {serialNumber} 运行的是 {installed}，而不是 {product}。',
      remedy: '请为该系统下载 {installed} 的软件包。',
    },
    searchTextMissing: {
      message: '搜索需要输入要查找的文字。',
      remedy: '请输入几个词；或将搜索框留空以浏览全部。',
    },
    searchTextTooLong: {
      message: '搜索文字超过 {maxChars} 个字符。',
      remedy: '请搜索几个有代表性的词，例如错误代码。',
    },
    searchProductEmpty: {
      message: '产品筛选条件为空。',
      remedy: '请指定一个产品，或不使用该筛选条件。',
    },
    articleLimit: {
      message: '数量上限 {limit} 不是正整数。',
      remedy: '请查询 1 到 {maxLimit} 篇文章。',
    },
    knownIssuesProduct: {
      message: '查找已知问题时需要指定产品。',
      remedy: '请指定安装失败的产品。',
    },
    knownIssuesExitCode: {
      message: '退出代码 {exitCode} 不是整数。',
      remedy: '请以整数形式传入安装程序的退出代码。',
    },
    knownIssuesLog: {
      message: '安装日志必须是文本。',
      remedy: '请以字符串形式传入捕获到的安装程序输出。',
    },
    appOs: {
      message: '“{os}”不是本管理器支持的操作系统。',
      remedy: '请使用 --os win、mac 或 linux。',
    },
    appArch: {
      message: '“{arch}”不是本管理器支持的处理器架构。',
      remedy: '请使用 --arch x64、arm64、ia32 或 armv7l。',
    },
    appNotesTooLong: {
      message: '版本说明超过 {maxChars} 个字符。',
      remedy: '请缩短说明，并改为链接到完整文本。',
    },
    appInstallerEmpty: {
      message: '安装程序 {file} 是空文件。',
      remedy: '请发布 electron-builder 生成的安装程序，而不是占位文件。',
    },
    publishedReleaseInvalid: {
      message: '版本信息无效（{field}：{problem}）。',
      remedy: '请更正参数后重新发布；本次未发布任何内容。',
    },
    ruleNotJson: {
      message: '通过 --{flag} 指定的 {flag} 规则不是有效的 JSON。',
      remedy: "请按所用 shell 的规则为 JSON 加引号，例如 --{flag} ''{example}''。",
    },
    reservedProduct: {
      message: '产品名称 {product} 保留给本管理器自身的版本使用。',
      remedy: '请使用 `hicare-portal publish-app` 发布本管理器；客户产品请另取名称。',
    },
    detectionRuleInvalid: {
      message: '检测规则无效：{problem}。',
      remedy: '规则示例请参阅 `hicare-portal publish --help`。',
    },
    serveVariable: {
      message: `{name} 的值为“{value}”，不是${EXPECTED}。`,
      remedy: `请将 {name} 设为${EXPECTED}，或取消设置以使用默认值。`,
    },
    databaseUrlNotPostgres: {
      message: 'DATABASE_URL 不是 PostgreSQL 地址。',
      remedy: '请将 DATABASE_URL 设为 postgres://user@host:5432/database，或取消设置以使用数据目录中的 SQLite。',
    },
    schemaWithoutDatabase: {
      message: '已设置 HICARE_DATABASE_SCHEMA，但未设置 DATABASE_URL。',
      remedy: '模式（schema）仅适用于 PostgreSQL：请同时设置 DATABASE_URL，或取消设置 HICARE_DATABASE_SCHEMA。',
    },
    logFormat: {
      message: 'HICARE_LOG_FORMAT 的值为“{format}”；门户只输出 JSON 行格式的日志。',
      remedy:
        '请取消设置 HICARE_LOG_FORMAT（或设为 json）；如需直接阅读日志，请通过 pino-pretty 等 JSON 日志查看工具处理。',
    },
    metricsToken: {
      message: 'HICARE_METRICS_TOKEN 过短，或含有空格或控制字符。',
      remedy: '请将 HICARE_METRICS_TOKEN 设为至少 16 个可打印字符，例如 `openssl rand -hex 24` 的输出。',
    },
    signerNeedsPostgres: {
      message: '签名服务仅用于基于 PostgreSQL 的门户；使用 SQLite 时，`hicare-portal serve` 会自行签名。',
      remedy: '请将 DATABASE_URL 设为各门户实例共用的 PostgreSQL 数据库，或只运行 `hicare-portal serve`。',
    },
    demoProductId: { message: '“{product}”不是产品标识。', remedy: DEMO_REMEDY },
    demoPlatform: { message: '“{platform}”不是平台。', remedy: DEMO_REMEDY },
    demoRelease: { message: '演示目录中没有 {product} {version}。', remedy: DEMO_REMEDY },
    demoBuild: { message: '{product} {version} 没有面向 {platform} 的构建。', remedy: DEMO_REMEDY },
    tarPath: {
      message:
        '{problem, select, missing {归档条目缺少路径。} nul {归档条目路径含有 NUL 字符。} backslash {归档条目路径“{path}”含有反斜杠。} absolute {归档条目路径“{path}”是绝对路径。} climbs {归档条目路径“{path}”用“..”跳出了目标目录。} emptyPart {归档条目路径“{path}”含有空的或“.”路径段。} tooLong {归档条目路径“{path}”过长，无法写入 ustar 归档。} twice {归档中“{path}”出现了两次。} notContent {“{path}”的内容既不是文本也不是字节数据。} tooLarge {“{path}”过大，无法写入 ustar 归档。} fileAndDirectory {“{path}”在归档中既是文件又是目录。} other {归档条目路径 {path} 含有控制字符。}}',
      remedy: '请使用以“/”分隔、不含“.”或“..”路径段的相对路径。',
    },
    tarMode: {
      message: '“{path}”的权限模式不是有效的权限数值。',
      remedy: '请指定 0 到 0o7777 之间的权限模式，例如 0o644。',
    },
    tarEntries: {
      message: '归档条目必须是列表。',
      remedy: "请传入由 '{ path, mode, content }' 组成的列表。",
    },
  },
  INVALID_VERSION_RANGE: {
    articleVersions: {
      message: '知识库文章 {articleId} 适用的版本“{range}”不是有效的版本范围。',
      remedy: '请用 semver 语法填写文章适用的版本，例如“^4”或“>=4.2.0 <4.2.2”；留空表示适用于所有版本。',
    },
  },
  METHOD_NOT_ALLOWED: {
    portalRoute: {
      message: '{path} 不接受 {method} 请求。',
      remedy:
        '{count, plural, one {请按 /openapi.json 所列使用 {methods}。} other {请按 /openapi.json 所列使用 {methods} 之一。}}',
    },
  },
  NOT_FOUND: {
    account: { message: '没有 ID 为“{id}”的账户。', remedy: '请检查账户 ID。' },
    accountCustomer: { message: '没有 ID 为“{id}”的客户。', remedy: '请先创建该客户，或选择一个已有的客户。' },
    portalRoute: { message: '{method} {path} 处没有任何内容。', remedy: '请对照 /openapi.json 检查地址。' },
    packageBytes: {
      message: '门户上没有软件包 {file}。',
      remedy: '请重新检查更新；如果问题仍然存在，请联系厂商。',
    },
    metadataFile: {
      message: '签名目录中没有名为“{name}”的元数据文件。',
      remedy: '请请求 root.json、timestamp.json，或签名元数据中列出的文件。',
    },
    appUpdatePath: {
      message: '门户在“{path}”处没有本管理器的更新。',
      remedy:
        "请访问 /app-updates/'<'win|mac|linux>/'<'x64|arm64|ia32|armv7l>/ 以及 electron-updater 在该处指定的通道文件。",
    },
    appUpdateRelease: {
      message: '尚未发布适用于 {platform} 的本管理器版本。',
      remedy: '请稍后再查看；厂商尚未为此平台发布版本。',
    },
    apiToken: {
      message: '不存在标识为“{tokenId}”的令牌。',
      remedy: '请检查令牌标识；可列出您的 API 密钥进行查找。',
    },
    coveredSystem: {
      message: '您的合同未涵盖系统 {serialNumber}。',
      remedy: '请核对系统铭牌上的序列号。',
    },
    yourContract: {
      message: '您名下没有合同 {contractId}。',
      remedy: '请在合同概览中选择合同。',
    },
    catalogPackage: {
      message: '目录中没有软件包 {target}。',
      remedy: '请刷新目录，并选择其中列出的软件包。',
    },
    catalogRelease: { message: '目录中没有与 {target} 对应的版本。', remedy: '请刷新目录。' },
    noSignedCatalog: {
      message: '尚无签名目录。',
      remedy: '请发布版本（或导入演示数据）以生成签名目录。',
    },
    servedCatalog: {
      message: '{where, select, database {数据库中没有签名目录。} other {{where} 中没有签名目录。}}',
      remedy: '请先运行 `hicare-portal seed --demo`（或 `keys init` 后发布版本）。',
    },
    publishFile: {
      message: '软件包文件 {file} 不存在或不是文件。',
      remedy: '请检查 --file 指定的路径后重新发布；本次未发布任何内容。',
    },
    notesFile: {
      message: '无法读取说明文件 {file}。',
      remedy: '请指定一个可读的文本文件路径；本次未发布任何内容。',
    },
  },
  UNAUTHENTICATED: {
    bearerMissing: {
      message: '此调用需要持有者令牌。',
      remedy: '请先登录，然后以 “Authorization: Bearer …” 的形式发送令牌。',
    },
    noTokenTaken: { message: '此地址不接受令牌。', remedy: '请不带令牌调用。' },
    metricsToken: {
      message: '访问监控指标需要指标令牌。',
      remedy: "请发送 “Authorization: Bearer '<'HICARE_METRICS_TOKEN>”。",
    },
    tokenInvalid: { message: '未提供有效的令牌。', remedy: SIGN_IN_AGAIN },
    tokenUnknown: { message: '无法识别该令牌。', remedy: SIGN_IN_AGAIN },
    accountDisabled: { message: '该令牌所属的账户已被停用。', remedy: SIGN_IN_AGAIN },
  },
  INVALID_CREDENTIALS: {
    signIn: {
      message: '电子邮件地址或密码不正确。',
      remedy: '请检查后重试；连续失败 {freeAttempts} 次后，每次再尝试都需要多等待一些时间。',
    },
  },
  TOKEN_REVOKED: {
    portalToken: {
      message: '{kind, select, session {此会话已于 {revokedAt} 被撤销。} other {此 API 密钥已于 {revokedAt} 被撤销。}}',
      remedy: '{kind, select, session {请重新登录。} other {请新建一个 API 密钥并改用它。}}',
    },
  },
  TOKEN_EXPIRED: {
    portalToken: {
      message: '{kind, select, session {此会话已于 {expiresAt} 过期。} other {此 API 密钥已于 {expiresAt} 过期。}}',
      remedy: '{kind, select, session {请重新登录。} other {请新建一个 API 密钥并改用它。}}',
    },
  },
  RATE_LIMITED: {
    signIn: {
      message:
        '{scope, select, pair {从您的地址登录此账户} account {登录此账户} other {从您的地址登录}}失败的次数过多；下次尝试需等待 {unit, select, seconds {{wait} 秒} other {{wait} 分钟}}。',
      remedy: '请在 {retryAt} 之后重试。如果忘记了密码，请联系管理员为您设置新密码。',
    },
  },
  FORBIDDEN: {
    signInDisabled: { message: '此账户已被停用。', remedy: '请联系管理员重新启用。' },
    apiKeyDisabled: { message: '已停用的账户不能获取新的 API 密钥。', remedy: '请先重新启用该账户。' },
    notCustomer: {
      message: '此账户不属于任何客户。',
      remedy: '请使用客户账户登录，以查看合同和授权。',
    },
    packageRefused: { message: '您无权获取此软件包。', remedy: '请联系您的客户经理。' },
  },
  NO_CONTRACT: {
    download: {
      message: '您没有维护合同。',
      remedy: '请联系您的客户经理购买应用软件支持服务。',
    },
  },
  SYSTEM_NOT_COVERED: {
    productSystems: {
      message: '您的合同中没有运行 {product} 的系统。',
      remedy: '请联系您的客户经理，将您的 {product} 系统加入合同。',
    },
  },
  NOT_FOR_PLATFORM: {
    systemPlatform: {
      message: '{target} 是面向 {build} 的构建；系统 {serialNumber} 运行在 {platform} 上。',
      remedy: '请为该系统下载面向 {platform} 的构建。',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    installedReport: {
      message: '该 Idempotency-Key 已用于另一份安装报告。',
      remedy: '每份新报告请使用新的 Idempotency-Key；重发报告时，只能使用首次发送时的密钥。',
    },
  },
  RANGE_NOT_SATISFIABLE: {
    packageRange: {
      message: '请求的范围超出了 {file}（{length} 字节）。',
      remedy:
        '{length, plural, =0 {请不带 Range 标头下载整个文件：该文件为空。} other {请请求从第 {length} 字节之前开始的范围。}}',
    },
  },
  HEADERS_TOO_LARGE: {
    portalRequest: {
      message: '请求标头过大。',
      remedy: '请减少标头数量或缩短标头（总计最多 16 KB）。',
    },
  },
  TIMEOUT: {
    requestArrival: {
      message: '请求未能及时到达。',
      remedy: '请尽快发送完整的请求，然后重试。',
    },
    publishJob: {
      message: '发布任务 {job} 未在 {seconds} 秒内完成，仍在队列中等待。',
      remedy: '请检查 `hicare-portal signer` 是否正在针对此数据库运行：它成为主节点后会立即执行该任务。',
    },
  },
  INTERNAL: {
    portalFailed: {
      message: '门户未能处理此请求。',
      remedy: '请稍后重试；如果问题仍然存在，请联系厂商。',
    },
    portalAnswer: {
      message: '门户未能生成应答。',
      remedy: '请稍后重试；如果问题仍然存在，请联系厂商。',
    },
    packageDamaged: {
      message: '门户上 {file} 的副本已损坏。',
      remedy: '请联系厂商：该软件包需要重新发布。',
    },
    signerLostDatabase: {
      message: '签名服务与数据库的连接已断开，已停止签名。',
      remedy: '请确认 PostgreSQL 可以访问，然后重新启动签名服务（服务管理器会自动重启它）。',
    },
  },
  DATABASE_BEHIND: {
    migrationsMissing: {
      message: '数据库缺少此门户所需的 {count} 个迁移。',
      remedy: '请对该数据库运行 `hicare-portal migrate`。',
    },
  },
  STORE_UNAVAILABLE: {
    timestampExpired: {
      message: '签名目录的时间戳已于 {expiredAt} 过期；客户端会拒绝它。',
      remedy: '请检查签名服务是否正在运行，并能重新签署时间戳。',
    },
  },
  TRUST_METADATA_INVALID: {
    timestampExpiry: {
      message: '签名目录的时间戳没有有效的过期时间。',
      remedy: '请重新签署时间戳。',
    },
  },
  TARGET_CONFLICT: {
    appInstaller: {
      message: '{name} 已以不同的内容或作为另一类软件包发布过。',
      remedy: '请以新版本号发布修改后的安装程序。',
    },
  },
  PUBLISH_FAILED: {
    signerJob: {
      message: '签名服务未能完成发布任务；本次未发布任何内容。',
      remedy: '请在签名服务的日志中查找任务 {job}，排除原因后重新发布。',
    },
  },
  ALREADY_EXISTS: {
    accountEmail: { message: '{email} 的账户已存在。', remedy: '请使用其他电子邮件地址，或用已有账户登录。' },
    demoSeed: {
      message: '此门户已有客户；演示数据只能导入空门户。',
      remedy: '请为演示使用新的数据目录（或数据库）。',
    },
  },
};
