import type { SameShape } from '../../../messages.js';
import type { sharedErrors as en } from '../../en/errors/shared.js';

const ROLE_ACCOUNT =
  '{role, select, customerAdmin {客户管理员账户} itStaff {IT 人员账户} engineer {技术支持工程师账户} portalAdmin {门户管理员账户} other {此账户}}';

const STATE =
  '{state, select, submitted {已提交} accepted {已受理} inProgress {处理中} awaitingCustomer {等待客户答复} solutionProposed {已提出解决方案} confirmed {已确认} closed {已关闭} cancelled {已取消} other {未知}}';

const MAY_ACT =
  '{mayAct, select, engineerPortalAdminSystem {工程师、门户管理员或门户自动} engineer {工程师} customerAdmin {客户管理员} customerAdminPortalAdmin {客户管理员或门户管理员} other {其他人员}}';

const ACTOR =
  '{actor, select, customerAdmin {客户管理员} itStaff {IT 人员} engineer {工程师} portalAdmin {门户管理员} system {门户自动} other {此账户}}';

const VERSION_REMEDY = '请按 MAJOR.MINOR.PATCH 格式填写版本，例如 2.3.1 或 2.4.0-rc.1，不要加“v”前缀。';
const RESPONSE_TIME_REMEDY =
  '请将每项覆盖写成 \'{ kind: "minutes", minutes: <大于 0 的整数> }\' 或 \'{ kind: "next-business-day" }\'。';
const LIFECYCLE_REMEDY = '请更正产品线生命周期：发布日期 ≤ 维护期结束 ≤ 服务期结束。';
const REQUEST_STATES_REMEDY =
  '请使用以下之一：submitted、accepted、in-progress、awaiting-customer、solution-proposed、confirmed、closed、cancelled。';
const ATTACHMENT_TYPES_REMEDY = '请附加 {accepted} 类型的文件，并按其真实类型声明。';
const ATTACHMENT_SIZE_REMEDY = '请压缩文件（gzip 或 zip），或只附加相关部分；每个文件最大 {limit} MiB。';
const NO_PATH_MESSAGE =
  '无法从 {installed} 升级到 {product} {version}：该版本只能安装在符合“{range}”的版本之上，而没有可用的版本能通往那里。';

