/** 门户在签发离线包授权声明时的拒绝。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleStatementErrors = {} satisfies ErrorMessages;
