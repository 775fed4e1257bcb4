/** The portal's storage: open, migrate, and one repository per aggregate. */
export { openDatabase, dialectOf, SQLITE_FILE_NAME, type DatabaseOptions, type DialectName } from './connection.js';
export { migrateToLatest, MIGRATIONS } from './migrate.js';
export type { Database, IsoInstant, TokenKind } from './schema.js';
export { TOKEN_KINDS } from './schema.js';
export * as customers from './customers.js';
export * as accounts from './accounts.js';
export * as tokens from './tokens.js';
export * as loginAttempts from './login-attempts.js';
export * as contracts from './contracts.js';
export * as installedVersions from './installed-versions.js';
export * as downloads from './downloads.js';
export * as lifecycles from './lifecycles.js';
export * as articles from './articles.js';
