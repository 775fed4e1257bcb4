/**
 * A request the customer opens for any covered system (an enquiry, a fault found on the equipment), or a refused one
 * from the outbox to correct: the system, its location, the fault description (secrets in it previewed and removed
 * unless kept), the priority, and the alarms, performance measurements and files the service description asks for.
 * Nothing is sent while a field or a file is wrong; the files go to the portal once the request exists.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { OutboxEntryView, StagedFile, SubmitOutcomeView } from '../../../../shared/contracts/app-views.js';
import { ServiceRequestCreateSchema } from '../../../../shared/contracts/requests.js';
import type { Priority } from '../../../../shared/domain/sla.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  Field,
  fieldAttributes,
  focusFirstProblem,
  hasProblems,
  type Problems,
} from '../../components/FieldMessage.js';
import { PriorityPicker } from '../../components/PriorityPicker.js';
import { Pending, Section } from '../../components/Section.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import type { DisplayLocale } from '../../../../shared/i18n/locales.js';
import { translator, type Translate } from '../../../../shared/i18n/translator.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { useResource } from '../../state/resource.js';
import { systemsResource } from '../../state/resources.js';
import { useAction } from '../../state/use-action.js';
import { draftDescription, keptDraft } from '../../selfhelp/request-draft.js';
import { AttachmentPicker, type PickedFile } from './AttachmentPicker.js';
import { fieldProblem } from './field-words.js';
import { RedactionPreview } from './RedactionPreview.js';
import { useTypedSecrets } from './useTypedSecrets.js';

type Field = 'serialNumber' | 'location' | 'faultDescription' | 'alarms' | 'measurements';
const FIELD_ORDER: readonly Field[] = ['serialNumber', 'location', 'faultDescription', 'alarms', 'measurements'];
const SHAPE = ServiceRequestCreateSchema.shape;
const MAX = {
  location: SHAPE.location.maxLength ?? Infinity,
  faultDescription: SHAPE.faultDescription.maxLength ?? Infinity,
  alarm: SHAPE.alarms.unwrap().element.maxLength ?? Infinity,
  measurements: SHAPE.performanceMeasurements.unwrap().maxLength ?? Infinity,
};

interface Form {
  serialNumber: string;
  location: string;
  faultDescription: string;
  alarms: string;
  measurements: string;
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function check(form: Form, t: Translate): Problems<Field> {
  const longAlarm = linesOf(form.alarms).find((a) => a.length > MAX.alarm);
  return {
    serialNumber: form.serialNumber === '' ? t('app.requests.form.noSystem') : undefined,
    location: fieldProblem(t, 'location', form.location, { max: MAX.location, required: true }),
    faultDescription: fieldProblem(t, 'faultDescription', form.faultDescription, {
      max: MAX.faultDescription,
      required: true,
    }),
    alarms: longAlarm === undefined ? undefined : t('app.requests.form.alarmTooLong', { max: MAX.alarm }),
    measurements: fieldProblem(t, 'measurements', form.measurements, { max: MAX.measurements, trimmed: false }),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The files on this desktop: picked ones are checked again and kept by the host; already kept ones go as they are. */
async function stage(files: readonly PickedFile[]): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  for (const f of files)
    staged.push(
      f.kind === 'staged'
        ? f.file
        : await api.call('requests.stageAttachment', { fileName: f.fileName, dataBase64: toBase64(f.bytes) }),
    );
  return staged;
}

/** Why the portal refused the request, in the language shown now (from its catalog key when it carries one). */
function RefusalNotice({
  refusal,
  locale,
  t,
}: {
  refusal: NonNullable<OutboxEntryView['refusal']>;
  locale: DisplayLocale;
  t: Translate;
}) {
  const { message, remedy } = localizeProblem(locale, refusal);
  return (
    <ErrorNotice
      error={{ code: refusal.code, message: t('app.requests.form.notSent', { message }), remedy }}
      testId="refusal"
    />
  );
}

