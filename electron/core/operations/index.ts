/** The operation records' public surface. */
export { canonicalJson, type JsonValue } from './canonical-json.js';
export {
  GENESIS,
  OPERATION_KINDS,
  recordHash,
  verifyChain,
  type ChainHead,
  type OperationKind,
  type OperationRecord,
  type TamperReason,
  type VerifyResult,
} from './chain.js';
export {
  MAX_DATA_BYTES,
  MAX_SUMMARY_CHARS,
  OPERATION_LOG_FILE,
  OperationLog,
  type ListQuery,
} from './operation-log.js';