export const sharedErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    message: '部分输入值不被接受。',
    remedy: '请更正所指出的值后重试。',
    values: {
      message: '以下值不被接受：{issues}。',
      remedy: '请更正所指出的值后重试。',
    },
    valuesResend: {
      message: '以下值不被接受：{issues}。',
      remedy: '请更正所指出的值后重新发送请求。',
    },
    releaseOfOtherProduct: {
      message: '版本 {product} {version} 不属于产品 {systemProduct}。',
      remedy: '请只查询该系统自身产品的版本。',
    },
    releaseWithoutProduct: {
      message: '版本缺少所属产品。',
      remedy: '请注明该版本所属的产品。',
    },
    releasePlatforms: {
      message: '{product} {version} 的平台不是名称列表。',
      remedy: '请列出平台，例如“linux-x64”；如适用于所有平台，请省略该字段。',
    },
    lifecycleOfOtherLine: {
      message: '{lifecycleProduct} {major}.x 的生命周期不适用于 {product} {version}。',
      remedy: '请传入该版本所属产品线的生命周期（参见 lifecycleOf）。',
    },
    responseTimeMalformed: {
      message: '区域“{region}”的 {priority} 响应时间格式有误。',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTimeMinutes: {
      message: '区域“{region}”的 {priority} 响应时间必须是大于 0 的整数分钟，而不是 {minutes}。',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTimeKind: {
      message: '区域“{region}”的 {priority} 响应时间类型未知。',
      remedy: RESPONSE_TIME_REMEDY,
    },
    responseTableMalformed: {
      message: '区域“{region}”的响应时间表格式有误。',
      remedy: '请提供以 P1–P4 为键的表。',
    },
    responseTablePriority: {
      message: '区域“{region}”的响应时间表中有未知的优先级“{priority}”。',
      remedy: '请使用 P1、P2、P3、P4 之一（大写）。',
    },
    timeOfDay: {
      message: '{field} {value} 不是有效的时刻。',
      remedy: '请按 24 小时制 HH:MM 填写时间，例如 09:00 或 18:00。',
    },
    calendarRequired: {
      message: '缺少工作日历。',
      remedy: '请至少提供支持区域的时区。',
    },
    holidaysList: {
      message: '节假日必须是日期列表。',
      remedy: '请以 YYYY-MM-DD 日期列表的形式提供节假日。',
    },
    workdaysList: {
      message: '工作日必须是非空的星期列表。',
      remedy: '请用数字 0（星期日）到 6（星期六）表示星期。',
    },
    openBeforeClose: {
      message: '工作日的开始时间必须早于结束时间。',
      remedy: '请将 opensAt 设得早于 closesAt，例如 09:00 和 18:00。',
    },
    noBusinessDay: {
      message: '工作日历中之后没有任何工作日。',
      remedy: '请检查日历中的节假日和工作日。',
    },
    contactNotAccepted: {
      message: '该请求记录了首次联系，但从未被受理。',
      remedy: '请记录 TAC 受理该请求的时间。',
    },
    contactBeforeAcceptance: {
      message: '记录的首次联系时间早于请求的受理时间。',
      remedy: '请检查该请求的受理时间和首次联系时间。',
    },
    requestAction: {
      message: '{value} 不是服务请求的操作。',
      remedy: '请使用以下之一：{actions}。',
    },
    surveyAnswered: {
      message: '“是否已回答满意度调查”必须为 true 或 false。',
      remedy: '请传入布尔值。',
    },
    requestFields: {
      message: '请求字段必须是一个对象。',
      remedy: '请以对象形式传入请求草稿。',
    },
    requestFieldText: {
      message: '请求字段 {field} 必须是文本。',
      remedy: '请以字符串形式发送 {field}。',
    },
    plannableRelease: {
      message: '版本需要包含产品和版本号。',
      remedy: '请传入产品发布源中的版本。',
    },
    planPlatforms: {
      message: '{product} {version} 的平台不是列表。',
      remedy: '请列出平台，例如“linux-x64”，或省略该字段。',
    },
    upgradeGoal: {
      message: '无法理解升级目标。',
      remedy: "请使用 '{ version: \"2.3.1\" }'、'{ major: 2 }' 或 '{ newest: true }'。",
    },
    releasesList: {
      message: '版本必须是列表。',
      remedy: '请传入同一产品的版本发布源。',
    },
    planPlatform: {
      message: '平台必须是名称，例如“linux-x64”。',
      remedy: '请传入平台名称，或省略该项。',
    },
    mixedProducts: {
      message: '这些版本混合了不同产品（{first} 和 {second}）。',
      remedy: '请为每个产品分别规划。',
    },
    pathParameter: {
      message: '缺少路径参数“{name}”。',
      remedy: '请传入该接口所需的所有参数。',
    },
  },
  INVALID_VERSION: {
    message: '这不是有效的版本号。',
    remedy: VERSION_REMEDY,
    value: { message: '“{version}”不是有效的版本号。', remedy: VERSION_REMEDY },
  },
  INVALID_VERSION_RANGE: {
    message: '这不是有效的版本范围。',
    remedy: '请按 semver 语法填写范围，例如“>=1.9.0 || ^2”。',
    value: {
      message: '“{range}”不是有效的版本范围。',
      remedy: '请按 semver 语法填写范围，例如“>=1.9.0 || ^2”。',
    },
  },
  INVALID_DATE: {
    message: '这不是有效的日期。',
    remedy: '请按 YYYY-MM-DD 格式填写日期，例如 2027-03-31。',
    value: {
      message: '“{value}”不是有效的日期。',
      remedy: '请按 YYYY-MM-DD 格式填写日期，例如 2027-03-31。',
    },
  },
  INVALID_INSTANT: {
    message: '给出的时间无效。',
    remedy: '请传入有效的日期和时间（ISO 8601）。',
    iso: {
      message: '“{value}”不是 ISO 8601 格式的时间。',
      remedy: '请按带时区的 ISO 8601 格式填写时间，例如 2026-03-31T22:15:00Z。',
    },
  },
  UNKNOWN_TIME_ZONE: {
    message: '这不是已知的时区。',
    remedy: '请使用 IANA 时区名称，例如“Europe/Berlin”或“Asia/Shanghai”。',
    value: {
      message: '“{timeZone}”不是已知的时区。',
      remedy: '请使用 IANA 时区名称，例如“Europe/Berlin”或“Asia/Shanghai”。',
    },
    required: {
      message: '缺少时区。',
      remedy: '请使用 IANA 时区名称，例如“Europe/Berlin”。',
    },
  },
  END_BEFORE_START: {
    message: '服务期的结束日期早于开始日期。',
    remedy: '请更正结束日期：它必须不早于开始日期。',
    servicePeriod: {
      message: '服务期的结束日期（{end}）早于开始日期（{start}）。',
      remedy: '请更正结束日期：它必须不早于开始日期。',
    },
  },
  UNKNOWN_PRIORITY: {
    message: '这不是有效的优先级。',
    remedy: '请使用 P1、P2、P3、P4 之一（大写）。',
    value: { message: '{value} 不是有效的优先级。', remedy: '请使用 P1、P2、P3、P4 之一（大写）。' },
  },
  UNKNOWN_TIER: {
    message: '这不是有效的合同服务级别。',
    remedy: '请使用“support”或“upgrade-support”。',
    value: { message: '“{value}”不是有效的合同服务级别。', remedy: '请使用“support”或“upgrade-support”。' },
  },
  UNKNOWN_ROLE: {
    message: '这不是有效的用户角色。',
    remedy: '请使用以下之一：customer-admin、it-staff、engineer、portal-admin。',
    role: {
      message: '{value} 不是有效的用户角色。',
      remedy: '请使用以下之一：customer-admin、it-staff、engineer、portal-admin。',
    },
    actor: {
      message: '{value} 不是有效的用户角色。',
      remedy: '请使用以下之一：customer-admin、it-staff、engineer、portal-admin 或 system。',
    },
  },
  UNKNOWN_REQUEST_STATE: {
    message: '这不是有效的服务请求状态。',
    remedy: REQUEST_STATES_REMEDY,
    value: { message: '{value} 不是有效的服务请求状态。', remedy: REQUEST_STATES_REMEDY },
  },
  INVALID_LIFECYCLE: {
    message: '产品线生命周期无效。',
    remedy: LIFECYCLE_REMEDY,
    noProduct: { message: '产品线生命周期缺少产品。', remedy: LIFECYCLE_REMEDY },
    major: {
      message: '{product} 的主版本号 {major} 不是非负整数。',
      remedy: LIFECYCLE_REMEDY,
    },
    maintenanceBeforeGa: {
      message: '{line} 的维护期结束日期（{endOfMaintenance}）早于其发布日期（{ga}）。',
      remedy: LIFECYCLE_REMEDY,
    },
    serviceBeforeGa: {
      message: '{line} 的服务期结束日期（{endOfService}）早于其发布日期（{ga}）。',
      remedy: LIFECYCLE_REMEDY,
    },
    serviceBeforeMaintenance: {
      message: '{line} 的服务期结束日期（{endOfService}）早于维护期结束日期（{endOfMaintenance}）。',
      remedy: LIFECYCLE_REMEDY,
    },
  },
  MISSING_START_DATE_BASIS: {
    message: '无法确定服务开始日期。',
    remedy: '请提供开始日期、发货日期或上一份合同。',
    pac: {
      message: '服务从初步验收（PAC）日期开始，但该日期尚未记录。',
      remedy: '请记录安装或调试的 PAC 日期。',
    },
    unknownBasis: {
      message: '未知的开始日期依据“{basis}”。',
      remedy: '请提供开始日期、发货日期或上一份合同。',
    },
  },
  ILLEGAL_TRANSITION: {
    message: '此操作不适用于该请求的当前状态。',
    remedy: '请刷新该请求，查看现在可以执行的操作。',
    requestState: {
      message: `操作“{action}”不适用于状态为“${STATE}”的请求；{possible, select, none {状态为“${STATE}”的请求无法再执行任何操作。} other {在“${STATE}”状态下可执行的操作有：{actions}。}}`,
      remedy:
        '{state, select, submitted {请等待工程师受理该请求。} accepted {请等待工程师开始处理该请求。} inProgress {请等待工程师提出解决方案或向客户询问信息。} awaitingCustomer {客户管理员需要答复工程师的问题，处理才能继续。} solutionProposed {如果所提出的解决方案有效，客户管理员应予以确认；如果无效，则应予以拒绝。} confirmed {请等待该请求关闭。} closed {该请求已关闭；如果问题再次出现，请新建请求。} cancelled {该请求已取消；如果仍需帮助，请新建请求。} other {请刷新该请求，查看现在可以执行的操作。}}',
    },
  },
  ROLE_NOT_ALLOWED: {
    message: '您的账户无权执行此操作。',
    remedy: '请联系角色有权执行此操作的人员。',
    requestAction: {
      message: `${ACTOR}不能对状态为“${STATE}”的请求执行“{action}”；只有${MAY_ACT}可以。`,
      remedy: `{actor, select, itStaff {IT 人员账户只能下载更新；请让客户管理员处理该请求。} other {请让${MAY_ACT}执行此操作。}}`,
    },
    openRequestsItStaff: {
      message: 'IT 人员账户不能新建服务请求。',
      remedy: '请让客户管理员新建该请求，或使用客户管理员账户登录。',
    },
    openRequestsVendor: {
      message: '厂商账户不能新建服务请求。',
      remedy: '服务请求由客户管理员新建；请在工程师工作台中答复。',
    },
  },
  REQUEST_FIELD_MISSING: {
    message: '该请求缺少必填字段。',
    remedy: '请在提交请求前填写所有必填字段。',
    fields: {
      message:
        '该请求缺少{fields, select, serialNumber {设备序列号} location {设备位置} faultDescription {故障描述} serialNumberLocation {设备序列号和设备位置} serialNumberFaultDescription {设备序列号和故障描述} locationFaultDescription {设备位置和故障描述} other {设备序列号、设备位置和故障描述}}。',
      remedy: '请在提交请求前填写所有必填字段。',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    message: '该 Idempotency-Key 已用于其他内容。',
    remedy: '新请求请使用新的 Idempotency-Key；重发请求时只能使用首次发送时的键。',
  },
  ALREADY_ASSIGNED: {
    message: '该请求已分配给其他工程师。',
    remedy: '请从队列中选择一个未分配的请求。',
  },
  ATTACHMENT_TOO_LARGE: {
    message: '附件过大。',
    remedy: '请压缩文件（gzip 或 zip），或只附加相关部分。',
    limit: {
      message: '附件大于 {limit} MiB。',
      remedy: ATTACHMENT_SIZE_REMEDY,
    },
    file: {
      message: '文件 {fileName} 大于 {limit} MiB。',
      remedy: ATTACHMENT_SIZE_REMEDY,
    },
    sized: {
      message: '附件大小为 {size} MiB；最多只能附加 {limit} MiB。',
      remedy: ATTACHMENT_SIZE_REMEDY,
    },
    fileSized: {
      message: '文件 {fileName} 大小为 {size} MiB；最多只能附加 {limit} MiB。',
      remedy: ATTACHMENT_SIZE_REMEDY,
    },
  },
  ATTACHMENT_TYPE_REFUSED: {
    message: '不能附加此类文件。',
    remedy: '请附加可接受类型的文件，并按其真实类型声明。',
    declaredType: {
      message: '不能附加 {declared} 类型的文件。',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    unknownType: {
      message: '不能附加未知类型的文件。',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    contentMismatch: {
      message:
        '该文件声明为 {declared}，但其内容{content, select, program {是一个程序} unknown {是门户不接受的内容} other {是 {content}}}。',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    program: {
      message: '文件 {fileName} 是一个程序。',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
    notAccepted: {
      message: '文件 {fileName} 不是门户接受的文件类型。',
      remedy: ATTACHMENT_TYPES_REMEDY,
    },
  },
  GRANT_EXPIRED: {
    message: '此远程访问授权已过期。',
    remedy: '如果仍需访问，请让客户重新授权。',
  },
  GRANT_REVOKED: {
    message: '客户已撤销此远程访问授权。',
    remedy: '如果仍需访问，请让客户重新授权。',
  },
  REQUEST_REFUSED: {
    message: '门户拒绝了一个在本机等待发送的请求；该请求已保留。',
    remedy: '请更正后重新新建该请求，然后删除被拒绝的请求。',
  },
  NO_UPGRADE_PATH: {
    message: '没有通往该版本的升级路径。',
    remedy: '请联系 TAC 获取受支持的迁移方案。',
    noPath: {
      message: NO_PATH_MESSAGE,
      remedy: '请联系 TAC：没有已发布的版本符合“{range}”，因此 {version} 需要受支持的迁移方案。',
    },
    stepFirst: {
      message: NO_PATH_MESSAGE,
      remedy: '请在 TAC 的协助下先安装 {step}：它能通往 {version}，但无法直接安装在 {installed} 之上。',
    },
    stepPrerelease: {
      message: NO_PATH_MESSAGE,
      remedy: '请包含预览版以先安装 {step}，或联系 TAC 获取受支持的迁移方案。',
    },
    stepPlatform: {
      message: NO_PATH_MESSAGE,
      remedy: '请联系 TAC 获取受支持的迁移方案：能通往目标的 {step} 未针对 {platform} 发布。',
    },
    goalPrerelease: {
      message: '无法从 {installed} 升级到 {goal}：{version} 是预览版，而当前不包含预览版。',
      remedy: '请包含预览版后再规划，或等待正式发布的版本。',
    },
    goalPlatform: {
      message: '无法从 {installed} 升级到 {goal}：{version} 未针对 {platform} 发布。',
      remedy: '请选择针对此平台发布的版本，或联系 TAC。',
    },
    goalMissing: {
      message: '无法从 {installed} 升级到 {goal}：没有发布这样的版本。',
      remedy: '请选择已发布的版本，或就发布计划联系 TAC。',
    },
  },
  UPGRADE_PATH_REQUIRED: {
    message: '该版本不能直接安装在当前已安装的版本之上。',
    remedy: '请按顺序安装升级路径中的各个版本。',
    direct: {
      message: '{name} 只能安装在{range}之上；{serialNumber} 当前运行 {installed}。',
      remedy: '请先安装 {first}，或按路径 {path} 依次安装。',
    },
    noPath: {
      message: '{name} 只能安装在{range}之上；{serialNumber} 当前运行 {installed}。',
      remedy: '未安装任何内容。请联系 TAC 获取受支持的迁移方案。',
    },
    blocked: {
      message: '{name} 只能安装在{range}之上；{serialNumber} 当前运行 {installed}。',
      remedy:
        '未安装任何内容。{why, select, noPath {请联系 TAC：没有已发布的版本符合“{minUpgradeFrom}”，因此 {version} 需要受支持的迁移方案。} stepFirst {请在 TAC 的协助下先安装 {step}：它能通往 {version}，但无法直接安装在 {installed} 之上。} stepPrerelease {请包含预览版以先安装 {step}，或联系 TAC 获取受支持的迁移方案。} stepPlatform {请联系 TAC 获取受支持的迁移方案：能通往目标的 {step} 未针对 {platform} 发布。} goalPrerelease {请包含预览版后再规划，或等待正式发布的版本。} goalPlatform {请选择针对此平台发布的版本，或联系 TAC。} other {请选择已发布的版本，或就发布计划联系 TAC。}}',
    },
  },
  INVALID_TARGET_NAME: {
    message: '这不是有效的软件包名称。',
    remedy: '请使用类似 product/1.2.0/linux-x64/product-1.2.0.tar.gz 的相对路径。',
  },
  TARGET_CONFLICT: {
    message: '该软件包已以不同的内容发布。',
    remedy: '请以新版本号发布修改后的软件包。',
  },
  TUF_KEYS_MISSING: {
    message: '缺少目录的签名密钥。',
    remedy: '请先运行 `keys init`，或指向正确的密钥目录。',
  },
  TUF_ALREADY_INITIALIZED: {
    message: '此处已存在签名目录。',
    remedy: '请向其中发布，或选择一个空目录或空数据库。',
  },
  TUF_REPOSITORY_BUSY: {
    message: '另一个发布者正在修改签名目录。',
    remedy: '请在另一次发布完成后重试。',
  },
  DATABASE_BEHIND: {
    message: '数据库版本落后于此门户。',
    remedy: '请对该数据库运行 `hicare-portal migrate`，然后重新启动门户。',
  },
  DATABASE_AHEAD: {
    message: '该数据库已由更新版本的门户迁移。',
    remedy: '请运行迁移该数据库的门户版本或更新的版本；切勿让旧版门户使用新版数据库。',
  },
  DATABASE_DAMAGED: {
    message: '门户数据库已损坏；门户无法在其上启动。',
    remedy: '请停止所有使用该数据库的门户进程，从最近的备份恢复文件（或将其移走以空库启动），然后重新启动。',
  },
  STORE_UNAVAILABLE: {
    message: '门户无法访问其存储。',
    remedy: '请稍后重试；如果问题持续，请告知厂商。',
  },
  GRANT_KEY_MISSING: {
    message: '门户缺少远程访问密码的密钥。',
    remedy: '请为门户提供授权密钥（HICARE_GRANT_KEY 或密钥文件），然后重新启动。',
  },
  GRANT_KEY_MISMATCH: {
    message: '该授权密钥无法解开数据库中存储的远程访问密码。',
    remedy: '请为门户提供创建这些授权时所用的密钥（其他实例使用的密钥或其备份）。',
  },
  PUBLISH_FAILED: {
    message: '签名服务未能完成发布任务；未发布任何内容。',
    remedy: '请查看签名服务的日志，排除原因后重新发布。',
  },
  RANGE_NOT_SATISFIABLE: {
    message: '请求的范围超出了文件大小。',
    remedy: '请从头重新下载该文件。',
  },
  OFFLINE: {
    message: '无法连接到门户。',
    remedy: '请检查网络连接、代理设置和门户地址，然后重试。',
  },
  TIMEOUT: {
    message: '门户未能及时响应。',
    remedy: '请检查网络连接后重试。',
  },
  PORTAL_ERROR: {
    message: '与门户通信失败。',
    remedy: '请重试；如果问题持续，请检查门户地址和网络。',
  },
  UNTRUSTED_PORTAL: {
    message: '门户的元数据未由本机信任的密钥签名。',
    remedy: '如果这是另一个门户，请明确信任其信任根（已显示其指纹）；否则请向厂商报告。',
  },
  TRUST_METADATA_INVALID: {
    message: '无法校验门户的签名目录。',
    remedy: '未下载或安装任何内容。请稍后重试；如果问题持续，请向厂商报告。',
  },
  TARGET_UNKNOWN: {
    message: '签名目录中没有该软件包。',
    remedy: '请刷新目录；如果仍然找不到该软件包，请咨询厂商。',
  },
  TARGET_MISMATCH: {
    message: '门户对该软件包的描述与签名目录不一致。',
    remedy: '未下载或安装任何内容。请刷新后重试；如果问题持续，请向厂商报告。',
  },
  HASH_MISMATCH: {
    message: '该软件包与签名目录中列出的不一致。',
    remedy: '请勿安装。请从门户重新下载该软件包。',
  },
  LENGTH_EXCEEDED: {
    message: '服务器发送的数据超出了签名目录为该软件包列出的大小；下载已停止。',
    remedy: '请稍后重试；如果再次发生，请向厂商报告：服务器发送的不是已发布的软件包。',
  },
  INSUFFICIENT_SPACE: {
    message: '可用磁盘空间不足。',
    remedy: '请释放一些磁盘空间后重试。',
  },
  DOWNLOAD_CANCELLED: {
    message: '下载已取消。',
    remedy: '需要该软件包时，请重新开始下载。',
  },
  DOWNLOAD_FAILED: {
    message: '下载失败。',
    remedy: '请稍后重试；下载会从中断处继续。如果一直失败，请联系技术支持。',
  },
  INSTALLER_UNSUPPORTED: {
    message: '该软件包无法在此计算机上安装。',
    remedy: '请下载针对此计算机操作系统构建的软件包。',
  },
  INSTALL_FAILED: {
    message: '安装失败。',
    remedy: '请重试；如果问题持续，请向厂商报告。',
  },
  INSTALL_TIMEOUT: {
    message: '安装未能在规定时间内完成，已被停止。',
    remedy: '请确认此计算机上没有程序在等待输入或锁定产品文件，然后重新安装。',
  },
  VERSION_NOT_REACHED: {
    message: '安装程序已完成，但产品并未运行新版本。',
    remedy: '请提交服务请求：系统会自动附上安装日志和此计算机的信息。',
  },
  INSTALL_IN_PROGRESS: {
    message: '该系统上已有安装正在进行。',
    remedy: '请等待其完成后再开始本次安装。未做任何更改。',
  },
  DETECTION_FAILED: {
    message: '无法检测已安装的版本。',
    remedy: '请向厂商报告：版本元数据有误。',
  },
  OPERATION_LOG_TAMPERED: {
    message: '操作记录在写入后被修改过。',
    remedy: '请勿依赖这些记录；请报告给您的管理员，并在服务请求中附上该文件。',
  },
  KEYRING_UNAVAILABLE: {
    message: '此计算机未向应用提供密钥链，因此您的登录信息只保留到应用关闭为止。',
    remedy: '请设置操作系统的密钥环，然后重新登录。',
  },
  VERSION_NOT_IN_CATALOG: {
    message: '该版本不在厂商的目录中；未做任何更改。',
    remedy: '请从目录中选择版本。如果设备运行的是通过其他方式安装的版本，请确认它不在厂商的目录中。',
  },
  NO_CONTRACT: {
    message: '您没有维护合同。',
    remedy: '请联系您的客户经理购买应用软件支持服务。',
  },
  CONTRACT_PENDING: {
    message: '您的服务尚未开始。',
    remedy: '请等待服务开始。',
    contract: {
      message: '合同 {contractId} 于 {startDate} 开始。',
      remedy: '请等到 {startDate} 服务开始。',
    },
    requests: {
      message: '您的服务于 {startDate} 开始。',
      remedy: '自 {startDate} 起可以新建服务请求。',
    },
  },
  CONTRACT_EXPIRED: {
    message: '没有覆盖该系统的合同处于服务期内。',
    remedy: '请续签维护合同，以便新建服务请求。',
    none: {
      message: '合同 {contractId} 已于 {endDate} 结束。',
      remedy: '请续签维护合同，以便再次下载版本。',
    },
    requests: {
      message: '您的合同已于 {endDate} 结束。',
      remedy: '请续签维护合同，以便新建服务请求。',
    },
  },
  SYSTEM_NOT_COVERED: {
    message: '该系统不在您的合同覆盖范围内。',
    remedy: '请联系您的客户经理，将该系统加入您的维护合同。',
    contract: {
      message: '系统 {serialNumber}（{product}）不在合同 {contractId} 的覆盖范围内。',
      remedy: '请联系您的客户经理，将该系统加入您的维护合同。',
    },
    anyContract: {
      message: '系统 {serialNumber} 不在您任何一份合同的覆盖范围内。',
      remedy: '请联系您的客户经理，将该系统加入您的合同。',
    },
  },
  UPGRADE_REQUIRES_UPGRADE_SUPPORT: {
    message: '这是主版本升级；您的应用软件支持服务合同只包含更新。',
    remedy: '请改为应用软件升级支持服务以获取主版本升级；已授权版本的更新仍然可用。',
    release: {
      message: '{version} 是主版本升级；您的应用软件支持服务合同只包含更新。',
      remedy: '请改为应用软件升级支持服务以获取主版本升级；已授权版本的更新仍然可用。',
    },
  },
  RELEASED_AFTER_CONTRACT_END: {
    message: '该版本在您的合同结束后发布。',
    remedy: '请续签维护合同；合同结束前发布的版本仍然可用。',
    earned: {
      message: '{version} 在合同 {contractId} 于 {endDate} 结束后发布。',
      remedy: '请续签维护合同；在 {endDate} 及之前发布的版本仍然可用。',
    },
  },
  LINE_PAST_END_OF_MAINTENANCE: {
    message: '该产品线已到维护期结束，不再提供新的更新。',
    remedy: '请升级到仍在维护期内的主版本，以继续获得更新。',
    line: {
      message: '{major}.x 产品线已于 {endOfMaintenanceDate} 到维护期结束，不再提供新的更新。',
      remedy: '请升级到仍在维护期内的主版本，以继续获得更新。',
    },
  },
  LINE_PAST_END_OF_SERVICE: {
    message: '该产品线已到服务期结束。',
    remedy: '请升级到受支持的主版本。',
    line: {
      message: '{major}.x 产品线已于 {endOfServiceDate} 到服务期结束。',
      remedy: '请升级到受支持的主版本。',
    },
  },
  PRERELEASE: {
    message: '该版本是预览版，尚未正式发布。',
    remedy: '请在“设置 → 更新”中打开“显示预览版”以获取预览版（命令行中使用 --previews）。',
    release: {
      message: '{version} 是预览版，尚未正式发布。',
      remedy: '请在“设置 → 更新”中打开“显示预览版”以获取预览版（命令行中使用 --previews）。',
    },
  },
  RELEASE_WITHDRAWN: {
    message: '厂商已撤回该版本，不再提供。',
    remedy: '请选择其他版本；厂商的通知说明了撤回此版本的原因。',
    release: {
      message: '厂商已于 {withdrawnAt} 撤回 {version}：{reason}',
      remedy: '请勿安装 {version}；请选择其他版本，或向厂商技术支持询问应改用哪个版本。',
    },
  },
  NOT_FOR_PLATFORM: {
    message: '该版本不是为此平台构建的。',
    remedy: '请选择为此平台构建的软件包。',
    platform: {
      message: '{version} 不是为 {platform} 构建的。',
      remedy: '请选择为 {platform} 构建的软件包。',
    },
  },
  UNKNOWN_METHOD: {
    message: '应用不认识此方法。',
    remedy: '请更新应用：其窗口与后台进程的版本不一致。',
    method: {
      message: '不存在方法“{method}”。',
      remedy: '请更新应用：其窗口与后台进程的版本不一致。',
    },
  },
  METHOD_NOT_ALLOWED: {
    message: '此地址不响应该请求方法。',
    remedy: '请使用 /openapi.json 为其列出的方法。',
  },
  HEADERS_TOO_LARGE: {
    message: '请求头过大。',
    remedy: '请减少请求头的数量或长度（总计最多 16 KB）。',
  },
  UNAUTHENTICATED: {
    message: '您尚未登录门户。',
    remedy: '请使用您的门户账户登录。',
  },
  INVALID_CREDENTIALS: {
    message: '电子邮件地址或密码不正确。',
    remedy: '请检查后重试。',
  },
  TOKEN_EXPIRED: {
    message: '您的登录已过期。',
    remedy: '请重新登录。',
  },
  TOKEN_REVOKED: {
    message: '您的登录已被撤销。',
    remedy: '请重新登录。',
  },
  RATE_LIMITED: {
    message: '登录失败次数过多。',
    remedy: '请稍候再试。如果忘记了密码，请让管理员为您设置新密码。',
  },
  FORBIDDEN: {
    message: '您的账户无权执行此操作。',
    remedy: '请使用有权限的账户登录，或联系您的管理员。',
    roleMayNot: {
      message: `${ROLE_ACCOUNT}无权{what, select, downloadPackages {下载软件包} other {使用此功能}}。`,
      remedy:
        '请以{allowed, select, customerAdmin {客户管理员} itStaff {IT 人员} engineer {技术支持工程师} portalAdmin {门户管理员} customerAdminItStaff {客户管理员或 IT 人员} customerAdminEngineer {客户管理员或技术支持工程师} customerAdminPortalAdmin {客户管理员或门户管理员} engineerPortalAdmin {技术支持工程师或门户管理员} customerAdminEngineerPortalAdmin {客户管理员、技术支持工程师或门户管理员} customerAdminItStaffEngineerPortalAdmin {客户管理员、IT 人员、技术支持工程师或门户管理员} other {其他角色}}身份登录后执行此操作。',
    },
  },
  NOT_FOUND: {
    message: '未找到您要查找的内容。',
    remedy: '请检查输入的内容后重试。',
  },
  ALREADY_EXISTS: {
    message: '该项已存在。',
    remedy: '请换一个名称，或使用已有的项。',
  },
  SOLUTION_REQUIRED: {
    message: '提出解决方案时必须写明方案内容。',
    remedy: '请为客户写下解决方案，然后再提出。',
  },
  REJECTION_REASON_REQUIRED: {
    message: '拒绝解决方案前，请说明它为什么无效。',
    remedy: '请描述您尝试该解决方案时发生了什么。',
  },
  ACTION_NOTE_NOT_EXPECTED: {
    message: '说明只能随需要它的操作一起提供。',
    remedy: '请省略该说明，或选择它所属的操作。',
    solution: {
      message: '只有在提出解决方案时才能提供解决方案。',
      remedy: '请改为提出解决方案，或省略解决方案。',
    },
    reason: {
      message: '只有在拒绝解决方案时才能提供原因。',
      remedy: '请改为拒绝解决方案，或省略原因。',
    },
  },
  INTERNAL: {
    message: 'Hi-Care 更新管理器内部出错。',
    remedy: '请重试；如果问题反复出现，请将支持包发送给厂商。',
    unexpected: {
      message: 'Hi-Care 更新管理器遇到了无法处理的情况。',
      remedy: '请向厂商报告此问题，并附上支持包。',
    },
    transitionTable: {
      message: '请求状态转换表在 {state}/{action} 处不一致。',
      remedy: '请向厂商报告此问题。',
    },
    noContractEvaluated: {
      message: '没有评估任何合同。',
      remedy: '请向厂商报告此问题。',
    },
    appAnswer: {
      message: '应用对 {method} 的应答不符合预期。',
      remedy: '请重新启动应用。',
    },
    appWindow: {
      message: '应用内部出错。',
      remedy: '请重试；如果问题持续，请将操作记录发送给技术支持。',
    },
  },
  CONFIRMATION_REQUIRED: {
    message: '未执行任何操作：此操作需要您确认。',
    remedy: '确定后请重新运行该命令并回答 y，或加上 --yes。',
  },
  FILE_NOT_ACCESSIBLE: {
    message: '无法使用该文件。',
    remedy: '请检查路径以及您的账户是否有权使用该文件，然后重试。',
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    message: '该软件包不适用于此系统。',
    remedy: '未安装任何内容。请选择针对该系统的产品和平台构建的软件包。',
  },
  TRUST_ROOT_INVALID: {
    message: '该文件不是有效的信任根。',
    remedy: '请选择门户运营方为此门户提供的 root.json。',
  },
  TRUST_ROOT_UNSIGNED: {
    message: '该信任根未由其自身的密钥签名：它已被篡改，或其签名已被移除。',
    remedy: '请选择门户运营方为此门户提供的 root.json，并核对其指纹。',
  },
  TRUST_ROOT_EXPIRED: {
    message: '该信任根已过期；过期的信任根无法用于建立对门户的信任。',
    remedy: '请向门户运营方索取其当前的 root.json。',
  },
};
