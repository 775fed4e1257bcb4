/**
 * The portal's tables as Kysely sees them. Column names are snake_case in SQL; repositories map rows to the
 * camelCase shapes of shared/. Instants are ISO-8601 strings (`Date#toISOString`, always UTC and fixed width) and
 * JSON is text, so SQLite and PostgreSQL store, compare and return exactly the same values.
 */
import type { ColumnType } from 'kysely';
import type { Tier } from '../../shared/domain/contract.js';
import type { Role } from '../../shared/domain/request-state.js';

/** An ISO-8601 UTC instant such as 2026-01-31T09:00:00.000Z; text order is time order. */
export type IsoInstant = string;

export const TOKEN_KINDS = ['session', 'api-key'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface CustomersTable {
  id: string;
  name: string;
}

export interface AccountsTable {
  id: string;
  /** Lower-cased, so that sign-in and uniqueness do not depend on how the address was typed. */
  email: string;
  name: string;
  role: Role;
  customer_id: string | null;
  /** `scrypt$N$r$p$salt$hash`; never the password. */
  password_hash: string;
  created_at: IsoInstant;
  disabled_at: IsoInstant | null;
}

export interface TokensTable {
  id: string;
  account_id: string;
  /** SHA-256 (hex) of the bearer token: a stolen database yields no usable token. */
  token_hash: string;
  kind: TokenKind;
  label: string | null;
  created_at: IsoInstant;
  /** Null only for API keys created without an expiry. */
  expires_at: IsoInstant | null;
  revoked_at: IsoInstant | null;
  last_used_at: IsoInstant | null;
}

export interface ContractsTable {
  id: string;
  customer_id: string;
  tier: Tier;
  region: string;
  time_zone: string;
  start_date: string;
  end_date: string;
  /** JSON object: product → licensed major. */
  licensed_majors: string;
  /** JSON object: region → priority → response target. */
  response_times: string | null;
  /** JSON array of calendar dates. */
  holidays: string | null;
}

export interface SystemsTable {
  contract_id: string;
  serial_number: string;
  product: string;
  location: string;
  /** Order in which the systems were listed on the contract (collations differ between dialects, integers do not). */
  position: number;
}

export interface InstalledVersionsTable {
  serial_number: string;
  product: string;
  installed_version: string;
  platform: string | null;
  updated_at: IsoInstant;
}

export interface DownloadsTable {
  id: string;
  account_id: string;
  serial_number: string;
  product: string;
  version: string;
  target_name: string;
  /** PostgreSQL returns bigint as a string; repositories convert. */
  bytes: ColumnType<number | string, number, number>;
  at: IsoInstant;
}

export interface LoginAttemptsTable {
  /** Lets a sign-in take back exactly the rows it added, even when two attempts share a key and an instant. */
  id: string;
  /** `email:<address>` or `address:<remote address>`. */
  key: string;
  at: IsoInstant;
}

export interface LifecyclesTable {
  product: string;
  major: number;
  ga: string;
  end_of_maintenance: string | null;
  end_of_service: string | null;
}

export interface ArticlesTable {
  id: string;
  kind: string;
  product: string | null;
  /** The KnowledgeArticle as JSON. */
  document: string;
  updated_at: IsoInstant;
}

export interface Database {
  customers: CustomersTable;
  accounts: AccountsTable;
  tokens: TokensTable;
  contracts: ContractsTable;
  systems: SystemsTable;
  installed_versions: InstalledVersionsTable;
  downloads: DownloadsTable;
  login_attempts: LoginAttemptsTable;
  lifecycles: LifecyclesTable;
  articles: ArticlesTable;
}
