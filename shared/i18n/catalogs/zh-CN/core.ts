import type { SameShape } from '../../messages.js';
import type { core as en } from '../en/core.js';

export const core: SameShape<typeof en> = {
  upgradePath: {
    blocked: '升级路径 {path} 需经过 {release}，而您的合同不允许安装该版本：{reason}',
    blockedRemedy: '未下载或安装任何内容。{remedy}',
    stopped:
      '升级路径在 {version} 处停止（第 {step} 步，共 {steps} 步）；{installedCount, plural, =0 {{serialNumber} 仍在运行 {fromVersion}} other {已安装 {installed}}}。',
  },
  requests: {
    queued: '无法连接门户；服务请求已保存在本机，可以连接时会自动发送。',
  },
  draft: {
    memory: '可用 {free} MB，共 {total} MB',
    disk: '安装目录所在磁盘可用 {free} MB',
    installFailed:
      '在系统 {serialNumber} 上安装 {product} {toVersion}（{installedBefore, select, none {此前未安装任何版本} other {原版本 {fromVersion}}}）失败：{outcome, select, exit {安装程序以退出码 {exitCode} 退出} signal {安装程序被信号 {signal} 终止} other {安装未完成}}。',
    cause: '安装程序报告的原因：{cause}',
    package: '安装包 {targetName}（SHA-256 {sha256}，{length} 字节，{installerType} 安装程序）。',
  },
};
