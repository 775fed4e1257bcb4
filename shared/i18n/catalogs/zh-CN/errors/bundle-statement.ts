/** 门户在签发离线包授权声明时的拒绝。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleStatementErrors = {
  INVALID_INPUT: {
    statementContracts: {
      message: '这些系统属于不同的合同（{contracts}）；一个离线包只能对应一份合同。',
      remedy: '请为每份合同的系统分别制作离线包。',
    },
    statementTargetForNone: {
      message: '软件包 {target} 不适用于所列的任何系统。',
      remedy: '请用 --serial 指定该软件包适用的系统，或不要包含该软件包。',
    },
    statementSerialUnused: {
      message: '没有任何软件包适用于 {serials}。',
      remedy: '请为该系统加入软件包，或从离线包中去掉它的序列号。',
    },
  },
  TUF_REPOSITORY_BUSY: {
    statementSigner: {
      message: '门户的签名服务未能在 {seconds} 秒内签发授权声明。',
      remedy: '请一分钟后重试；如果问题持续，请询问供应商门户的签名服务是否在运行。',
    },
  },
} satisfies ErrorMessages;
