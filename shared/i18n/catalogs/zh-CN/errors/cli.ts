import type { SameShape } from '../../../messages.js';
import type { cliErrors as en } from '../../en/errors/cli.js';

const nothingDone =
  '{undone, select, trust {未信任任何内容。} send {未发送任何内容。} install {未安装任何内容。} other {未执行任何操作。}}';

export const cliErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    cliNoPortal: {
      message: '尚未配置门户。',
      remedy: '请指定 --portal URL（或设置 HICARE_PORTAL），例如 --portal http://127.0.0.1:8780。',
    },
    cliTooManyFiles: {
      message: '给出了 {count} 个文件；一个请求最多只能附带 {max} 个。',
      remedy: '请将这些文件打包成一个 zip 或 tar.gz 压缩包，再附加该压缩包。',
    },
    cliConfigUrl: {
      message: '{key} 设置必须是 http:// 或 https:// 地址，“{value}”不是。',
      remedy: '请提供完整地址，例如：hicare config set {key} https://portal.example.com',
    },
    cliConfigNotPem: {
      message: '文件 {path} 中没有 PEM 证书，不能用作 CA 证书包。',
      remedy: '请提供网络管理员给出的 PEM 文件（以 -----BEGIN CERTIFICATE----- 开头的内容）。',
    },
    cliConfigFolder: {
      message: '无法创建或写入文件夹 {path}。',
      remedy: '请选择您的账户可以写入的文件夹：hicare config set download-folder DIR',
    },
    cliFlags: {
      message: '以下值不被接受：{issues}。',
      remedy: '请更正 {flags}，然后重新运行命令。',
    },
  },
  NOT_FOUND: {
    cliConfigFile: {
      message: '找不到或无法读取文件 {path}。',
      remedy: '请检查路径（须为您的账户可以读取的文件），然后重新运行命令。',
    },
    cliSystem: {
      message: '您的合同中没有系统 {serial}。',
      remedy: '运行 `hicare systems` 查看系统列表。',
    },
    cliRequestNumber: {
      message: '在您的账户可查看的请求中，没有请求 {number}。',
      remedy: '请列出您的请求，并使用列表中的编号。',
    },
    cliAttachMissing: {
      message: '找不到文件 {path}。',
      remedy: '请检查 --attach 指定的路径（必须是您有权读取的文件），然后重新运行命令。',
    },
    cliAttachNotFile: {
      message: '{path} 不是文件。',
      remedy: '请检查 --attach 指定的路径（必须是您有权读取的文件），然后重新运行命令。',
    },
    cliAttachUnreadable: {
      message: '无法读取文件 {path}。',
      remedy: '请检查 --attach 指定的路径（必须是您有权读取的文件），然后重新运行命令。',
    },
  },
  CONFIRMATION_REQUIRED: {
    cliNoTerminal: {
      message: `${nothingDone}此操作需要您确认，但没有可用于询问的终端。`,
      remedy: '请在终端上运行，或加上 --yes：{command} --yes',
    },
    cliNotConfirmed: {
      message: `${nothingDone}您没有确认。`,
      remedy: '确定后请重新运行命令并回答 y：{command}',
    },
  },
  REQUEST_REFUSED: {
    cliKept: {
      message: '门户拒绝了本机上等待发送的 {count} 个请求；这些请求已保留。',
      remedy: '请更正后用 `hicare request create` 重新创建，再用 `hicare request discard KEY` 删除被拒绝的请求。',
    },
  },
  UNKNOWN_METHOD: {
    desktopBridge: { message: '应用中没有“{method}”这项操作。', remedy: '请更新应用。' },
  },
  KEYRING_UNAVAILABLE: {
    desktopNoKeychain: {
      message: '这台计算机没有为应用提供钥匙串，因此您的登录状态只保留到应用关闭为止。',
      remedy: '请以正常方式（而非临时用户）登录计算机账户，然后重新启动应用。',
    },
    desktopNoKeychainLinux: {
      message: '这台计算机没有为应用提供钥匙串，因此您的登录状态只保留到应用关闭为止。',
      remedy: '请安装并解锁密钥环（GNOME Keyring 或 KWallet，例如安装 gnome-keyring 软件包），然后重新启动应用。',
    },
    desktopNoKeyringRunning: {
      message: '没有正在运行的密钥环，因此您的登录状态只保留到应用关闭为止，而不会以未受保护的方式存储。',
      remedy: '请安装并解锁密钥环（GNOME Keyring 或 KWallet，例如安装 gnome-keyring 软件包），然后重新启动应用。',
    },
  },
};
