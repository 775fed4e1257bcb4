import type { SameShape } from '../../../messages.js';
import type { portalStoreErrors as en } from '../../en/errors/portal-store.js';

const SUBJECT =
  '{what, select, remoteAccessGrant {远程访问授权} fileName {文件名} surveyAnswer {满意度调查答复} ' +
  'serviceRequest {服务请求} message {消息} lifecycle {生命周期} knowledgeArticle {知识库文章} ' +
  'contract {合同} coveredSystem {合同覆盖的系统} downloadRecord {下载记录} customer {客户} ' +
  'installedVersion {已安装版本} emailAddress {电子邮件地址} apiKeyLabel {API 密钥标签} ' +
  'installationReport {安装报告} account {账户} other {输入内容}}';

const STORED =
  '{what, select, requestBody {本次请求发送的内容} signedCatalog {签名目录} ' +
  'publishLock {发布锁} packageCopy {软件包 {name} 的副本} publishedPackages {正在发布的软件包} ' +
  'aFile {文件} theFile {该文件} attachment {该附件} packageToPublish {要发布的软件包} ' +
  'other {文件}}';

const STATE =
  '{state, select, submitted {已提交} accepted {已受理} inProgress {处理中} awaitingCustomer {等待客户回复} ' +
  'solutionProposed {已提出解决方案} confirmed {已确认} closed {已关闭} cancelled {已取消} other {其他}}';

const ROLE =
  '{role, select, root {root（根）} targets {targets（目标）} snapshot {snapshot（快照）} timestamp {timestamp（时间戳）} other {{role}}}';

const TARGET_NAME_REMEDY = '请使用相对路径，例如 product/1.2.0/linux-x64/product-1.2.0.tar.gz。';
const RESTORE_REPOSITORY = '请从备份恢复该存储库。';
const GENERATE = '使用 `hicare-portal keys grant-key`（或 `openssl rand -base64 32`）生成一个密钥';
const RESTORE_GRANT_KEY = '请从保存该密钥的备份中恢复它，或联系厂商。';
const DATABASE_DAMAGED_REMEDY =
  '请停止所有使用该文件的门户进程，从最近的备份恢复该文件（或将其移走以从空数据库开始），然后重新启动。';
const MIGRATION_FAILED_REMEDY = '请确认数据库可访问且可写入，然后重新启动门户；失败的迁移未留下任何更改。';

