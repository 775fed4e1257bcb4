/** 离线包格式的拒绝：在判断是否可信之前，文件或镜像所携带的内容。 */
import type { ErrorMessages } from '../../../error-messages.js';

const COPY_AGAIN = '请从制作离线包的地方重新复制，或用 hicare bundle create 重新制作。';
const MAKE_NEW = '请不要使用这个离线包，用 hicare bundle create 重新制作一个。';

export const bundleArchiveErrors = {
  BUNDLE_INVALID: {
    message: '这不是一个完整的 Hi-Care 离线包。',
    remedy: COPY_AGAIN,
    manifestMissing: {
      message: '这个文件不是 Hi-Care 离线包：它的开头没有离线包清单。',
      remedy: '请选择 hicare bundle create 生成的 .tar 文件，而不是安装包或其他压缩文件。',
    },
    manifestUnreadable: {
      message: '无法读取离线包的清单。',
      remedy: COPY_AGAIN,
    },
    newerFormat: {
      message: '这个离线包使用格式 {version}，当前版本的 Hi-Care 无法读取。',
      remedy: '请更新这台电脑上的 Hi-Care，或用相同版本的 Hi-Care 制作离线包。',
    },
    memberPath: {
      message: '离线包中有一个名称不安全的文件：{name}。',
      remedy: MAKE_NEW,
    },
    nonRegular: {
      message: '离线包中的 {name} 是链接或特殊文件，不是普通文件。',
      remedy: MAKE_NEW,
    },
    duplicateMember: {
      message: '离线包中 {name} 出现了不止一次。',
      remedy: MAKE_NEW,
    },
    unknownMember: {
      message: '离线包中有 {name}，但清单中没有列出它。',
      remedy: MAKE_NEW,
    },
    missingMember: {
      message: '离线包缺少清单中列出的 {name}。',
      remedy: COPY_AGAIN,
    },
    memberSize: {
      message: '离线包中的 {name} 有 {actual} 字节，但清单写的是 {expected} 字节。',
      remedy: COPY_AGAIN,
    },
    memberHash: {
      message: '离线包中的 {name} 与清单不符。',
      remedy: COPY_AGAIN,
    },
    memberTooLarge: {
      message: '离线包中的 {name} 超过了该位置允许的 {limitMiB} MiB。',
      remedy: MAKE_NEW,
    },
    noPackages: {
      message: '离线包中没有任何安装包。',
      remedy: '请制作至少包含一个版本的离线包。',
    },
    packageAbsent: {
      message: '离线包中没有安装包 {name}。',
      remedy: '请制作包含这个版本的离线包。',
    },
    truncated: {
      message: '离线包提前结束了：它在复制或下载时被截断。',
      remedy: COPY_AGAIN,
    },
    trailingData: {
      message: '离线包的结尾之后还有多余的数据。',
      remedy: COPY_AGAIN,
    },
    damagedHeader: {
      message: '离线包已损坏：有一个条目的头部无法读取。',
      remedy: COPY_AGAIN,
    },
    sourceChanged: {
      message: '已下载的安装包 {name} 在校验之后发生了变化，因此没有放入离线包。',
      remedy: '请重新运行该命令，安装包会被重新下载并校验。',
    },
    mirrorIndex: {
      message: '{url} 上的站点镜像的响应不像 Hi-Care 镜像。',
      remedy: '请检查地址；运行镜像的机器上，hicare mirror serve 会显示这个地址。',
    },
    mirrorAnswer: {
      message: '{url} 上的站点镜像对 {name} 返回了 {status}。',
      remedy: '请确认镜像仍在提供这个离线包，或将离线包文件复制到这台电脑上。',
    },
  },
  INVALID_INPUT: {
    bundleSerialMissing: {
      message: '请用 --serial 指定至少一台系统。',
      remedy: '在 --serial 后填写合同中的序列号；多台系统可重复使用该选项。',
    },
    bundleSelection: {
      message: '请用 --release、--updates 或 --path-to 中的一个（且只能一个）指定放入离线包的版本。',
      remedy:
        '用 --release 名称（可重复）指定安装包，用 --updates 放入每台系统应安装的版本，或用 --path-to 版本 放入升级到该版本的每一步。',
    },
    bundleOutMissing: {
      message: '请用 --out 文件 指定离线包的保存位置。',
      remedy: '在 --out 后填写文件名，例如 --out site-a.hicare.tar。',
    },
    bundleValidDays: {
      message: '--valid-days 必须是 1 到 {max} 之间的整数天数；“{value}”不符合。',
      remedy: '请填写天数，例如 90。',
    },
    bundleNothingAvailable: {
      message: '{serials} 没有可安装的版本，因此没有生成离线包。',
      remedy: '运行 hicare check 查看每台系统可以安装什么，或用 --release 指定版本。',
    },
    bundleReleaseNotForSystems: {
      message: '{name} 不适用于所指定系统（{serials}）的任何产品。',
      remedy: '请指定这些系统自身产品的版本，或用 --serial 加上适用的系统。',
    },
    bundleFolderExists: {
      message: '文件夹 {path} 已存在且不为空。',
      remedy: '请选择一个新的文件夹来导出离线包。',
    },
    mirrorNoBundles: {
      message: '请至少指定一个由镜像提供的离线包文件。',
      remedy: '运行 hicare mirror serve 离线包... --port 端口。',
    },
    mirrorPort: {
      message: '--port 必须是 0 到 65535 之间的端口号；“{value}”不符合。',
      remedy: '请填写端口，例如 8080。',
    },
  },
  TRUST_METADATA_INVALID: {
    bundleMetadata: {
      message: '这台电脑上门户的签名目录不完整（{file}），因此没有生成离线包。',
      remedy: '请先运行一次 hicare check 刷新目录，然后重新制作离线包。',
    },
  },
  NOT_FOUND: {
    bundleSystem: {
      message: '您的合同中没有系统 {serial}。',
      remedy: '运行 hicare systems 查看可以制作离线包的序列号。',
    },
    mirrorPath: {
      message: '站点镜像在这个地址上没有内容。',
      remedy: '请读取 /mirror.json 了解镜像提供的内容。',
    },
  },
  METHOD_NOT_ALLOWED: {
    mirrorReadOnly: {
      message: '站点镜像只提供文件，不能通过网络修改。',
      remedy: '请使用 GET 或 HEAD。',
    },
  },
  RANGE_NOT_SATISFIABLE: {
    mirrorRange: {
      message: '请求的文件范围不在文件之内。',
      remedy: '请在文件长度之内请求范围。',
    },
  },
} satisfies ErrorMessages;
