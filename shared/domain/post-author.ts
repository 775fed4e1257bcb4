/**
 * The community's rules about people (DESIGN.md §3.5): what a reader learns about a post's author, and who may ask,
 * verify, accept, hide and see what was hidden. The portal applies them to every reply; nothing else decides them.
 *
 * The promise to customers: another customer never learns who wrote a post, only that a customer did, and the
 * company's name only when its author chose to show it. The vendor's staff see the company always (they support it),
 * and the vendor's own people are named, since an engineer's name is what makes an answer worth trusting.
 */
import type { PostAuthor } from '../contracts/selfhelp/community.js';
import type { Role } from './request-state.js';

export interface PostReader {
  accountId: string;
  role: Role;
  /** Null for the vendor's staff. */
  customerId: string | null;
}

export interface PostWriter {
  accountId: string;
  /** The customer the post was written for; null when the vendor's staff wrote it. */
  customerId: string | null;
  customerName: string | null;
  /** The account's display name: shown only for the vendor's staff. */
  accountName: string;
  showCompany: boolean;
}

function isVendorStaff(role: Role): boolean {
  return role === 'engineer' || role === 'portal-admin';
}

/** What `reader` is told about who wrote a post. */
export function postAuthorView(writer: PostWriter, reader: PostReader): PostAuthor {
  const mine = writer.accountId === reader.accountId;
  if (writer.customerId === null) {
    return { kind: 'vendor', company: null, companyShown: false, name: writer.accountName, mine };
  }
  // A colleague of the same customer learns nothing it does not know; anyone else only what the author chose.
  const sameCustomer = reader.customerId !== null && reader.customerId === writer.customerId;
  const seesCompany = writer.showCompany || isVendorStaff(reader.role) || sameCustomer;
  return {
    kind: 'customer',
    company: seesCompany ? writer.customerName : null,
    companyShown: writer.showCompany,
    name: null,
    mine,
  };
}

/** Customers ask; the vendor answers them rather than asking itself. */
export function mayAsk(role: Role): boolean {
  return role === 'customer-admin' || role === 'it-staff';
}

/** Verification is the vendor's word that an answer is right. */
export function mayVerify(role: Role): boolean {
  return isVendorStaff(role);
}

/** Only the account that asked says which answer solved its problem: not a colleague, not the vendor. */
export function mayAccept(reader: PostReader, askedBy: string): boolean {
  return reader.accountId === askedBy;
}

export function mayHide(role: Role): boolean {
  return role === 'portal-admin';
}

/** A hidden post does not exist for anyone but those who may hide and unhide it. */
export function seesHidden(role: Role): boolean {
  return mayHide(role);
}