export const portalStoreErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    dbPoolSize: {
      message: '{variable} 的值为“{value}”，不是 1 到 {max} 之间的连接数。',
      remedy: '请将 {variable} 设置为整数（例如 20），或取消设置以使用默认值 10。',
    },
    dbNul: {
      message: `${SUBJECT}中含有 NUL 字符。`,
      remedy: '请删除 NUL（\\u0000）字符后重试。',
    },
    dbNulAt: {
      message: `${SUBJECT}（{path}）中含有 NUL 字符。`,
      remedy: '请删除 NUL（\\u0000）字符后重试。',
    },
    dbInvalid: {
      message: `${SUBJECT}无效：{issues}。`,
      remedy: `请更正${SUBJECT}后重试。`,
    },
    dbContractSerialTwice: {
      message: '序列号 {serialNumber} 在合同 {contractId} 中重复列出。',
      remedy: '每个受保障的系统只需列出一次。',
    },
    dbNoDataDirectory: {
      message: '未指定门户数据库的数据目录。',
      remedy: '请指定门户保存数据的目录。',
    },
    dbUrlNotPostgres: {
      message: '数据库 URL 不是 PostgreSQL URL。',
      remedy:
        '请使用 postgres://user@host:5432/database 这样的 URL，或不设置 DATABASE_URL，以便在数据目录中使用 SQLite。',
    },
    dbSchemaName: {
      message: '“{schema}”不是可用的架构名称。',
      remedy: '只能使用字母、数字和“_”，并以字母或“_”开头。',
    },
    storeKey: {
      message: '这不是门户生成的存储键。',
      remedy: '请使用门户为该文件指定的名称。',
    },
    s3BucketUnset: {
      message: '未设置 HICARE_S3_BUCKET。',
      remedy: '请将 HICARE_S3_BUCKET 设置为存放门户文件的存储桶。',
    },
    s3BucketName: {
      message: 'HICARE_S3_BUCKET 不是有效的存储桶名称（“{bucket}”）。',
      remedy: '请使用 3 到 63 个小写字母、数字、点和连字符。',
    },
    s3Region: {
      message: 'HICARE_S3_REGION 不是有效的区域名称。',
      remedy: '请使用 us-east-1 这样的名称，或不设置该项。',
    },
    s3Endpoint: {
      message: 'HICARE_S3_ENDPOINT 不是 http(s) 地址。',
      remedy: '请填写存储服务的基础地址（例如 https://s3.example.com:9000），地址中不要包含凭据。',
    },
    s3Prefix: {
      message: 'HICARE_S3_PREFIX 不是有效的键前缀。',
      remedy: '请使用由“/”分隔、类似文件夹的名称，只含字母、数字和 . _ -，例如 portal/prod。',
    },
    s3PathStyle: {
      message: 'HICARE_S3_FORCE_PATH_STYLE 只能是 1 或 0。',
      remedy: '对于按路径访问存储桶的存储服务（MinIO、Ceph、s3rver），请设置为 1。',
    },
    s3CredentialsHalf: {
      message: '已设置配对的另一项，但未设置 {variable}。',
      remedy: '请同时设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY，或都不设置以使用本机自身的 AWS 凭据。',
    },
    storeKind: {
      message: 'HICARE_BLOB_STORE 的值为“{kind}”，门户不支持这种存储。',
      remedy: '请设置为 local（文件保存在数据目录中）或 s3。',
    },
    storePackageDelivery: {
      message: 'HICARE_PACKAGE_DELIVERY 只能是 stream 或 redirect。',
      remedy: '不设置（stream：由门户发送文件内容），或设置为 redirect 让客户端直接从存储服务下载。',
    },
    tufKeysInitOffline: {
      message: '`keys init` 需要 --offline-keys DIR：根密钥为每一次信任变更签名，因此默认绝不会写在门户数据旁边。',
      remedy: '请用 --offline-keys 指定可移动或离线存储上的目录，并将其远离门户所在的计算机保管。',
    },
    tufRole: {
      message: '{role} 不是 TUF 角色。',
      remedy: '请使用以下之一：{roles}。',
    },
    tufKeysCommand: {
      message: '未知的 keys 命令：{command}。',
      remedy: '用法：{usage}。',
    },
    tufKeysCommandMissing: {
      message: '未指定 keys 命令。',
      remedy: '用法：{usage}。',
    },
    tufTargetTwice: {
      message: '本批次中目标 {name} 出现了两次。',
      remedy: '每个目标只需列出一次。',
    },
    tufTargetMetadata: {
      message: '目标 {name} 的元数据无效。',
      remedy: '请更正详细信息中列出的字段。',
    },
    tufNoPackageFile: {
      message: '目标 {name} 没有软件包文件。',
      remedy: '请提供要发布的软件包路径。',
    },
    tufNeedsPackageFile: {
      message: '目标 {name} 尚未发布，因此需要提供其软件包文件。',
      remedy: '请提供要发布的软件包路径。',
    },
    tufPackageUnreadable: {
      message: '无法读取 {name} 的软件包文件：{path}。',
      remedy: '请提供一个可读取的普通文件的路径。',
    },
    requestAutoCloseDelay: {
      message: '自动关闭的等待时间必须是正数小时。',
      remedy: '请将 autoCloseAfterHours 设置为例如 72。',
    },
    requestGrantKeyTwice: {
      message: '同时设置了 HICARE_GRANT_KEY 和 HICARE_GRANT_KEY_FILE。',
      remedy: '请只设置其中一项（使用密钥文件更安全）。',
    },
    requestAttachmentBase64: {
      message: '附件数据不是 base64 编码。',
      remedy: '请以 base64 编码（标准字母表，带填充）发送文件内容。',
    },
    requestAttachmentId: {
      message: '这不是附件 ID。',
      remedy: '请使用门户为该附件分配的 ID。',
    },
    requestIdempotencyKey: {
      message: 'Idempotency-Key 请求头不可用。',
      remedy: '请发送一个由 1 到 200 个可见 ASCII 字符组成的 Idempotency-Key，例如 UUID。',
    },
  },
  INVALID_INSTANT: {
    dbYearRange: {
      message: '给出的时间不在 0000–9999 年范围内。',
      remedy: '请提供合理的日期和时间。',
    },
  },
  INVALID_TARGET_NAME: {
    tufEmpty: { message: '{name} 不是有效的目标名称：名称为空。', remedy: TARGET_NAME_REMEDY },
    tufTooLong: { message: '{name} 不是有效的目标名称：长度超过 {max} 个字符。', remedy: TARGET_NAME_REMEDY },
    tufControl: { message: '{name} 不是有效的目标名称：含有 NUL 或控制字符。', remedy: TARGET_NAME_REMEDY },
    tufBackslash: {
      message: '{name} 不是有效的目标名称：含有反斜杠（各段之间请使用“/”）。',
      remedy: TARGET_NAME_REMEDY,
    },
    tufAbsolute: { message: '{name} 不是有效的目标名称：这是绝对路径。', remedy: TARGET_NAME_REMEDY },
    tufEmptySegment: {
      message: '{name} 不是有效的目标名称：含有空段（“//”或末尾的“/”）。',
      remedy: TARGET_NAME_REMEDY,
    },
    tufDotSegment: { message: '{name} 不是有效的目标名称：含有“{segment}”段。', remedy: TARGET_NAME_REMEDY },
    tufBadSegment: {
      message: '{name} 不是有效的目标名称：段“{segment}”必须以字母或数字开头，且只能使用字母、数字和 . _ + -。',
      remedy: TARGET_NAME_REMEDY,
    },
    tufLongFileName: {
      message: '{name} 不是有效的目标名称：文件名长度超过 {max} 个字符。',
      remedy: TARGET_NAME_REMEDY,
    },
    tufTooManySegments: {
      message: '{name} 不是有效的目标名称：段数过多，无法用作客户端的文件名。',
      remedy: TARGET_NAME_REMEDY,
    },
    tufNotText: { message: '{name} 不是有效的目标名称：它不是字符串。', remedy: TARGET_NAME_REMEDY },
  },
  ALREADY_EXISTS: {
    dbSurveyAnswered: {
      message: '该服务请求的满意度调查已经答复过。',
      remedy: '无需其他操作：每个服务请求只调查一次。',
    },
    dbContract: {
      message: 'ID 为“{contractId}”的合同已存在。',
      remedy: '请使用其他合同 ID；续约是一份新合同。',
    },
    dbCoveredSystem: {
      message: '系统 {serialNumber} 已在合同 {contractId} 中。',
      remedy: '每个系统在一份合同中只列出一次。',
    },
    dbCustomer: {
      message: 'ID 为“{customerId}”的客户已存在。',
      remedy: '请使用其他客户 ID，或更新现有客户。',
    },
  },
  NOT_FOUND: {
    dbRequestGone: {
      message: '该服务请求已不存在。',
      remedy: '请重新加载服务请求列表。',
    },
    dbContract: {
      message: '没有 ID 为“{contractId}”的合同。',
      remedy: '请检查合同 ID，或先添加该合同。',
    },
    dbDownloadAccount: {
      message: '没有 ID 为“{accountId}”的账户。',
      remedy: '请为已有的账户记录下载。',
    },
    dbCustomer: {
      message: '没有 ID 为“{customerId}”的客户。',
      remedy: '请检查客户 ID，或先创建该客户。',
    },
    storeSourceUnreadable: {
      message: '无法读取要存储为 {key} 的文件。',
      remedy: '请确认该文件存在且可读取。',
    },
    storeFileMissing: {
      message: '门户存储中缺少已存储的文件。',
      remedy: '请从备份恢复门户存储，或重新发布或上传该文件。',
    },
    s3Object: {
      message: '对象存储中没有 {key}。',
      remedy: '请重新发布或上传。',
    },
    s3AnyObject: {
      message: '对象存储中没有该对象。',
      remedy: '请重新发布或上传。',
    },
    tufMetadata: {
      message: '签名目录中没有 {name}。',
      remedy: '请先初始化存储库，或指向正确的数据目录或数据库。',
    },
    tufRepositoryDirectory: {
      message: '{repoDir} 处没有 TUF 存储库目录。',
      remedy: '请先初始化存储库，或指向正确的目录。',
    },
    tufPackageFile: {
      message: '{name} 的软件包文件不存在：{path}。',
      remedy: '请检查路径后重试。',
    },
    requestGrant: {
      message: '没有该远程访问授权。',
      remedy: '请从对应的服务请求中选择授权。',
    },
    requestAttachment: {
      message: '没有该附件。',
      remedy: '请从对应的服务请求中选择附件。',
    },
    requestMissing: {
      message: '没有该服务请求。',
      remedy: '请检查请求 ID，或从您的列表中选择请求。',
    },
    requestSolutionFile: {
      message: '随解决方案提供的文件未附加到服务请求 {number}。',
      remedy: '请先将文件附加到该请求，再提出解决方案。',
    },
    requestGoneForSystem: {
      message: '该服务请求已不存在。',
      remedy: '无需任何操作。',
    },
  },
  INTERNAL: {
    dbArticleUnreadable: {
      message: '数据库中的知识库文章 {articleId} 无法读取。',
      remedy: '请重新保存该文章。',
    },
    dbRequestUnreadable: {
      message:
        '数据库中服务请求 {requestId} 的{column, select, alarms {告警信息} operationRecords {操作记录} installFailure {安装失败信息} other {数据}}无法读取。',
      remedy: '请从备份恢复该请求，或联系厂商。',
    },
    dbContractUnreadable: {
      message:
        '数据库中合同 {contractId} 的{column, select, licensedMajors {授权主版本} responseTimes {响应时间} holidays {节假日} other {数据}}无法读取。',
      remedy: '请重新录入该合同，或从备份恢复。',
    },
    dbNoCurrentSchema: {
      message: 'PostgreSQL 连接没有可供迁移的当前架构。',
      remedy: '请创建 search_path 中指定的架构，或从数据库 URL 中删除 search_path。',
    },
    dbNotMigrated: {
      message: '无法迁移数据库。',
      remedy: MIGRATION_FAILED_REMEDY,
    },
    dbMigrationFailed: {
      message: '数据库迁移 {migration} 失败。',
      remedy: MIGRATION_FAILED_REMEDY,
    },
    tufMetadataName: {
      message: '“{name}”不是 TUF 元数据文件名。',
      remedy: '这是门户的故障，请报告该问题。',
    },
    tufSnapshotWithoutTargets: {
      message: '快照 {version} 中未列出 {file}。',
      remedy: RESTORE_REPOSITORY,
    },
    tufNotTargets: {
      message: '{source} 不是 targets 元数据。',
      remedy: RESTORE_REPOSITORY,
    },
    tufSnapshotWithoutBin: {
      message: '快照 {version} 中未列出哈希分箱 {bin}。',
      remedy: RESTORE_REPOSITORY,
    },
    requestContractMissing: {
      message: '某个服务请求所属的合同 {contractId} 已丢失。',
      remedy: '请恢复该合同，或联系厂商。',
    },
    requestAttachmentFileMissing: {
      message: '门户存储中缺少该附件的文件。',
      remedy: '请从备份恢复门户存储，或请上传者重新附加该文件。',
    },
    requestAssignRace: {
      message: '服务请求 {number} 在分配过程中不断被更改。',
      remedy: '请重试。',
    },
    requestTakeRace: {
      message: '服务请求 {number} 在分配过程中不断被更改。',
      remedy: '请重新加载该请求后重试。',
    },
    requestActionRace: {
      message:
        '服务请求 {number} 在执行“{action, select, accept {受理} startWork {开始处理} askCustomer {询问客户} customerReply {客户回复} proposeSolution {提出解决方案} rejectSolution {驳回解决方案} confirm {确认} close {关闭} cancel {取消} other {操作}}”期间不断被更改。',
      remedy: '请重新加载该请求后重试。',
    },
    requestNotShown: {
      message: '无法显示该服务请求。',
      remedy: '请重试。',
    },
    grantKeyLength: {
      message: '保护远程访问密码的密钥（{origin}）长度不是 {bytes} 字节。',
      remedy: RESTORE_GRANT_KEY,
    },
    grantKeyDamaged: {
      message: '保护远程访问密码的密钥（{origin}）已损坏。',
      remedy: RESTORE_GRANT_KEY,
    },
    grantKeyNoMatch: {
      message: '保护远程访问密码的密钥（{origin}）与已存储的密码不匹配。',
      remedy: RESTORE_GRANT_KEY,
    },
    grantKeyNoOpen: {
      message: '保护远程访问密码的密钥（{origin}）无法解开此授权的密码（密钥已被更换，或该记录被改动）。',
      remedy: RESTORE_GRANT_KEY,
    },
  },
  DATABASE_DAMAGED: {
    sqliteUnreadable: {
      message: '门户数据库 {file} 已损坏（不是可读取的 SQLite 数据库），门户无法在其上启动。',
      remedy: DATABASE_DAMAGED_REMEDY,
    },
    sqliteIntegrity: {
      message: '门户数据库 {file} 已损坏（SQLite 完整性检查发现 {count} 个问题），门户无法在其上启动。',
      remedy: DATABASE_DAMAGED_REMEDY,
    },
  },
  DATABASE_AHEAD: {
    dbNewer: {
      message: '数据库已由较新版本的门户迁移（此版本无法识别 {unknown}）。',
      remedy: '请运行迁移该数据库的门户版本或更新的版本；切勿用较旧的门户访问较新的数据库。',
    },
  },
  DATABASE_BEHIND: {
    dbPending: {
      message: '数据库落后于此门户版本：有 {count} 项迁移尚未应用（{pending}）。',
      remedy: '请使用相同的 DATABASE_URL 运行一次 `hicare-portal migrate`，然后重新启动门户。',
    },
  },
  INSUFFICIENT_SPACE: {
    storeFull: {
      message: `门户存储空间已满，无法存储${STORED}。`,
      remedy: '请稍后重试；如果问题持续存在，请告知厂商（门户运维人员需要释放或增加存储空间）。',
    },
  },
  STORE_UNAVAILABLE: {
    storeFolder: {
      message: '门户无法读写其存储文件夹。',
      remedy: '请确认数据目录存在，且门户的运行用户有写入权限。',
    },
    s3NoBucket: {
      message: '对象存储中没有名为 {bucket} 的存储桶。',
      remedy: '请创建该存储桶，或将 HICARE_S3_BUCKET 设置为已有的存储桶。',
    },
    s3Credentials: {
      message: '对象存储拒绝了门户访问存储桶 {bucket} 的凭据。',
      remedy: '请检查 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY，以及它们在该存储桶中拥有的权限。',
    },
    s3OwnError: {
      message:
        '门户无法{action, select, store {写入} read {读取} delete {删除} other {连接}}对象存储：存储服务自身出错。',
      remedy: '请确认对象存储运行正常且有可用空间，然后重试。',
    },
    s3OwnErrorOnKey: {
      message:
        '门户无法{action, select, store {写入} read {读取} delete {删除} other {访问}}对象存储中的 {key}：存储服务自身出错。',
      remedy: '请确认对象存储运行正常且有可用空间，然后重试。',
    },
    s3NoAnswer: {
      message:
        '门户无法{action, select, store {写入} read {读取} delete {删除} other {连接}}对象存储：存储服务没有响应。',
      remedy: '请确认对象存储正在运行且可以访问（HICARE_S3_ENDPOINT），然后重试。',
    },
    s3NoAnswerOnKey: {
      message:
        '门户无法{action, select, store {写入} read {读取} delete {删除} other {访问}}对象存储中的 {key}：存储服务没有响应。',
      remedy: '请确认对象存储正在运行且可以访问（HICARE_S3_ENDPOINT），然后重试。',
    },
  },
  TUF_KEYS_MISSING: {
    tufNotEd25519: {
      message: `${ROLE}密钥不是 ed25519 密钥。`,
      remedy: '请用 `keys rotate {role}` 替换它。',
    },
    tufNoKey: {
      message: `{path} 处没有 ${ROLE}密钥。`,
      remedy: '请先运行 `keys init`，或指向正确的密钥目录。',
    },
    tufUntrustedKeys: {
      message: `{keysDir} 中的 ${ROLE}密钥都不是第 {version} 版根元数据所信任的密钥。`,
      remedy: '请指向创建该存储库时使用的密钥目录。',
    },
  },
  TUF_ALREADY_INITIALIZED: {
    tufKeyExists: {
      message: `{keysDir} 中已存在 ${ROLE}密钥。`,
      remedy: '请使用 `keys rotate ROLE` 替换密钥，或指向一个空的密钥目录。',
    },
    tufRepositoryInFolder: {
      message: '{repoDir} 中已有 TUF 存储库。',
      remedy: '请向其中发布，或选择一个空的目录或数据库。',
    },
    tufRepositoryInDatabase: {
      message: '该数据库中已有 TUF 存储库。',
      remedy: '请向其中发布，或选择一个空的目录或数据库。',
    },
  },
  TUF_REPOSITORY_BUSY: {
    tufLockFile: {
      message: '另一个发布者（{holder, select, unknown {未知} other {{holder}}}）修改签名目录已超过 {seconds} 秒。',
      remedy: '请等其完成后重试；如果没有发布者在运行，请删除 {lockFile}。',
    },
    tufAdvisoryLock: {
      message: '另一个门户进程修改签名目录已超过 {seconds} 秒。',
      remedy: '请等其完成后重试；如果签名服务或发布操作似乎卡住，请停止它——连接断开后其锁即会释放。',
    },
  },
  TARGET_CONFLICT: {
    tufDifferentBytes: {
      message: '目标 {name} 已以不同的内容发布过。',
      remedy: '请以新版本号发布更改后的软件包。',
    },
  },
  GRANT_KEY_MISSING: {
    grantKeyInline: {
      message: 'HICARE_GRANT_KEY 不是 {bytes} 字节数据的 base64 编码。',
      remedy: `请${GENERATE}，并将 HICARE_GRANT_KEY 设置为其输出。`,
    },
    grantKeyFileUnreadable: {
      message: '无法读取授权密钥文件 {file}（HICARE_GRANT_KEY_FILE）。',
      remedy: `请检查路径，并确认门户的运行用户可以读取该文件；如果从未创建过，请${GENERATE}并写入该文件。`,
    },
    grantKeyFileInvalid: {
      message: '授权密钥文件 {file} 中不是 {bytes} 字节数据的 base64 编码。',
      remedy: `请从备份恢复该文件；仅当尚无任何授权时，才可${GENERATE}。`,
    },
    grantKeyUnset: {
      message: '未配置授权密钥；使用 PostgreSQL 时，必须为每个门户实例提供同一个密钥。',
      remedy: `请${GENERATE}并妥善保管，然后通过 HICARE_GRANT_KEY 或 HICARE_GRANT_KEY_FILE 指定的文件提供给每个实例。`,
    },
    grantKeyFileGone: {
      message: '授权密钥文件 {file} 已丢失，但仍有用它创建的远程访问授权。',
      remedy: '请从数据目录的备份中恢复该文件，或将 HICARE_GRANT_KEY / HICARE_GRANT_KEY_FILE 设置为其中保存的密钥。',
    },
  },
  GRANT_KEY_MISMATCH: {
    grantKeyStored: {
      message: '授权密钥（{origin}）无法解开数据库中存储的远程访问密码。',
      remedy: '请为门户提供创建这些授权时使用的密钥（其他实例使用的密钥或其备份）；使用其他密钥时门户不会启动。',
    },
  },
  ILLEGAL_TRANSITION: {
    requestGrantEnded: {
      message: `服务请求 {number} 当前状态为“${STATE}”，不再需要远程访问。`,
      remedy: '如果仍需帮助，请新建服务请求。',
    },
    requestSurveyNotClosed: {
      message: `服务请求 {number} 当前状态为“${STATE}”；请求关闭后才开放满意度调查。`,
      remedy: '请在请求关闭后再答复调查。',
    },
    requestNotAccepted: {
      message: '服务请求 {number} 尚未受理。',
      remedy: '请先受理该请求；响应时间从受理时开始计算。',
    },
    requestFinished: {
      message: `服务请求 {number} 当前状态为“${STATE}”，无法再添加任何内容。`,
      remedy: '如果仍需帮助，请新建服务请求。',
    },
    requestTakeNotAccepted: {
      message: '服务请求 {number} 尚未受理。',
      remedy: '请受理该请求：受理的同时会将其分配给您。',
    },
    requestTakeEnded: {
      message: `服务请求 {number} 当前状态为“${STATE}”，无法再进行任何操作。`,
      remedy: '请从队列中选择一个未结束的请求。',
    },
  },
  ROLE_NOT_ALLOWED: {
    requestConversation: {
      message:
        '{role, select, itStaff {IT 人员账户} portalAdmin {门户管理员账户} customerAdmin {客户管理员账户} engineer {支持工程师账户} other {此账户}}不能{what, select, attach {为服务请求添加附件} other {在服务请求中留言}}；会话仅在客户与工程师之间进行。',
      remedy: '请联系客户管理员或负责的工程师。',
    },
  },
  GRANT_REVOKED: {
    requestGrant: {
      message: '客户已于 {revokedAt} 撤销此远程访问。',
      remedy: '如果仍需访问，请向客户申请新的授权。',
    },
  },
  GRANT_EXPIRED: {
    requestGrant: {
      message: '此远程访问已于 {expiresAt} 过期。',
      remedy: '如果仍需访问，请向客户申请新的授权。',
    },
  },
  FORBIDDEN: {
    requestGrantNotAssigned: {
      message: '只有负责服务请求 {number} 的工程师才能查看此密码。',
      remedy: '请先接手该请求，或交由负责的工程师处理。',
    },
    requestAssignedElsewhere: {
      message: '服务请求 {number} 已分配给其他工程师。',
      remedy: '请交由负责的工程师处理，或请门户管理员重新分配。',
    },
  },
  CONTRACT_EXPIRED: {
    requestNoContract: {
      message: '没有覆盖此系统的合同处于服务期内。',
      remedy: '请续签维护合同，以便提交新的服务请求。',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    requestReused: {
      message: '该 Idempotency-Key 已用于服务请求 {number}，但内容不同。',
      remedy: '新请求请使用新的 Idempotency-Key；仅在重发请求时使用其首次发送时的密钥。',
    },
  },
  ALREADY_ASSIGNED: {
    requestTaken: {
      message: '服务请求 {number} 已分配给其他工程师。',
      remedy: '请从队列中选择一个未分配的请求。',
    },
  },
};
