/** 离线包证明的拒绝：到受信根的信任链、回滚、软件包与授权声明。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleTrustErrors = {
  BUNDLE_UNTRUSTED: {
    message: '离线包中的签名目录无法追溯到本机信任的根。',
    remedy: '请使用由供应商门户制作的离线包；此包中的任何内容都未被安装或信任。',
  },
  BUNDLE_ROLLBACK: {
    message: '离线包中的签名元数据比本机已见过的更旧。',
    remedy: '请在能访问门户的机器上重新制作离线包后再带来；本机未做任何更改。',
  },
  BUNDLE_PACKAGE_MISMATCH: {
    message: '离线包中的某个软件包与其签名条目不符。',
    remedy: '请从制作离线包的地方重新复制；损坏的软件包未被安装。',
  },
  STATEMENT_INVALID: {
    message: '离线包的授权声明不允许此操作。',
    remedy: '请在能访问门户的机器上，为该系统的序列号和合同制作离线包。',
  },
  STATEMENT_EXPIRED: {
    message: '离线包的授权声明已失效。',
    remedy: '请在能访问门户的机器上重新制作离线包；授权声明只在签发时指定的天数内有效。',
  },
} satisfies ErrorMessages;
