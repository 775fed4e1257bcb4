/**
 * The portal's tables as Kysely sees them. Column names are snake_case in SQL; repositories map rows to the
 * camelCase shapes of shared/. Instants are ISO-8601 strings (`Date#toISOString`, always UTC and fixed width) and
 * JSON is text, so SQLite and PostgreSQL store, compare and return exactly the same values.
 */
import type { ColumnType } from 'kysely';
import type { AuditSubject } from '../../shared/contracts/admin/audit.js';
import type { MailKind } from '../../shared/domain/mail.js';
import type { Tier } from '../../shared/domain/contract.js';
import type { RequestState, Role } from '../../shared/domain/request-state.js';
import type { Priority } from '../../shared/domain/sla.js';

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
  /** A locale ('en', 'zh-CN') the account's last sign-in asked for; null until one did. */
  language: string | null;
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
  /** JSON StartBasis (shared/contracts/entitlement.ts); null on contracts recorded before it was kept. */
  start_basis: string | null;
}

export interface SystemsTable {
  contract_id: string;
  serial_number: string;
  product: string;
  location: string;
  /** Order in which the systems were listed on the contract (collations differ between dialects, integers do not). */
  position: number;
  /** When the system was retired (set on every row of its serial at once); a retired system is not covered. */
  retired_at: ColumnType<IsoInstant | null, IsoInstant | null | undefined, IsoInstant | null>;
  /** Who retired it: an account's e-mail address or `user@host` of the command line. */
  retired_by: ColumnType<string | null, string | null | undefined, string | null>;
  retired_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InstalledVersionsTable {
  serial_number: string;
  product: string;
  installed_version: string;
  platform: string | null;
  updated_at: IsoInstant;
  /** 'installed' or 'entered' when a desktop reported it; null when the vendor's admin set it. */
  how: ColumnType<
    'installed' | 'entered' | null,
    'installed' | 'entered' | null | undefined,
    'installed' | 'entered' | null
  >;
  reported_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the desktop installed or entered it: a late report of an older install does not overwrite a newer one. */
  reported_at: ColumnType<IsoInstant | null, IsoInstant | null | undefined, IsoInstant | null>;
  not_in_catalog: ColumnType<number, number | undefined, number>;
}

export interface InstalledReportsTable {
  id: string;
  customer_id: string;
  account_id: string;
  idempotency_key: string | null;
  body_hash: string;
  serial_number: string;
  product: string;
  version: string;
  how: 'installed' | 'entered';
  not_in_catalog: number;
  at: IsoInstant;
  recorded_at: IsoInstant;
}

export interface LicenceAdvancesTable {
  id: string;
  customer_id: string;
  product: string;
  major: number;
  version: string;
  serial_number: string;
  contract_id: string;
  report_id: string;
  at: IsoInstant;
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
  /** A sign-in counter (see accounts/rate-limit.ts): `pair:`, `account:`, `address:`, or `known:` for a right password. */
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

/** An article's state and the newest revision's searchable fields; the content is in its revisions. */
export interface ArticlesTable {
  id: string;
  kind: string;
  product: string | null;
  locale: string;
  title: string;
  versions: string | null;
  /** draft | published | withdrawn */
  state: string;
  /** The newest revision. */
  revision: number;
  /** The revision readers see; null until the article is first published. */
  published_revision: number | null;
  withdrawn_at: IsoInstant | null;
  withdrawn_reason: string | null;
  withdrawn_by: string | null;
  updated_at: IsoInstant;
  updated_by: string;
}

/** Every saved revision of an article, kept so any of them can be read or published again. */
export interface ArticleRevisionsTable {
  article_id: string;
  revision: number;
  /** The KnowledgeArticle as JSON. */
  document: string;
  saved_at: IsoInstant;
  saved_by: string;
  note: string | null;
}

export interface RequestNumbersTable {
  year: number;
  last: number;
}

export interface RequestsTable {
  id: string;
  /** `TAC-<year>-<6 digits>`, numbered per year of submission. */
  number: string;
  customer_id: string;
  /** The contract in service when the request was opened: its time zone, holidays and response table drive the SLA. */
  contract_id: string;
  created_by: string;
  idempotency_key: string | null;
  body_hash: string;
  serial_number: string;
  product: string;
  location: string;
  fault_description: string;
  priority: Priority;
  /** JSON array of strings. */
  alarms: string;
  performance_measurements: string | null;
  /** JSON array of operation records. */
  operation_records: string;
  /** JSON InstallFailure. */
  install_failure: string | null;
  state: RequestState;
  assigned_engineer_id: string | null;
  accepted_by: string | null;
  submitted_at: IsoInstant;
  accepted_at: IsoInstant | null;
  first_contact_at: IsoInstant | null;
  confirmed_at: IsoInstant | null;
  ended_at: IsoInstant | null;
  updated_at: IsoInstant;
  activity_seq: ColumnType<number, number | undefined, number>;
}

export interface MessagesTable {
  id: string;
  request_id: string;
  seq: number;
  author_id: string;
  author_role: 'customer-admin' | 'engineer' | 'portal-admin' | 'system';
  body: string;
  at: IsoInstant;
}

export interface AttachmentsTable {
  id: string;
  request_id: string;
  seq: number;
  file_name: string;
  content_type: string;
  size: ColumnType<number | string, number, number>;
  sha256: string;
  uploaded_by: string;
  uploader_role: 'customer-admin' | 'engineer';
  at: IsoInstant;
}

export interface GrantsTable {
  id: string;
  request_id: string;
  seq: number;
  channel: 'ssh' | 'rdp' | 'vpn' | 'web' | 'other';
  address: string;
  account: string;
  password_cipher: string;
  scope: 'view' | 'diagnose' | 'repair';
  created_by: string;
  created_at: IsoInstant;
  expires_at: IsoInstant;
  revoked_at: IsoInstant | null;
  revoked_by: string | null;
}

export type GrantReadOutcome = 'read' | 'not-assigned' | 'expired' | 'revoked';

export interface GrantReadsTable {
  id: string;
  grant_id: string;
  account_id: string;
  at: IsoInstant;
  outcome: GrantReadOutcome;
}

export type SolutionOutcome = 'pending' | 'confirmed' | 'rejected';

export interface RequestSolutionsTable {
  id: string;
  request_id: string;
  round: number;
  text: string;
  attachment_id: string | null;
  proposed_by: string;
  proposed_at: IsoInstant;
  outcome: SolutionOutcome;
  rejection_reason: string | null;
  decided_by: string | null;
  decided_at: IsoInstant | null;
}

export const PUBLISH_JOB_KINDS = ['release', 'lifecycle', 'statement'] as const;
export type PublishJobKind = (typeof PUBLISH_JOB_KINDS)[number];
export type PublishJobState = 'pending' | 'running' | 'done' | 'failed';

export interface PublishJobsTable {
  id: string;
  kind: PublishJobKind;
  /** JSON. */
  input: string;
  state: PublishJobState;
  /** JSON: the outcome when done, the coded error body when failed; null before. */
  result: string | null;
  created_at: IsoInstant;
  /** `user@host` of whoever asked for it. */
  created_by: string;
  started_at: IsoInstant | null;
  finished_at: IsoInstant | null;
  attempts: ColumnType<number, number | undefined, number>;
}

export interface SignerStatusTable {
  /** Always 1. */
  id: number;
  /** `host pid` of the leading signer. */
  holder: string;
  started_at: IsoInstant;
  beat_at: IsoInstant;
}

export interface SurveysTable {
  request_id: string;
  customer_id: string;
  account_id: string;
  rating: number;
  comment: string;
  at: IsoInstant;
}

/** Signed TUF metadata, when instances share the database (portal/tuf/metadata-store.ts). */
export interface TufMetadataTable {
  name: string;
  bytes: Buffer;
  sha256: string;
  updated_at: string;
}

export interface RequestEventsTable {
  /** The event's SSE id: assigned by the database, increasing. PostgreSQL returns its bigint as a string. */
  id: ColumnType<number | string, never, never>;
  customer_id: string;
  /** The RequestEvent as JSON. */
  event: string;
  created_at: IsoInstant;
}

export interface AdminAuditTable {
  id: string;
  at: IsoInstant;
  /** Null for a change made with `hicare-portal` on the portal's machine. */
  actor_id: string | null;
  actor: string;
  action: string;
  subject: AuditSubject;
  subject_id: string;
  /** JSON object: the fields the change set. */
  changes: string;
}

export type MailState = 'queued' | 'sending' | 'sent' | 'failed';

/** One e-mail, from the change that caused it until SMTP accepted it (see portal/mail/outbox.ts). */
export interface MailOutboxTable {
  id: string;
  kind: MailKind;
  dedupe_key: string;
  account_id: string;
  recipient: string;
  locale: string;
  /** JSON: the kind's values. */
  params: string;
  state: MailState;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: IsoInstant;
  lease_holder: string | null;
  lease_until: IsoInstant | null;
  /** The last failure in plain words, for the operator. */
  last_error: string | null;
  message_id: string | null;
  created_at: IsoInstant;
  sent_at: IsoInstant | null;
}

export interface MailTokensTable {
  token_hash: string;
  purpose: 'survey' | 'unsubscribe';
  outbox_id: string;
  account_id: string;
  kind: MailKind;
  request_id: string | null;
  locale: string;
  created_at: IsoInstant;
  expires_at: IsoInstant | null;
  used_at: IsoInstant | null;
}

/** A row is an opt-out: the account does not want this kind. */
export interface MailPreferencesTable {
  account_id: string;
  kind: MailKind;
  updated_at: IsoInstant;
}

/** A release the vendor withdrew (portal/db/withdrawals.ts). */
export interface ReleaseWithdrawalsTable {
  product: string;
  version: string;
  withdrawn_at: IsoInstant;
  reason: string;
  withdrawn_by: string;
}

export interface RegionsTable {
  id: string;
  name: string;
  /** JSON: a partial P1–P4 response table. */
  response_times: string;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface RegionCalendarsTable {
  region_id: string;
  /** PostgreSQL and SQLite both answer integers as numbers here. */
  year: number;
  time_zone: string;
  opens_at: string;
  closes_at: string;
  /** JSON arrays: weekday numbers (0 = Sunday), holiday dates, weekend dates worked. */
  workdays: string;
  holidays: string;
  working_weekends: string;
}

export interface KbGenerationTable {
  id: number;
  generation: number;
}

/** A customer's question to the community (migration 0019). */
export interface CommunityQuestionsTable {
  id: string;
  customer_id: string;
  account_id: string;
  idempotency_key: string | null;
  body_hash: string;
  title: string;
  body: string;
  product: string;
  version: string | null;
  /** 0 or 1: whether other customers see the company's name. */
  show_company: number;
  created_at: IsoInstant;
  hidden_at: IsoInstant | null;
  hidden_reason: string | null;
  hidden_by: string | null;
}

export interface CommunityAnswersTable {
  id: string;
  question_id: string;
  account_id: string;
  /** Null for the vendor's staff. */
  customer_id: string | null;
  idempotency_key: string | null;
  body_hash: string;
  body: string;
  show_company: number;
  created_at: IsoInstant;
  verified_at: IsoInstant | null;
  verified_by: string | null;
  accepted_at: IsoInstant | null;
  hidden_at: IsoInstant | null;
  hidden_reason: string | null;
  hidden_by: string | null;
}

export interface Database {
  customers: CustomersTable;
  accounts: AccountsTable;
  tokens: TokensTable;
  contracts: ContractsTable;
  systems: SystemsTable;
  installed_versions: InstalledVersionsTable;
  installed_reports: InstalledReportsTable;
  licence_advances: LicenceAdvancesTable;
  downloads: DownloadsTable;
  login_attempts: LoginAttemptsTable;
  lifecycles: LifecyclesTable;
  articles: ArticlesTable;
  article_revisions: ArticleRevisionsTable;
  request_numbers: RequestNumbersTable;
  requests: RequestsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  grants: GrantsTable;
  grant_reads: GrantReadsTable;
  surveys: SurveysTable;
  request_solutions: RequestSolutionsTable;
  tuf_metadata: TufMetadataTable;
  publish_jobs: PublishJobsTable;
  signer_status: SignerStatusTable;
  request_events: RequestEventsTable;
  admin_audit: AdminAuditTable;
  mail_outbox: MailOutboxTable;
  mail_tokens: MailTokensTable;
  mail_preferences: MailPreferencesTable;
  release_withdrawals: ReleaseWithdrawalsTable;
  regions: RegionsTable;
  region_calendars: RegionCalendarsTable;
  kb_generation: KbGenerationTable;
  community_questions: CommunityQuestionsTable;
  community_answers: CommunityAnswersTable;
}
