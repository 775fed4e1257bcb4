/**
 * What is said and handed over on a request: messages between customer and engineer, and the records of attached
 * files (their bytes are kept by the attachment store). Both are only ever added, in the request's activity order.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Attachment, AttachmentType, Message } from '../../shared/contracts/requests.js';
import { nextActivitySeq } from './requests.js';
import type { AttachmentsTable, Database, MessagesTable } from './schema.js';
import { newId, toIso, toNumber } from './support.js';

function toMessage(row: Selectable<MessagesTable>): Message {
  return {
    id: row.id,
    requestId: row.request_id,
    authorId: row.author_id,
    authorRole: row.author_role,
    body: row.body,
    at: row.at,
  };
}

export async function addMessage(
  db: Kysely<Database>,
  input: { requestId: string; authorId: string; authorRole: Message['authorRole']; body: string },
  now: Date,
): Promise<Message> {
  const seq = await nextActivitySeq(db, input.requestId, now);
  const row = {
    id: newId(),
    request_id: input.requestId,
    seq,
    author_id: input.authorId,
    author_role: input.authorRole,
    body: input.body,
    at: toIso(now),
  };
  await db.insertInto('messages').values(row).execute();
  return toMessage(row);
}

export async function listMessages(db: Kysely<Database>, requestId: string): Promise<Message[]> {
  const rows = await db.selectFrom('messages').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map(toMessage);
}

function toAttachment(row: Selectable<AttachmentsTable>): Attachment {
  return {
    id: row.id,
    requestId: row.request_id,
    fileName: row.file_name,
    contentType: row.content_type as AttachmentType,
    size: toNumber(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploaderRole: row.uploader_role,
    at: row.at,
  };
}

export type NewAttachment = Omit<Attachment, 'at'>;

export async function addAttachment(db: Kysely<Database>, input: NewAttachment, now: Date): Promise<Attachment> {
  const seq = await nextActivitySeq(db, input.requestId, now);
  const row = {
    id: input.id,
    request_id: input.requestId,
    seq,
    file_name: input.fileName,
    content_type: input.contentType,
    size: input.size,
    sha256: input.sha256,
    uploaded_by: input.uploadedBy,
    uploader_role: input.uploaderRole,
    at: toIso(now),
  };
  await db.insertInto('attachments').values(row).execute();
  return toAttachment(row);
}

export async function listAttachments(db: Kysely<Database>, requestId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
  return rows.map(toAttachment);
}

export async function getAttachment(db: Kysely<Database>, id: string): Promise<Attachment | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toAttachment(row);
}
