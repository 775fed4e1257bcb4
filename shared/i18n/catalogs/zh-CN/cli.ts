import type { SameShape } from '../../messages.js';
import type { cli as en } from '../en/cli.js';

export const cli: SameShape<typeof en> = {
  help: {
    main: `hicare — 面向 IT 人员的 Hi-Care 更新管理器命令行工具

用法：hicare [--portal URL] [--json] [--lang en|zh-CN] [-q|-v] '<'命令> [选项]
      hicare help '<'命令> ['<'子命令>]

命令：
  trust ROOT.json           信任门户的 TUF 信任根（先完整校验并显示指纹，再询问；脚本中用 --yes）
  login                     登录（--email；密码来自 $HICARE_PASSWORD、--password-stdin 或提示输入）
  logout                    退出登录并删除令牌
  entitlement               您的合同：支持服务、状态、服务期、剩余天数、系统
  systems                   您的系统及其已安装版本
  systems set-version S V   记录远程设备 S 的版本：目录中的版本，或加 --not-in-catalog 记录任意版本
  check                     每个系统可用的更新和升级，附原因和解决办法
  download TARGET...        下载软件包（--serial S、--out DIR、--previews）；在终端上显示进度条
  verify FILE               查看文件是哪个已签名的软件包；不是任何软件包时失败
  install TARGET --serial S 在本机的系统上安装软件包
  upgrade --serial S --to V 规划升级到版本 V 的路径，显示并询问后逐步安装（--yes）
  log [--verify]            操作记录（--verify 校验哈希链）
  request create            创建远程指导请求（--from-failure last：根据失败的安装起草）
  request list|show|message|grant|revoke|confirm|reject|survey|flush
  kb search WORDS...        搜索知识库（--product P、--version V、--kind K）
  kb show ID                阅读文章
  support-bundle            将应用日志、操作记录和设置脱敏后打包，供技术支持使用（--preview、--out）
  bundle create|verify      离线包：将软件包、其签名元数据和授权声明合并为一个文件
  mirror serve BUNDLE...    通过 HTTP 以只读方式向无法上网的站点提供离线包（--port P）
  config get|set|unset|list 设置：portal、proxy、ca-bundle、download-folder（list 显示每项的来源）
  completion SHELL          输出 bash、zsh 或 powershell 的命令补全脚本
  help COMMAND [SUB]        查看某个命令的帮助

选项：
  --portal URL      门户地址（或 $HICARE_PORTAL，或已保存的设置）
  --json            在标准输出上输出机器可读的 JSON
  --lang LANG       输出语言：en 或 zh-CN（否则取自 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG）
  --ca-bundle FILE  本次运行额外信任的 CA 证书（PEM 文件；优先于 ca-bundle 设置；两者都未提供时
                    才使用 NODE_EXTRA_CA_CERTS）
  -q, --quiet       只输出结果和错误：不显示进度条和提示
  -v, --verbose     在标准错误上输出调试信息（等同于 HICARE_DEBUG=1）
  -V, --version     hicare 的版本
  -h, --help        帮助
环境变量：HICARE_HOME（数据目录）、HICARE_PORTAL、HTTPS_PROXY/NO_PROXY、NODE_EXTRA_CA_CERTS。

{exitCodes}`,
    exitCodes: `退出码：
  0  完成
  1  失败（会输出错误代码和解决办法）
  2  用法错误（会输出该命令的帮助）
  3  无权使用：合同或离线包的授权声明不允许此操作
  4  不可信：信任根、已签名目录、离线包、软件包哈希或长度校验未通过——未安装任何内容
  5  安装程序失败（会输出其日志和退出码；可以创建服务请求）
  6  离线，或门户没有响应
  7  未找到：没有该软件包、系统、请求或文件
  8  不适用：软件包属于其他产品或平台，或升级路径尚不允许该版本
  9  被门户拒绝：未登录，或此账户无权执行该操作
 10  未确认：无法询问（没有终端；请加 --yes），或回答为否
 11  已撤回：该文章已被撤回（通知中说明了撤回时间和原因；请搜索更新的文章）
100  check：您的系统有可用的更新`,
    trust: `hicare trust ROOT.json [--yes] [--portal URL]

完整校验信任根（由其自身达到阈值数量的密钥签名、未过期、每个角色至少有一个密钥、不超过 1 MiB），
显示其指纹，并在将其作为该门户的信任根之前询问（脚本中用 --yes）。请将指纹与门户运营方提供的指纹进行核对。`,
    login: `hicare login --email EMAIL [--password-stdin] [--portal URL]

密码来自 $HICARE_PASSWORD、标准输入（--password-stdin）或终端上的提示输入。`,
    logout: `hicare logout

退出登录并删除令牌。`,
    systems: `hicare systems [--json]
hicare systems set-version SERIAL VERSION [--not-in-catalog]

VERSION 必须是厂商目录中该产品的版本之一；--not-in-catalog 确认设备运行的是通过其他方式安装的版本，
该版本随后会标为“不在目录中”。`,
    entitlement: `hicare entitlement [--json]

列出每份合同及其授权版本：通过升级获得的主版本会注明自何时起、在哪个系统上获得。`,
    check: `hicare check [--serial S] [--previews] [--json]

列出每个系统可用的更新和升级，附原因和解决办法。--previews 包括预览版。`,
    download: `hicare download TARGET... [--serial S] [--out DIR] [--previews] [--json]

TARGET 是 \`check\` 列出的软件包名称，例如 atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz。--previews 允许下载预览版。`,
    verify: `hicare verify FILE [--json]

查看文件是哪个已签名的软件包；不是任何软件包时失败。`,
    install: `hicare install TARGET --serial S [--json]
hicare install --bundle FILE --serial S [--target NAME] [--contract C] [--json]
hicare install --mirror URL --serial S [--target NAME] [--contract C] [--json]

只能安装在比系统当前版本更高的版本之上的版本会被拒绝（UPGRADE_PATH_REQUIRED）：请使用 \`hicare upgrade\`。
使用 --bundle（由 \`hicare bundle create\` 制作的文件）或 --mirror（站点镜像）时不会访问网络：离线包会用本机信任的根
进行验证，其授权声明必须包含 S（以及合同 C；若本机已知该系统的合同，则为该合同）。将安装该系统产品在本平台上的最新版本，
或按顺序安装升级路径上的每个版本；--target 只安装指定的版本。`,
    upgrade: `hicare upgrade --serial S --to VERSION [--yes] [--json]

规划从已安装版本到 VERSION 的路径（例如 1.4.2 → 1.9.0 → 2.3.1），在下载任何内容之前按您的合同校验路径上的每个版本，
显示路径并在安装前询问（脚本中用 --yes）。各版本按顺序安装，并分别显示日志；第一次失败即停止，并说明停在哪一步。`,
    log: `hicare log [--verify] [--limit N] [--json]

最近的操作记录，按时间先后排列（--limit N，默认 20 条）；--verify 校验其哈希链。`,
    supportBundle: `hicare support-bundle [--out FILE.tar.gz] [--json]
hicare support-bundle --preview [--json]

将厂商技术支持所需的内容打包成一个 .tar.gz：应用日志、操作记录（及其哈希链是否完好）、最近几次失败的安装、
设置，以及本程序的版本和平台。令牌、密码、密钥、Authorization 请求头、授权密钥和电子邮件地址中的姓名会先从每个文件中删除。
未指定 --out 时写入下载文件夹；已有文件绝不会被覆盖。--preview 会逐个输出将要发送的文件，但不写入任何内容。`,
    kb: `hicare kb search WORDS... [--product P] [--version V] [--kind KIND] [--json]
hicare kb show ID [--json]

search 按相关度列出已发布的文章和社区中已采纳的回答，支持中英文等任何语言：表格列出编号、类型、标题和摘要，
摘要中与您的关键词匹配的部分会被标出（在终端中加粗，否则用 [方括号]）。KIND 可为 document、
configuration-guide、maintenance-case 或 known-issue。show 以纯文本输出文章，链接后附上其地址。
文章已撤回时会输出撤回通知并以 11 退出；编号不存在时以 7 退出。`,
    config: `hicare config list [--json]
hicare config get KEY
hicare config set KEY VALUE
hicare config unset KEY

KEY 可以是 portal、proxy、ca-bundle 或 download-folder，与应用“设置”中的各项相同。set 会先检查取值：
portal 和 proxy 必须是 http:// 或 https:// 地址，ca-bundle 必须是可读取的 PEM 文件，download-folder
必须是可以创建并写入的文件夹。get 只输出当前生效的值（没有值时不输出）；list 显示每个值及其来源：
参数（--portal、--ca-bundle）、环境变量（HICARE_PORTAL、HTTPS_PROXY、NODE_EXTRA_CA_CERTS）、设置或默认值。`,
    completion: `hicare completion bash|zsh|powershell

输出一个脚本，用于补全 hicare 的命令、子命令和参数。
  bash：       source <(hicare completion bash)              （写入 ~/.bashrc）
  zsh：        source <(hicare completion zsh)               （写入 ~/.zshrc，放在 compinit 之后）
  PowerShell： hicare completion powershell | Out-String | Invoke-Expression   （写入 $PROFILE）`,
    help: `hicare help [COMMAND [SUBCOMMAND]]

显示总帮助、某个命令的帮助，或某个子命令的用法及说明。`,
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

REQUEST 是请求编号（TAC-2026-000002）或其 ID。
根据失败的安装起草的请求会先显示匹配的已知问题，再显示草稿及脱敏删除的每一项机密信息。您确认之前不会发送任何内容
（提示确认，或 --yes）。无法连接门户时，请求会保存在本机，并在可以连接时发送，且只发送一次。附件（--attach：日志、
压缩包、截图）在发送前会先检查：每个不超过 {maxMiB} MiB，类型为文本、JSON、gzip、zip、PNG 或 JPEG。被门户拒绝的请求
会保留在本机：\`flush\` 会显示它及门户给出的原因，并以退出码 1 结束，直到您将其丢弃。`,
    bundle: `hicare bundle create --serial S [--serial S2]... (--release 名称... | --updates | --path-to 版本)
    --out 文件 [--valid-days N]
hicare bundle verify 文件 | --mirror URL

create 为没有互联网的站点写出一个文件：安装包、用于校验它们的签名目录，以及门户为这些系统签发的声明，
有效期为 --valid-days 天（默认 90 天）。--release 放入指定的安装包，--updates 放入每台系统现在应安装的版本，
--path-to 放入升级到该版本的每一步。下载与在线时一样由门户按您的合同检查。该文件是 tar 归档，可用 tar tf 查看。`,
    mirror: `hicare mirror serve 离线包... --port 端口 [--host 主机]

通过 HTTP 以只读方式向站点的电脑提供离线包：最新离线包的目录和安装包、位于 /bundles/N/ 的每个离线包，
以及 /mirror.json。按 Ctrl+C 停止运行。各台电脑会校验所提供的全部内容。`,
  },
  usage: {
    missingArgument: '缺少参数。',
    unexpectedArgument: '多余的参数：{argument}',
    unknownOption: '未知选项：{option}',
    optionNeedsValue: '选项 {option} 需要一个值。',
    optionTakesNoValue: '选项 {option} 不接受值。',
    badOptions: '给出的选项不适用于此命令。',
    unknownCommand: '未知命令：{command}',
    unknownLanguage: '--lang 的语言未知：{given}。请从以下选项中选择：{choices}。',
    missingLanguage: '--lang 需要指定语言：{choices}。',
    missingEmail: '缺少 --email。',
    noPassword: '没有密码：请设置 $HICARE_PASSWORD 或使用 --password-stdin。',
    setVersion: '用法：hicare systems set-version SERIAL VERSION [--not-in-catalog]',
    notInCatalogAlone: '--not-in-catalog 只能与 set-version 一起使用。',
    unknownSystemsCommand: '未知的 systems 子命令：{command}',
    missingSerial: '缺少 --serial。',
    previewOrOut: '--preview 不写入任何内容：请只指定 --preview 或 --out 之一。',
    upgradeNeeds: '请指定 --serial S 和 --to VERSION。',
    priorityChoices: '--priority 必须是以下之一：{choices}。',
    kindChoices: '--kind 必须是以下之一：{choices}。',
    kbSubcommand: '请说明要做什么：kb search WORDS... 或 kb show ID。',
    createNeeds: '请指定 --from-failure ID|last，或者指定 --serial、--description 和 --priority。',
    grantNeeds: '请指定 --channel、--address 和 --account。',
    rejectNeedsReason: '请指定 --reason：说明该解决方案为什么无效。',
    ratingRange: '--rating 必须是 1 到 5。',
    unknownRequestCommand: '未知的 request 子命令：{command}',
    unknownSubcommand: '未知的 {command} 子命令：{sub}',
    completionShell: '请指定 shell：{choices}。',
    configSubcommand: '请说明要做什么：config list、config get KEY、config set KEY VALUE 或 config unset KEY。',
    configNeedsKey: '请指定设置项：{choices}。',
    configKey: '未知的设置项：{key}。请从以下选项中选择：{choices}。',
    configNeedsValue: '请提供取值：hicare config set {key} VALUE',
    missingRequestCommand:
      '请指定 request 子命令：create、list、show、message、grant、revoke、confirm、reject、survey、flush 或 discard。',
  },
  report: {
    error: '错误 {code}：{message}',
    command: '命令：{command}',
    previewsHint: '先运行 {check}，再运行 {download}',
    installerLog: '安装程序日志（最后几行）：',
    fromFailure: '查看已知问题，并根据这次失败起草远程指导请求：',
    internal: '错误 INTERNAL：hicare 内部出现问题。',
    internalRemedy: '请重新运行；如果问题仍然存在，请将所运行的命令报告给厂商（设置 HICARE_DEBUG=1 可显示详细信息）。',
  },
  config: {
    head: { key: '设置项', value: '值', source: '来源' },
    notSet: '（未设置）',
    source:
      '{source, select, flag {参数 {from}} env {环境变量 {from}} setting {设置} default {默认值} other {{source}}}',
    saved: '{key} 已设置为 {value}。',
    removed: '{key} 已取消设置。',
  },
  confirm: {
    prompt: '{question} [y/N] ',
  },
  trust: {
    fingerprint: '  指纹（SHA-256）：{fingerprint}',
    version: '  信任根版本 {version}，到期时间 {expiresAt}',
    compare: '请将指纹与门户运营方提供给您的指纹进行核对。',
    question: '将此信任根作为该门户的信任根？',
    trusting: '已信任 {file}',
  },
  login: {
    password: '{email} 的密码：',
    signedIn:
      '已登录 {portal}，身份为 {name}（{email}，{role, select, customer_admin {客户管理员} it_staff {IT 人员} engineer {工程师} portal_admin {门户管理员} other {{role}}}），有效期至 {expiresAt}。',
    signedOut: '已退出登录。',
  },
  contracts: {
    none: '您没有合同。',
    active: '{id}  {tier}  有效（剩余 {days} 天）',
    expiring: '{id}  {tier}  即将到期（剩余 {days} 天）',
    pending: '{id}  {tier}  未生效（{days} 天后开始）',
    expired: '{id}  {tier}  已到期',
    servicePeriod: '  服务期 {start} – {end}（{zone}），{region}',
    licensed: '  授权版本：{phrases}',
    licensedSeparator: '；',
  },
  systems: {
    serial: '序列号',
    product: '产品',
    installed: '已安装版本',
    source: '来源',
    platform: '平台',
    location: '位置',
    unknownVersion: '（未知）',
    notInCatalog: '{version}（不在目录中）',
    sourceOf:
      '{source, select, detected {检测到} entered {手动录入} installed {安装后记录} portal {门户} other {{source}}}',
    remote: '远程',
    entered: '{serial}：{product} {version}（已录入）',
    enteredNotInCatalog: '{serial}：{product} {version}（已录入，不在目录中）',
  },
  check: {
    versionUnknown: '（版本未知）',
    enterVersion: '请录入已安装的版本：hicare systems set-version {serial} VERSION',
    upToDate: '已是最新版本。',
    withdrawnNotice: '！本系统已于 {downloadedAt} 下载，厂商已于 {withdrawnAt} 撤回：请勿安装。',
    nothingNewerNotInCatalog: '目录中没有更新的版本（已安装的版本不在目录中）。',
    update: '更新',
    upgrade: '升级',
    installsOnlyOver: '只能安装在 {range} 之上：hicare upgrade --serial {serial} --to {version}',
    pathTo: '升级到 {version} 的路径：{path}',
  },
  download: {
    eta: '剩余 {seconds} 秒',
    verified: '{file}  {length} 字节  sha256 {sha256}  已校验',
    verifiedFromCache: '{file}  {length} 字节  sha256 {sha256}  已校验（来自缓存）',
  },
  verify: {
    signed: '{file} 是 {target}：适用于 {platform} 的 {product} {version}，已签名。',
  },
  install: {
    installed: '已在 {serial} 上安装：{from} → {to}，用时 {seconds} 秒。',
    noneBefore: '（无）',
  },
  log: {
    intact: '操作日志完好：共 {count} 条记录，哈希链已校验。',
  },
  upgrade: {
    pathFor: '{serial} 的升级路径：{path}',
    hop: '  {step}. {product} {version}  {kind, select, update {更新} upgrade {升级} other {{kind}}}，包含在您的合同中',
    hopOver:
      '  {step}. {product} {version}  {kind, select, update {更新} upgrade {升级} other {{kind}}}，包含在您的合同中，可安装在 {range} 之上',
    question: '{count, plural, other {在 {serial} 上安装这 # 个版本？}}',
    step: '第 {step} 步，共 {count} 步：正在安装 {product} {version}',
    hopDone: '{version} 已安装：检测到版本 {detected}。',
    upgraded: '已升级 {serial}：{path}。',
    stoppedNothingDone: '升级路径在 {version} 处停止（第 {step} 步，共 {count} 步）；{serial} 仍运行 {from}。',
    stoppedSomeDone:
      '升级路径在 {version} 处停止（第 {step} 步，共 {count} 步）；{doneCount, plural, other {已安装 {done}}}。',
    stoppedBecause: '{stopped}{problem}',
  },
  support: {
    wouldHold: '支持包将包含 {count} 个文件：',
    file: '  {name}  {bytes} 字节',
    fileHeader: '===== {name}（{bytes} 字节，已脱敏）=====',
    nothingWritten: '未写入任何内容。去掉 --preview 再运行即可写入。',
    written:
      '支持包已写入 {path}（{bytes} 字节）。\n机密信息已删除；`hicare support-bundle --preview` 可显示其内容。请将其发送给厂商的技术支持。',
  },
  request: {
    state: `{state, select,
      submitted {已提交}
      accepted {已受理}
      in_progress {处理中}
      awaiting_customer {等待客户答复}
      solution_proposed {已提出解决方案}
      confirmed {已确认}
      closed {已关闭}
      cancelled {已取消}
      other {{state}}}`,
    line: '{number}  {state}  {priority}  {serial}（{product}）  {sla}',
    awaitingAcceptance: '等待 TAC 受理',
    firstContactDue: '首次联系期限 {dueAt}',
    response: '响应{state, select, met {已达标} breached {已超时} other {{state}}}',
    none: '没有请求。',
    sendQuestion: '将此请求发送给技术支持中心？',
    sent: '已发送：{request}',
    queued:
      '已保存在本机待发送：{reason}\n门户恢复响应后，下一次 `hicare request flush`（或任何 request 命令）会将其发送。',
    knownIssues: '与这次失败匹配的已知问题——其中之一也许无需提交请求即可解决：',
    knownIssue: '  • {title}（{id}）',
    draftFor: '{serial}（位于 {location}）的请求草稿',
    draftPriority: '  优先级 {priority}：{definition}',
    draftAttached: '  安装程序日志：{lines} 行；操作记录：{records} 条；系统信息',
    nothingSecret: '  脱敏：未发现机密信息。',
    redactionRemoved: '  脱敏删除了 {count} 项机密信息：',
    redactedAt: '    - {path} 中的 {kind}：{masked}',
    redactedAtLine: '    - {path} 第 {line} 行中的 {kind}：{masked}',
    descriptionRedacted: '脱敏从描述中删除了 {count} 项机密信息：',
    descriptionRedaction: '  - 第 {line} 行中的 {kind}：{masked}',
    notSent: '未发送：{serial}“{summary}”（{key}）',
    flushed: '已发送 {sent} 个，仍在等待 {waiting} 个，被拒绝 {refused} 个。',
    discarded: '已从本机丢弃该请求；未发送任何内容。',
    messageSent: '消息已于 {sentAt} 发送。',
    grant: '授权 {id}：{channel} {account}@{address}，{scope}，有效期至 {expiresAt}',
    grantPassword: '  密码：{password}',
    grantPasswordOnce: '  请立即在该账户上设置此密码；密码只显示这一次。',
    revoked: '授权 {id} 已于 {revokedAt} 撤销。请同时在系统上删除该账户的访问权限。',
    surveyThanks: '谢谢：已记录您的评分。',
  },
  kb: {
    head: { id: '编号', kind: '类型', title: '标题', snippet: '摘要' },
    kind: '{kind, select, document {产品文档} configuration_guide {配置指南} maintenance_case {维护案例} known_issue {已知问题} other {文章}}',
    community: '社区回答',
    none: '知识库中没有匹配的内容。',
    total: '显示 {shown} 条，共 {total} 条。阅读文章：hicare kb show ID',
    articleLine: '{id} · {kind} · {product} {versions} · 更新于 {updatedAt} · 第 {revision} 版',
    allProducts: '所有产品',
    allVersions: '（所有版本）',
    related: '相关文章：',
  },
};
