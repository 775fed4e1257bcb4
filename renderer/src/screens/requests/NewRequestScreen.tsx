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
  textProblem,
  type Problems,
} from '../../components/FieldMessage.js';
import { PriorityPicker } from '../../components/PriorityPicker.js';
import { Pending, Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { useResource } from '../../state/resource.js';
import { systemsResource } from '../../state/resources.js';
import { useAction } from '../../state/use-action.js';
import { AttachmentPicker, type PickedFile } from './AttachmentPicker.js';
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

function check(form: Form): Problems<Field> {
  const longAlarm = linesOf(form.alarms).find((a) => a.length > MAX.alarm);
  return {
    serialNumber: form.serialNumber === '' ? 'Choose the system the request is about.' : undefined,
    location: textProblem(form.location, { what: 'the equipment location', max: MAX.location, required: true }),
    faultDescription: textProblem(form.faultDescription, {
      what: 'the fault description',
      max: MAX.faultDescription,
      required: true,
    }),
    alarms:
      longAlarm === undefined
        ? undefined
        : `Each alarm can be at most ${MAX.alarm.toLocaleString('en-US')} characters; shorten the long line.`,
    measurements: textProblem(form.measurements, {
      what: 'the performance measurements',
      max: MAX.measurements,
      trimmed: false,
    }),
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

export function NewRequestScreen({
  serialNumber,
  outboxKey,
}: {
  serialNumber?: string | undefined;
  outboxKey?: string | undefined;
}) {
  const systems = useResource(systemsResource);
  const [form, setForm] = useState<Form>({
    serialNumber: serialNumber ?? '',
    location: '',
    faultDescription: '',
    alarms: '',
    measurements: '',
  });
  const [priority, setPriority] = useState<Priority>('P4');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<OutboxEntryView | null>(null);
  const [problems, setProblems] = useState<Problems<Field>>({});
  // What stops the form before it is sent: a refused entry that is gone, fields to correct.
  const [formError, setFormError] = useState<ShownError | null>(null);
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
            message: 'That request is no longer waiting on this desktop.',
            remedy: 'Open the list of requests.',
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
    const found = check(form);
    setProblems(found);
    if (hasProblems(found)) {
      submission.reset();
      setFormError({
        message: 'Some fields need correcting before the request can be sent.',
        remedy: 'Correct the fields marked above, then send again.',
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
        <a href="#/requests">Requests</a> / New request
      </p>
      <h2 className="screen-title">New request</h2>
      {refused?.refusal !== undefined && outcome === null && (
        <ErrorNotice
          error={{
            code: refused.refusal.code,
            message: `Not sent: ${refused.refusal.message}`,
            remedy: refused.refusal.remedy,
          }}
          testId="refusal"
        />
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
              <strong>Sent as request {outcome.request.number}.</strong>{' '}
              <a href={hrefOf({ name: 'request', id: outcome.request.id })}>Follow it</a>
            </>
          ) : (
            <>
              <strong>Queued.</strong> {outcome.reason}
            </>
          )}
        </div>
      )}
      {systems.data === null && systems.error === null && <Pending what="your systems" />}
      {systems.error !== null && <ErrorNotice error={systems.error} />}
      {systems.data !== null && outcome === null && (
        <form onSubmit={send} className="stack" noValidate>
          <Section title="The request" testId="new-request">
            <Field label="System" fieldId={idOf('serialNumber')} problem={problems.serialNumber}>
              <select
                {...fieldAttributes(idOf('serialNumber'), problems.serialNumber)}
                value={form.serialNumber}
                onChange={(e) => edit('serialNumber', e.target.value)}
              >
                <option value="">Choose a system…</option>
                {systems.data.map((s) => (
                  <option key={s.serialNumber} value={s.serialNumber}>
                    {s.serialNumber} ({productLabel(s.product)}, {s.location})
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Equipment location" fieldId={idOf('location')} problem={problems.location}>
              <input
                name="location"
                {...fieldAttributes(idOf('location'), problems.location)}
                value={form.location}
                onChange={(e) => edit('location', e.target.value)}
              />
            </Field>
            <Field label="Fault description" fieldId={idOf('faultDescription')} problem={problems.faultDescription}>
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
              emptyText="No secrets were found in what you typed."
              testId="typed-secrets"
            />
            <PriorityPicker value={priority} onChange={setPriority} />
          </Section>
          <Section title="What the engineer should see (optional)" testId="new-request-evidence">
            <Field label="Alarms, one per line" fieldId={idOf('alarms')} problem={problems.alarms}>
              <textarea
                name="alarms"
                rows={3}
                {...fieldAttributes(idOf('alarms'), problems.alarms)}
                value={form.alarms}
                onChange={(e) => edit('alarms', e.target.value)}
              />
            </Field>
            <Field label="Performance measurements" fieldId={idOf('measurements')} problem={problems.measurements}>
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
              {sending ? 'Sending…' : 'Send request'}
            </button>
            {sendError !== null && <ErrorNotice error={sendError} testId="send-error" />}
          </div>
        </form>
      )}
    </div>
  );
}
