/** Portal accounts: creation, password hashing, sign-in with rate limiting, sessions and API keys. */
export { createAccount, type NewAccount } from './create-account.js';
export {
  hashPassword,
  verifyPassword,
  needsRehash,
  assertPasswordPolicy,
  SCRYPT_COST,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './password.js';
export {
  signIn,
  authenticate,
  revokeToken,
  SESSION_LIFETIME_MS,
  LAST_USED_RESOLUTION_MS,
  type Principal,
  type SignInOptions,
} from './sessions.js';
export { createApiKey, listApiKeys, type CreatedApiKey } from './api-keys.js';
export {
  LOGIN_LIMITS,
  reserveLoginAttempt,
  loginSucceeded,
  type LoginLimits,
  type LoginReservation,
} from './rate-limit.js';
export { API_KEY_PREFIX, tokenHash } from './secrets.js';
export { mailLocale } from './mail-locale.js';
