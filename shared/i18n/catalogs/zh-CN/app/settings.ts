import type { SameShape } from '../../../messages.js';
import type { settings as en } from '../../en/app/settings.js';

export const settings: SameShape<typeof en> = {
  heading: '设置',
  reading: '正在读取设置…',
  groups: {
    portal: '门户与网络',
    folders: '文件夹',
    trust: '信任',
    updates: '更新',
    desktop: '桌面',
    language: '语言',
  },
  fields: {
    portalUrl: {
      label: '门户地址',
      hint: '本应用登录的厂商门户。',
    },
    proxyUrl: {
      label: '代理',
      hint: '留空：使用环境变量 HTTPS_PROXY / NO_PROXY，或直接连接。',
    },
    caBundlePath: {
      label: '附加 CA 证书包（PEM 文件）',
      hint: '用于证书由贵公司签发的代理或门户。',
    },
    downloadDirectory: {
      label: '下载文件夹',
      placeholder: '默认：应用数据文件夹内',
      hint: '已校验的安装包保存在此处。',
    },
    installRoot: {
      label: '安装文件夹',
      placeholder: '默认：应用数据文件夹内',
      hint: '本机上各系统的产品安装在此文件夹下，每个系统一个子文件夹。',
    },
    trustRootPath: {
      label: '信任根（root.json）',
      placeholder: '留空：使用随应用提供的厂商信任根',
      hint: '仅用于厂商向您提供了信任根的门户（测试或演示门户）。',
    },
  },
  checkEveryHours: '检查更新的间隔（小时）',
  includePreviews: '显示预览版',
  startAtLogin: '登录计算机时启动本应用',
  startAtLoginHint: '适用于 Windows 和 macOS 上的桌面版：登录时自动打开，并在后台检查更新。',
  language: '应用语言',
  languageHint: '菜单、消息和日期会立即切换；应用向门户请求的内容也随之切换。',
  save: '保存设置',
  saved: '已保存。',
  supportBundle: {
    heading: '支持包',
    intro:
      '一个提供给厂商技术支持的文件：包含应用日志、操作记录、失败的安装、设置以及本应用的版本。令牌、密码、密钥和电子邮箱地址中的姓名会先被移除；预览可查看其中的全部内容。',
    preview: '预览',
    previewing: '正在准备预览…',
    export: '导出支持包',
    exporting: '正在导出…',
    written: '已写入 {path}（{size}）。',
    fileSize: '（{size}）',
    truncated: '… 支持包中包含完整的 {size}',
  },
  shortcuts: {
    heading: '键盘快捷键',
    action: '操作',
    keys: '按键',
    names: {
      go: {
        overview: '概览',
        systems: '系统与更新',
        downloads: '下载',
        requests: '服务请求',
        workspace: '工程师工作台',
        settings: '设置',
      },
      updates: { check: '检查更新' },
      requests: { new: '新建服务请求' },
    },
  },
};