export function NewRequestScreen({
  serialNumber,
  outboxKey,
  draftKey,
}: {
  serialNumber?: string | undefined;
  outboxKey?: string | undefined;
  /** A question self-help could not answer: the description starts as the question and what was shown. */
  draftKey?: string | undefined;
}) {
  const { t, locale } = useT();
  const systems = useResource(systemsResource);
  // Read once: the draft is the form's starting point, then the customer's own words.
  const [question] = useState(() => (draftKey === undefined ? null : keptDraft(draftKey)));
  const [form, setForm] = useState<Form>({
    serialNumber: serialNumber ?? '',
    location: '',
    faultDescription: question === null ? '' : draftDescription(question, t),
    alarms: '',
    measurements: '',
  });
  const [priority, setPriority] = useState<Priority>('P4');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<OutboxEntryView | null>(null);
  const [problems, setProblems] = useState<Problems<Field>>({});
  // What stops the form before it is sent: a refused entry that is gone, fields to correct.
  const [formError, setFormError] = useState<ShownError | null>(() =>
    draftKey !== undefined && question === null
      ? { message: t('app.selfhelp.draft.gone.message'), remedy: t('app.selfhelp.draft.gone.remedy') }
      : null,
  );
  const [outcome, setOutcome] = useState<SubmitOutcomeView | null>(null);
  const submission = useAction(
    async () => {
      const attachments = await stage(files);
      const measurements = form.measurements.trim();
      const request = {
        serialNumber: form.serialNumber,
        location: form.location.trim(),
        faultDescription: secrets.sent,
        priority,
        alarms: linesOf(form.alarms),
        ...(measurements === '' ? {} : { performanceMeasurements: measurements }),
        operationRecords: [],
      };
      return api.call('requests.submit', { request, idempotencyKey, attachments });
    },
    { onDone: setOutcome },
  );
  const sending = submission.busy;
  const sendError = submission.error ?? formError;
  // One key per form: pressing Send twice, or a lost answer, still gives one request. A corrected one keeps its key.
  const idempotencyKey = useMemo(() => outboxKey ?? crypto.randomUUID(), [outboxKey]);
  const secrets = useTypedSecrets(form.faultDescription, '$.faultDescription');
  const base = useId();
  const idOf = (f: Field) => `${base}-${f}`;

  // The location on record for the chosen system, until the customer writes one of their own.
  const [locationTyped, setLocationTyped] = useState(outboxKey !== undefined);
  const system = systems.data?.find((s) => s.serialNumber === form.serialNumber);
  useEffect(() => {
    if (system === undefined || locationTyped) return;
    setForm((f) => ({ ...f, location: system.location }));
    setProblems((p) => ({ ...p, location: undefined }));
  }, [system, locationTyped]);

  useEffect(() => {
    if (outboxKey === undefined) return;
    api.call('requests.outbox', {}).then(
      ({ entries }) => {
        const entry = entries.find((e) => e.idempotencyKey === outboxKey);
        if (entry === undefined)
          return setFormError({
            message: translator(currentLocale())('app.requests.form.gone.message'),
            remedy: translator(currentLocale())('app.requests.form.gone.remedy'),
          });
        const r = entry.request;
        setRefused(entry);
        setForm({
          serialNumber: r.serialNumber,
          location: r.location,
          faultDescription: r.faultDescription,
          alarms: r.alarms.join('\n'),
          measurements: r.performanceMeasurements ?? '',
        });
        setPriority(r.priority);
        setFiles(entry.attachments.map((file) => ({ kind: 'staged', file })));
      },
      (e: unknown) => setFormError(toShownError(e)),
    );
  }, [outboxKey]);

  const edit = (field: Field, value: string) => {
    if (field === 'location') setLocationTyped(true);
    setForm((f) => ({ ...f, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    setFormError(null);
    submission.reset();
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    const found = check(form, t);
    setProblems(found);
    if (hasProblems(found)) {
      submission.reset();
      setFormError({
        message: t('app.requests.form.fieldsToCorrect.message'),
        remedy: t('app.requests.form.fieldsToCorrect.remedy'),
      });
      focusFirstProblem(FIELD_ORDER, found, idOf);
      return;
    }
    setFormError(null);
    await submission.run();
  }

  return (
    <div className="screen" data-testid="new-request-screen">
      <p className="breadcrumb">
        <a href="#/requests">{t('app.requests.breadcrumb')}</a> / {t('app.requests.form.newTitle')}
      </p>
      <h2 className="screen-title">{t('app.requests.form.newTitle')}</h2>
      {refused?.refusal !== undefined && outcome === null && (
        <RefusalNotice refusal={refused.refusal} locale={locale} t={t} />
      )}
      {outcome !== null && (
        <div
          className={`notice ${outcome.status === 'sent' ? 'notice-ok' : 'notice-info'}`}
          role="status"
          data-testid="submit-outcome"
          data-status={outcome.status}
        >
          {outcome.status === 'sent' ? (
            <>
              <strong>{t('app.requests.form.sent', { number: outcome.request.number })}</strong>{' '}
              <a href={hrefOf({ name: 'request', id: outcome.request.id })}>{t('app.requests.form.follow')}</a>
            </>
          ) : (
            <>
              <strong>{t('app.requests.form.queued')}</strong> {outcome.reason}
            </>
          )}
        </div>
      )}
      {systems.data === null && systems.error === null && <Pending what={t('app.requests.loading.systems')} />}
      {systems.error !== null && <ErrorNotice error={systems.error} />}
      {systems.data !== null && outcome === null && (
        <form onSubmit={send} className="stack" noValidate>
          <Section title={t('app.requests.form.request')} testId="new-request">
            <Field label={t('app.requests.form.system')} fieldId={idOf('serialNumber')} problem={problems.serialNumber}>
              <select
                {...fieldAttributes(idOf('serialNumber'), problems.serialNumber)}
                value={form.serialNumber}
                onChange={(e) => edit('serialNumber', e.target.value)}
              >
                <option value="">{t('app.requests.form.chooseSystem')}</option>
                {systems.data.map((s) => (
                  <option key={s.serialNumber} value={s.serialNumber}>
                    {t('app.requests.form.systemOption', {
                      serialNumber: s.serialNumber,
                      product: productLabel(s.product),
                      location: s.location,
                    })}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('app.requests.form.location')} fieldId={idOf('location')} problem={problems.location}>
              <input
                name="location"
                {...fieldAttributes(idOf('location'), problems.location)}
                value={form.location}
                onChange={(e) => edit('location', e.target.value)}
              />
            </Field>
            <Field
              label={t('app.requests.form.faultDescription')}
              fieldId={idOf('faultDescription')}
              problem={problems.faultDescription}
            >
              <textarea
                name="faultDescription"
                rows={6}
                {...fieldAttributes(idOf('faultDescription'), problems.faultDescription)}
                value={form.faultDescription}
                onChange={(e) => edit('faultDescription', e.target.value)}
              />
            </Field>
            <RedactionPreview
              redactions={secrets.redactions}
              choice={secrets.choice}
              emptyText={t('app.requests.form.noTypedSecrets')}
              testId="typed-secrets"
            />
            <PriorityPicker value={priority} onChange={setPriority} />
          </Section>
          <Section title={t('app.requests.form.evidence')} testId="new-request-evidence">
            <Field label={t('app.requests.form.alarms')} fieldId={idOf('alarms')} problem={problems.alarms}>
              <textarea
                name="alarms"
                rows={3}
                {...fieldAttributes(idOf('alarms'), problems.alarms)}
                value={form.alarms}
                onChange={(e) => edit('alarms', e.target.value)}
              />
            </Field>
            <Field
              label={t('app.requests.form.measurements')}
              fieldId={idOf('measurements')}
              problem={problems.measurements}
            >
              <textarea
                name="measurements"
                rows={3}
                {...fieldAttributes(idOf('measurements'), problems.measurements)}
                value={form.measurements}
                onChange={(e) => edit('measurements', e.target.value)}
              />
            </Field>
            <AttachmentPicker files={files} onChange={setFiles} />
          </Section>
          <div className="card">
            <button type="submit" disabled={sending} data-testid="send-request">
              {sending ? t('app.requests.form.sending') : t('app.requests.form.send')}
            </button>
            {sendError !== null && <ErrorNotice error={sendError} testId="send-error" />}
          </div>
        </form>
      )}
    </div>
  );
}
