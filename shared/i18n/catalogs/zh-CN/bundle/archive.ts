/** 离线包文件与站点镜像：制作、读取与提供。 */
import type { Messages } from '../../../messages.js';

export const bundleArchiveWords = {
  create: {
    wrote: '已写入 {file}（{size}）。',
    systems: '系统：{serials}',
    packages: '安装包：',
    package: '  {file}  {size}  （{name}）',
    valid: '授权声明签发于 {issuedAt}，有效期至 {validUntil}。',
  },
  mirror: {
    serving: '正在 {url} 提供 {count} 个离线包',
    bundle:
      '  {index}：{file}，由 {portal} 于 {createdAt} 制作；系统 {serials}；{count} 个安装包；有效期至 {validUntil}',
    current: '各台电脑将 {url} 用作门户；它提供最新的离线包（{index}）。',
    stop: '按 Ctrl+C 停止。',
  },
} satisfies Messages;
