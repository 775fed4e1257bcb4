/** Granting the engineer temporary remote access: channel, address, account, scope, expiry; the password is shown once. */
import { useId, useState, type FormEvent } from 'react';
import {
  GRANT_CHANNELS,
  GRANT_DEFAULT_HOURS,
  GRANT_MAX_HOURS,
  GRANT_SCOPES,
  GrantCreateSchema,
} from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  Field,
  FieldMessage,
  fieldAttributes,
  focusFirstProblem,
  hasProblems,
  type Problems,
} from '../../components/FieldMessage.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { fieldProblem } from './field-words.js';

type Channel = (typeof GRANT_CHANNELS)[number];
type Scope = (typeof GRANT_SCOPES)[number];
type Field = 'address' | 'account' | 'hours' | 'password';

const FIELD_ORDER: readonly Field[] = ['address', 'account', 'hours', 'password'];
// The limits are the contract's, so the form and the portal cannot disagree.
const LIMITS = GrantCreateSchema.shape;
const PASSWORD = LIMITS.password.unwrap();
const HOUR_MS = 60 * 60 * 1000;

/** The expiry as hours from now: whole hours, ending in the future, never past the maximum a grant may last. */
function hoursProblem(text: string, t: Translate): string | undefined {
  const hours = Number(text);
  const max = GRANT_MAX_HOURS;
  if (text.trim() === '' || !Number.isFinite(hours)) return t('app.requests.grant.hours.missing', { max });
  if (hours <= 0) return t('app.requests.grant.hours.notPositive');
  if (hours > GRANT_MAX_HOURS) return t('app.requests.grant.hours.tooMany', { max });
  if (!Number.isInteger(hours)) return t('app.requests.grant.hours.notWhole', { max });
  return undefined;
}

function passwordProblem(password: string, t: Translate): string | undefined {
  if (password === '') return undefined;
  if (password.length < (PASSWORD.minLength ?? 0))
    return t('app.requests.grant.passwordTooShort', { min: PASSWORD.minLength ?? 0 });
  if (password.length > (PASSWORD.maxLength ?? Infinity))
    return t('app.requests.grant.passwordTooLong', { max: PASSWORD.maxLength ?? 0 });
  return undefined;
}

export function GrantForm({ id, onCreated }: { id: string; onCreated: () => void }) {
  const { t } = useT();
  const [channel, setChannel] = useState<Channel>('ssh');
  const [address, setAddress] = useState('');
  const [account, setAccount] = useState('');
  const [scope, setScope] = useState<Scope>('diagnose');
  const [hours, setHours] = useState(String(GRANT_DEFAULT_HOURS));
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems<Field>>({});
  const [shownOnce, setShownOnce] = useState<{ account: string; password: string } | null>(null);
  const granting = useAction(
    () =>
      api.call('requests.grant', {
        id,
        grant: {
          channel,
          address: address.trim(),
          account: account.trim(),
          scope,
          expiresInHours: Number(hours),
          ...(password === '' ? {} : { password }),
        },
      }),
    {
      onDone: (grant) => {
        setShownOnce({ account: grant.account ?? account.trim(), password: grant.password });
        setAddress('');
        setAccount('');
        setPassword('');
        onCreated();
      },
    },
  );
  const { busy, error } = granting;
  const base = useId();
  const idOf = (f: Field) => `${base}-${f}`;
  const endsId = `${base}-ends`;

  // Typing in a field is taken as correcting it: its problem goes until the next attempt.
  const edit = (field: Field, set: (v: string) => void, value: string) => {
    set(value);
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    granting.reset();
    const found: Problems<Field> = {
      address: fieldProblem(t, 'address', address, { max: LIMITS.address.maxLength ?? Infinity, required: true }),
      account: fieldProblem(t, 'account', account, { max: LIMITS.account.maxLength ?? Infinity, required: true }),
      hours: hoursProblem(hours, t),
      password: passwordProblem(password, t),
    };
    setProblems(found);
    if (hasProblems(found)) {
      focusFirstProblem(FIELD_ORDER, found, idOf);
      return;
    }
    await granting.run();
  }

  const endsAt =
    hoursProblem(hours, t) === undefined ? new Date(Date.now() + Number(hours) * HOUR_MS).toISOString() : null;
  return (
    <div className="grant-form" data-testid="grant-form">
      {shownOnce !== null && (
        <div className="notice notice-warn" role="status" data-testid="grant-password-once">
          <strong>{t('app.requests.grant.passwordFor', { account: shownOnce.account })}</strong>{' '}
          <code className="secret">{shownOnce.password}</code>
          <p>{t('app.requests.grant.onlyOnce')}</p>
          <button type="button" className="secondary" onClick={() => setShownOnce(null)}>
            {t('app.requests.grant.hideOnce')}
          </button>
        </div>
      )}
      <form className="form grid-2" onSubmit={submit} noValidate>
        <div className="field">
          <label>
            {t('app.requests.grant.channel')}
            <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {GRANT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`app.requests.grant.channelName.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Field label={t('app.requests.grant.address')} fieldId={idOf('address')} problem={problems.address}>
          <input
            name="address"
            {...fieldAttributes(idOf('address'), problems.address)}
            value={address}
            onChange={(e) => edit('address', setAddress, e.target.value)}
            placeholder="host.example.com:22"
            spellCheck={false}
          />
        </Field>
        <Field label={t('app.requests.grant.account')} fieldId={idOf('account')} problem={problems.account}>
          <input
            name="account"
            {...fieldAttributes(idOf('account'), problems.account)}
            value={account}
            onChange={(e) => edit('account', setAccount, e.target.value)}
            placeholder="tac-guest"
            spellCheck={false}
          />
        </Field>
        <div className="field">
          <label>
            {t('app.requests.grant.scope')}
            <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              {GRANT_SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`app.requests.grant.scopeName.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field">
          <label>
            {t('app.requests.grant.expiresAfter', { max: GRANT_MAX_HOURS })}
            <input
              name="expiresInHours"
              type="number"
              min={1}
              max={GRANT_MAX_HOURS}
              step={1}
              {...fieldAttributes(idOf('hours'), problems.hours, endsAt === null ? undefined : endsId)}
              value={hours}
              onChange={(e) => edit('hours', setHours, e.target.value)}
            />
          </label>
          <FieldMessage fieldId={idOf('hours')} problem={problems.hours} />
          {endsAt !== null && (
            <span id={endsId} className="hint">
              {t('app.requests.grant.endsAt', { endsAt })}
            </span>
          )}
        </div>
        <Field label={t('app.requests.grant.password')} fieldId={idOf('password')} problem={problems.password}>
          <input
            name="grantPassword"
            type="password"
            {...fieldAttributes(idOf('password'), problems.password)}
            value={password}
            onChange={(e) => edit('password', setPassword, e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('app.requests.grant.granting') : t('app.requests.grant.grant')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
