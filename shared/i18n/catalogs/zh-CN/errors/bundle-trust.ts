/** 离线包证明的拒绝：到受信根的信任链、回滚、软件包与授权声明。 */
import type { ErrorMessages } from '../../../error-messages.js';

/** 回滚或过期所涉及的签名文件，用文字而不是文件名说明。 */
const WHICH = '{kind, select, timestamp {时间戳} snapshot {快照} targets {软件包清单} other {软件包清单的分片}}';

export const bundleTrustErrors = {
  BUNDLE_UNTRUSTED: {
    message: '离线包中的签名目录无法追溯到本机信任的根。',
    remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
    rootUnreadable: {
      message: '无法读取离线包中第 {version} 版的根元数据。',
      remedy: '请从制作离线包的地方重新复制；此包中的任何内容都未被安装或信任。',
    },
    rootNotChained: {
      message: '离线包中第 {version} 版的根未经本机信任的密钥签名。',
      remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
    },
    missingRoot: {
      message: '离线包缺少第 {version} 版的根，因此无法核验其后更新的根。',
      remedy: '请用 hicare bundle create 重新制作离线包（它会带上所有根）；本机未安装或信任任何内容。',
    },
    metadataMissing: {
      message: `离线包缺少签名的${WHICH}（第 {version} 版）。`,
      remedy: '请用 hicare bundle create 重新制作离线包；此包中的任何内容都未被安装或信任。',
    },
    metadataUnreadable: {
      message: `无法读取离线包中签名的${WHICH}。`,
      remedy: '请从制作离线包的地方重新复制；此包中的任何内容都未被安装或信任。',
    },
    signature: {
      message: `离线包中的${WHICH}未经本机信任的密钥签名。`,
      remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
    },
    metaMismatch: {
      message: `离线包中的${WHICH}与其签名目录所指定的不一致。`,
      remedy: '请从制作离线包的地方重新复制；此包中的任何内容都未被安装或信任。',
    },
    expiredWhenIssued: {
      message: `离线包中的${WHICH}已于 {expiresAt} 过期，早于授权声明的签发时间 {issuedAt}。`,
      remedy: '请在能访问门户的机器上重新制作离线包；此包中的任何内容都未被安装或信任。',
    },
  },
  BUNDLE_ROLLBACK: {
    message: '离线包中的签名元数据比本机已见过的更旧。',
    remedy: '请在能访问门户的机器上重新制作离线包后再带来；本机未做任何更改。',
    olderRoot: {
      message: '离线包中最新的根是第 {version} 版，比本机信任的第 {seen} 版更旧。',
      remedy: '请在能访问门户的机器上重新制作离线包后再带来；本机未做任何更改。',
    },
    olderMetadata: {
      message: `离线包中的${WHICH}是第 {version} 版，比本机已见过的第 {seen} 版更旧。`,
      remedy: '请在能访问门户的机器上重新制作离线包后再带来；本机未做任何更改。',
    },
  },
  BUNDLE_PACKAGE_MISMATCH: {
    message: '离线包中的某个软件包与其签名条目不符。',
    remedy: '请从制作离线包的地方重新复制；损坏的软件包未被安装。',
    notInMetadata: {
      message: '离线包带有 {name}，但其签名目录中没有列出它。',
      remedy: '请使用 hicare bundle create 制作的离线包；此包中的任何内容都未被安装或信任。',
    },
    entryIncomplete: {
      message: '{name} 的签名条目缺少 SHA-256 或说明信息。',
      remedy: '请将此问题报告给供应商；此离线包中的任何内容都未被安装或信任。',
    },
    bytesDiffer: {
      message: '离线包中 {name} 的内容与其签名的 SHA-256 不符。',
      remedy: '请从制作离线包的地方重新复制；损坏的软件包未被安装。',
    },
    lengthDiffers: {
      message: '离线包中的软件包 {name} 不是签名条目所写的 {length} 字节。',
      remedy: '请从制作离线包的地方重新复制；损坏的软件包未被安装。',
    },
  },
  STATEMENT_INVALID: {
    message: '离线包的授权声明不允许此操作。',
    remedy: '请在能访问门户的机器上，为该系统的序列号和合同制作离线包。',
    malformed: {
      message: '无法读取离线包的授权声明。',
      remedy: '请从制作离线包的地方重新复制；此包中的任何内容都未被安装或信任。',
    },
    unsigned: {
      message: '离线包的授权声明未经本机信任的门户密钥签名。',
      remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
    },
    issuedInFuture: {
      message: '授权声明的签发时间是 {issuedAt}，晚于本机时钟（{nowAt}）。',
      remedy: '请先把本机的日期和时间设置正确，然后重试。',
    },
    otherSerial: {
      message: '离线包的授权声明适用于 {serials}，不包括系统 {serial}。',
      remedy: '请在能访问门户的机器上为 {serial} 制作离线包。',
    },
    otherContract: {
      message: '离线包的授权声明属于合同 {statementContract}，而不是该系统所属的合同 {contract}。',
      remedy: '请在能访问门户的机器上为该系统的合同制作离线包。',
    },
    targetNotCovered: {
      message: '离线包带有 {name}，但授权声明中没有包含它。',
      remedy: '请用 hicare bundle create 重新制作离线包；此包中的任何内容都未被安装。',
    },
    targetDiffers: {
      message: '授权声明对 {name} 的描述与签名目录不一致。',
      remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
    },
  },
  STATEMENT_EXPIRED: {
    message: '离线包的授权声明已失效。',
    remedy: '请在能访问门户的机器上重新制作离线包；授权声明只在签发时指定的天数内有效。',
    validUntil: {
      message: '离线包的授权声明有效期至 {validUntilAt}，现已失效。',
      remedy: '请在能访问门户的机器上重新制作离线包；授权声明只在签发时指定的天数内有效。',
    },
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    bundleHasNone: {
      message: '离线包中没有适用于 {platform} 的 {product} 软件包，而系统 {serial} 需要它。',
      remedy: '请用 hicare bundle create --serial {serial} 为该系统制作离线包。',
    },
    bundleNothingNewer: {
      message: '离线包中没有比系统 {serial} 当前的 {version} 更新的版本。',
      remedy: '请用 hicare bundle create --serial {serial} 制作包含所需版本的离线包。',
    },
    bundleLacksTarget: {
      message: '离线包中没有 {name}。',
      remedy: '请对该文件运行 hicare bundle verify，查看其中包含哪些内容。',
    },
  },
} satisfies ErrorMessages;
