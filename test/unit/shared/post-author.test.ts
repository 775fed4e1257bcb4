import { describe, expect, it } from 'vitest';
import {
  mayAccept,
  mayAsk,
  mayHide,
  mayVerify,
  postAuthorView,
  seesHidden,
  type PostReader,
  type PostWriter,
} from '../../../shared/domain/post-author.js';
import { communityApi, type PostAuthor } from '../../../shared/contracts/selfhelp/community.js';
import { ROLES, type Role } from '../../../shared/domain/request-state.js';

const NW_ADMIN: PostReader = { accountId: 'nw-admin', role: 'customer-admin', customerId: 'northwind' };
const NW_IT: PostReader = { accountId: 'nw-it', role: 'it-staff', customerId: 'northwind' };
const CG_ADMIN: PostReader = { accountId: 'cg-admin', role: 'customer-admin', customerId: 'contoso' };
const ENGINEER: PostReader = { accountId: 'eng', role: 'engineer', customerId: null };
const PORTAL_ADMIN: PostReader = { accountId: 'pa', role: 'portal-admin', customerId: null };

const hiding: PostWriter = {
  accountId: 'nw-admin',
  customerId: 'northwind',
  customerName: 'Northwind Utilities',
  accountName: 'Nora North',
  showCompany: false,
};
const showing: PostWriter = { ...hiding, showCompany: true };
const vendor: PostWriter = {
  accountId: 'eng',
  customerId: null,
  customerName: null,
  accountName: 'TAC engineer',
  showCompany: false,
};

const anonymous: PostAuthor = { kind: 'customer', company: null, companyShown: false, name: null, mine: false };
const NW = 'Northwind Utilities';

const CASES: ReadonlyArray<readonly [string, PostWriter, PostReader, PostAuthor]> = [
  ['another customer reads a post that hides its company', hiding, CG_ADMIN, anonymous],
  [
    'another customer reads a post that shows its company',
    showing,
    CG_ADMIN,
    { ...anonymous, company: NW, companyShown: true },
  ],
  ['its author reads it', hiding, NW_ADMIN, { ...anonymous, company: NW, mine: true }],
  ['a colleague of the same customer reads it', hiding, NW_IT, { ...anonymous, company: NW }],
  ['an engineer reads a post that hides its company', hiding, ENGINEER, { ...anonymous, company: NW }],
  ['a portal admin reads it', hiding, PORTAL_ADMIN, { ...anonymous, company: NW }],
  [
    'a customer reads an engineer’s answer',
    vendor,
    CG_ADMIN,
    { kind: 'vendor', company: null, companyShown: false, name: 'TAC engineer', mine: false },
  ],
  [
    'the engineer reads its own answer',
    vendor,
    ENGINEER,
    { kind: 'vendor', company: null, companyShown: false, name: 'TAC engineer', mine: true },
  ],
];

describe('what a reader learns about who wrote a post', () => {
  it.each(CASES)('%s', (_case, writer, reader, expected) => {
    expect(postAuthorView(writer, reader)).toEqual(expected);
  });

  it('never names a customer’s account, whoever reads', () => {
    for (const reader of [NW_ADMIN, NW_IT, CG_ADMIN, ENGINEER, PORTAL_ADMIN]) {
      expect(JSON.stringify(postAuthorView(showing, reader))).not.toContain('Nora');
      expect(JSON.stringify(postAuthorView(showing, reader))).not.toContain('nw-admin');
    }
  });
});

const ROLE_RULES: ReadonlyArray<readonly [Role, boolean, boolean, boolean]> = [
  // role, asks, verifies, hides (and sees hidden posts)
  ['customer-admin', true, false, false],
  ['it-staff', true, false, false],
  ['engineer', false, true, false],
  ['portal-admin', false, true, true],
];

describe('who may ask, verify and hide', () => {
  it('covers every role', () => {
    expect(ROLE_RULES.map(([role]) => role)).toEqual([...ROLES]);
  });
  it('agrees with the roles the routes are open to', () => {
    expect([...communityApi.communityAsk.auth]).toEqual(ROLES.filter(mayAsk));
    expect([...communityApi.communityVerify.auth]).toEqual(ROLES.filter(mayVerify));
    expect([...communityApi.communityHide.auth]).toEqual(ROLES.filter(mayHide));
    expect([...communityApi.communityUnhide.auth]).toEqual(ROLES.filter(mayHide));
  });
  it.each(ROLE_RULES)('%s: asks %s, verifies %s, hides %s', (role, asks, verifies, hides) => {
    expect(mayAsk(role)).toBe(asks);
    expect(mayVerify(role)).toBe(verifies);
    expect(mayHide(role)).toBe(hides);
    expect(seesHidden(role)).toBe(hides);
  });
});

describe('who may accept an answer', () => {
  it.each([
    ['the account that asked', NW_ADMIN, true],
    ['a colleague of the asker', NW_IT, false],
    ['another customer', CG_ADMIN, false],
    ['an engineer', ENGINEER, false],
    ['a portal admin', PORTAL_ADMIN, false],
  ] as const)('%s: %s', (_who, reader, may) => {
    expect(mayAccept(reader, 'nw-admin')).toBe(may);
  });
});
