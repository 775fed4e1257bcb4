/**
 * Files on a request: at most ATTACHMENT_MAX_BYTES (413 ATTACHMENT_TOO_LARGE past it), of the types the portal takes,
 * and only when the bytes are what the declared type says (415 ATTACHMENT_TYPE_REFUSED otherwise — an executable
 * labelled image/png is refused). The bytes go to the attachment store, the record to the database.
 */
import { createHash } from 'node:crypto';
import type { Account } from '../../shared/contracts/accounts.js';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentFileNameSchema,
  type Attachment,
  type AttachmentUpload,
} from '../../shared/contracts/requests.js';
import { attachmentTooLarge, checkDeclaredType } from '../../shared/domain/attachment-type.js';
import { HicareError } from '../../shared/errors.js';
import { addAttachment, getAttachment } from '../db/request-activity.js';
import { getRequestRecord } from '../db/requests.js';
import { checkInput, newId } from '../db/support.js';
import { canSee, visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { assertMayConverse, engineerAtWork } from './messages.js';
import { publishRequestChanged } from './notify.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes, refusing oversize content before decoding it. */
function decode(dataBase64: string): Buffer {
  if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
    throw new HicareError('INVALID_INPUT.requestAttachmentBase64');
  }
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  const size = (dataBase64.length / 4) * 3 - padding;
  if (size > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(size);
  return Buffer.from(dataBase64, 'base64');
}

export async function uploadAttachment(
  ctx: RequestContext,
  caller: Account,
  id: string,
  upload: AttachmentUpload,
): Promise<Attachment> {
  let record = await visibleRequest(ctx, caller, id);
  assertMayConverse(record, caller, 'attach');

  checkInput(AttachmentFileNameSchema, upload.fileName, 'file name');
  const bytes = decode(upload.dataBase64);
  const contentType = checkDeclaredType(upload.contentType, bytes);
  const attachmentId = newId();
  // Bytes first, before anything is recorded: a store that is full or away changes nothing, and a record never
  // points at a file that is not there. Should recording fail after all, the bytes are taken back.
  await ctx.attachments.put(attachmentId, bytes);
  let attachment: Attachment;
  try {
    if (caller.role === 'engineer') ({ record } = await engineerAtWork(ctx, caller, record));
    attachment = await addAttachment(
      ctx.db,
      {
        id: attachmentId,
        requestId: record.id,
        fileName: upload.fileName.trim(),
        contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: caller.id,
        uploaderRole: caller.role === 'engineer' ? 'engineer' : 'customer-admin',
      },
      ctx.now(),
    );
  } catch (error) {
    await ctx.attachments.discard(attachmentId).catch(() => undefined);
    throw error;
  }
  // The request's activity changed (and maybe its engineer): whoever watches it reloads its detail.
  await publishRequestChanged(ctx, record);
  return attachment;
}

/** The attachment and its bytes, for whoever may see its request; another customer's is "not found". */
export async function readAttachment(
  ctx: RequestContext,
  caller: Account,
  id: string,
): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const attachment = await getAttachment(ctx.db, id);
  const record = attachment === undefined ? undefined : await getRequestRecord(ctx.db, attachment.requestId);
  if (attachment === undefined || record === undefined || !canSee(caller, record)) {
    throw new HicareError('NOT_FOUND.requestAttachment', {}, { attachmentId: id });
  }
  return { attachment, bytes: await ctx.attachments.get(attachment.id) };
}
