/** 离线验证离线包并从中安装。 */
import type { Messages } from '../../../messages.js';

export const bundleTrustWords = {
  offline: {
    verifiedAsOf: '已于离线状态下验证，以 {issuedDate} 为准',
    validUntil: '有效期至 {validUntilAt}',
    contract: '合同：{contract}',
    serials: '{count, plural, other {系统}}：{serials}',
    catalog: '签名目录：根第 {root} 版，软件包清单第 {targets} 版',
    packages: '共 {count} 个软件包：',
    package: '  {file}  {product} {version}（{platform}），{size}',
    installing: '正在从离线包向 {serial} 安装 {product} {version}（第 {step} 个，共 {count} 个）…',
  },
} satisfies Messages;
