/**
 * `hicare request …`: remote-guidance requests from the command line. A request drafted from a failed installation
 * shows the matching known issues first, then the draft with what redaction removed; nothing is sent before the
 * customer approves (a prompt on a terminal, --yes in scripts).
 */
import { PRIORITIES, PRIORITY_DEFINITIONS, type Priority } from '../../shared/domain/sla.js';
import type { ServiceRequest, ServiceRequestCreate } from '../../shared/contracts/requests.js';
import type { StagedFile } from '../../shared/contracts/app-views.js';
import { redact } from '../../shared/domain/redact.js';
import { HicareError } from '../../shared/errors.js';
import { draftFromFailure } from '../core/requests/draft.js';
import type { OutboxEntry } from '../core/requests/outbox.js';
import { pickFiles } from './request-files.js';
import { parse, UsageError } from './commands.js';
import { confirmOrStop } from './confirm.js';
import { namingFlags } from './flag-names.js';
import { requestIdOf } from './request-ref.js';
import type { CliContext } from './context.js';

/** The grant's fields as `request grant` takes them. */
const GRANT_FLAGS = {
  channel: '--channel',
  address: '--address',
  account: '--account',
  scope: '--scope',
  expiresInHours: '--hours',
  password: '--password',
};

function emit(ctx: CliContext, value: unknown, text: string): void {
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(value, null, 2));
  else ctx.io.out(text);
}

function priorityOf(value: string | undefined): Priority | undefined {
  if (value === undefined) return undefined;
  if (!(PRIORITIES as readonly string[]).includes(value))
    throw new UsageError(`--priority must be one of ${PRIORITIES.join(', ')}.`);
  return value as Priority;
}

function describeRequest(r: ServiceRequest): string {
  const sla =
    r.sla.state === 'awaiting-acceptance'
      ? 'waiting for TAC to accept'
      : r.sla.state === 'running'
        ? `first contact due ${r.sla.dueAt ?? ''}`
        : `response ${r.sla.state}`;
  return `${r.number}  ${r.state}  ${r.priority}  ${r.serialNumber} (${r.product})  ${sla}`;
}

async function send(
  ctx: CliContext,
  request: ServiceRequestCreate,
  idempotencyKey: string,
  yes: boolean | undefined,
  files: readonly StagedFile[] = [],
): Promise<void> {
  await confirmOrStop(ctx, {
    question: 'Send this request to the Technical Assistance Center?',
    yes,
    nothingDone: 'Nothing was sent.',
    command: 'hicare request create …',
  });
  const outcome = await ctx.client().requests.submit(request, idempotencyKey, files);
  if (outcome.status === 'sent') emit(ctx, outcome, `Sent: ${describeRequest(outcome.request)}`);
  else
    emit(
      ctx,
      outcome,
      `Queued on this desktop: ${outcome.reason}\nIt is sent by the next \`hicare request flush\` (or any request command) once the portal answers.`,
    );
}

async function create(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, {
    'from-failure': { type: 'string' },
    serial: { type: 'string' },
    location: { type: 'string' },
    description: { type: 'string' },
    priority: { type: 'string' },
    alarm: { type: 'string', multiple: true },
    measurement: { type: 'string', multiple: true },
    attach: { type: 'string', multiple: true },
    yes: { type: 'boolean' },
  });
  const priority = priorityOf(values.priority);
  const client = ctx.client();
  if (values['from-failure'] !== undefined) {
    await client.requests.assertMayOpen();
    const failure = await client.failures.get(values['from-failure']);
    const knownIssues = await client.requests.knownIssues(failure.details);
    const draft = draftFromFailure({
      failureId: failure.id,
      failure: failure.details,
      operations: await client.operations.recent(50),
      knownIssues,
      ...(priority === undefined ? {} : { priority }),
    });
    if (ctx.flags.json !== true) {
      if (knownIssues.length > 0) {
        ctx.io.err(
          `Known issues that match this failure — one of them may solve it without a request:\n${knownIssues.map((a) => `  • ${a.title} (${a.id})`).join('\n')}\n\n`,
        );
      }
      const p = draft.request.priority;
      ctx.io.err(
        [
          `Request draft for ${draft.request.serialNumber} at ${draft.request.location}`,
          `  priority ${p}: ${PRIORITY_DEFINITIONS[p].definition}`,
          `  ${draft.request.faultDescription.split('\n').join('\n  ')}`,
          `  installer log: ${draft.request.installFailure?.log.split('\n').length ?? 0} lines; ${draft.request.operationRecords.length} operation records; system information`,
          draft.redactions.length === 0
            ? '  Redaction: nothing secret was found.'
            : `  Redaction removed ${draft.redactions.length} secrets:\n${draft.redactions.map((r) => `    - ${r.kind} in ${r.path}${r.path.endsWith('.log') ? ` line ${r.line}` : ''}: ${r.masked}`).join('\n')}`,
          '',
        ].join('\n'),
      );
    }
    await send(ctx, draft.request, draft.idempotencyKey, values.yes);
    return;
  }
  if (values.serial === undefined || values.description === undefined || priority === undefined) {
    throw new UsageError('Give --from-failure ID|last, or --serial, --description and --priority.');
  }
  // Everything is checked before anything is sent: who may open requests, then each file.
  await client.requests.assertMayOpen();
  const files = await pickFiles(values.attach ?? []);
  // The location on record, unless given; a request queued while the portal is down needs it given.
  const system =
    values.location !== undefined ? undefined : (await client.systems()).find((s) => s.serialNumber === values.serial);
  // Secrets typed into the description are removed (and listed) as in any diagnostics.
  const description = redact(values.description);
  const request: ServiceRequestCreate = {
    serialNumber: values.serial,
    location: values.location ?? system?.location ?? '',
    faultDescription: description.text,
    priority,
    alarms: values.alarm ?? [],
    ...(values.measurement === undefined ? {} : { performanceMeasurements: values.measurement.join('\n') }),
    operationRecords: (await client.operations.recent(20)).map((r) => ({ at: r.at, kind: r.kind, summary: r.summary })),
  };
  if (ctx.flags.json !== true && description.removed.length > 0) {
    ctx.io.err(
      `Redaction removed ${description.removed.length} secrets from the description:\n${description.removed.map((r) => `  - ${r.kind} on line ${r.line}: ${r.masked}`).join('\n')}\n`,
    );
  }
  const staged = [];
  for (const file of files) staged.push(await client.requests.outbox.stage(file.fileName, file.bytes));
  await send(ctx, request, crypto.randomUUID(), values.yes, staged);
}

/** What the portal refused, kept on this desktop: printed with its code and reason, and the way out. */
function refusedWords(entries: readonly OutboxEntry[]): string {
  return entries
    .map(
      (e) =>
        `Not sent: ${e.request.serialNumber} "${e.request.faultDescription.split('\n')[0]?.slice(0, 60) ?? ''}" (${e.idempotencyKey})\n  ${e.refusal?.code ?? ''}: ${e.refusal?.message ?? ''}\n  ${e.refusal?.remedy ?? ''}`,
    )
    .join('\n');
}

export async function requestCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [sub, ...rest] = args;
  const client = (): ReturnType<CliContext['client']> => ctx.client();
  switch (sub) {
    case 'create':
      return create(ctx, rest);
    case 'flush': {
      parse(rest, {});
      const result = await client().requests.flush();
      emit(
        ctx,
        result,
        `${result.sent.length} sent, ${result.waiting} still waiting, ${result.refused.length} refused.`,
      );
      if (result.refused.length > 0) {
        if (ctx.flags.json !== true) ctx.io.err(`${refusedWords(result.refused)}\n`);
        throw new HicareError(
          'REQUEST_REFUSED',
          result.refused.length === 1
            ? 'The portal refused a request waiting on this desktop; it is kept.'
            : `The portal refused ${result.refused.length} requests waiting on this desktop; they are kept.`,
          'Correct it and open it again with `hicare request create`, then remove the refused one with `hicare request discard KEY`.',
          {
            refused: result.refused.map((e) => ({
              idempotencyKey: e.idempotencyKey,
              code: e.refusal?.code,
              message: e.refusal?.message,
            })),
          },
        );
      }
      return;
    }
    case 'discard': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      await client().requests.outbox.discard(positionals[0] ?? '');
      emit(ctx, { discarded: positionals[0] }, 'The request was discarded from this desktop; nothing was sent.');
      return;
    }
    case 'list': {
      const { values } = parse(rest, { state: { type: 'string' } });
      const c = client();
      await c.requests.flush().catch(() => undefined);
      const { requests } = await c.portal.call('listRequests', {
        query: values.state === undefined ? {} : { state: values.state as never },
      });
      emit(ctx, { requests }, requests.length === 0 ? 'No requests.' : requests.map(describeRequest).join('\n'));
      return;
    }
    case 'show': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      const c = client();
      const request = await c.portal.call('getRequest', { params: { id: await requestIdOf(c, positionals[0] ?? '') } });
      emit(
        ctx,
        { request },
        `${describeRequest(request)}\n  ${request.location}\n  ${request.faultDescription.split('\n').join('\n  ')}`,
      );
      return;
    }
    case 'message': {
      const { positionals } = parse(rest, {}, { min: 2, max: 2 });
      const c = client();
      const message = await c.portal.call('postMessage', {
        params: { id: await requestIdOf(c, positionals[0] ?? '') },
        body: { body: positionals[1] ?? '' },
      });
      emit(ctx, { message }, `Message sent at ${message.at}.`);
      return;
    }
    case 'grant': {
      const { values, positionals } = parse(
        rest,
        {
          channel: { type: 'string' },
          address: { type: 'string' },
          account: { type: 'string' },
          scope: { type: 'string' },
          hours: { type: 'string' },
          password: { type: 'string' },
        },
        { min: 1, max: 1 },
      );
      if (values.channel === undefined || values.address === undefined || values.account === undefined)
        throw new UsageError('Give --channel, --address and --account.');
      const { address, account } = values;
      const c = client();
      const id = await requestIdOf(c, positionals[0] ?? '');
      const grant = await namingFlags(GRANT_FLAGS, () =>
        c.portal.call('createGrant', {
          params: { id },
          body: {
            channel: values.channel as never,
            address,
            account,
            scope: (values.scope ?? 'diagnose') as never,
            ...(values.hours === undefined ? {} : { expiresInHours: Number(values.hours) }),
            ...(values.password === undefined ? {} : { password: values.password }),
          },
        }),
      );
      emit(
        ctx,
        { grant },
        `Grant ${grant.id}: ${grant.channel} ${grant.account}@${grant.address}, ${grant.scope}, until ${grant.expiresAt}\n  password: ${grant.password}\n  Set this password on the account now; it is shown only once.`,
      );
      return;
    }
    case 'revoke': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      const grant = await client().portal.call('revokeGrant', { params: { id: positionals[0] ?? '' } });
      emit(
        ctx,
        { grant },
        `Grant ${grant.id} revoked at ${grant.revokedAt ?? ''}. Remove the account's access on the system too.`,
      );
      return;
    }
    case 'confirm':
    case 'reject': {
      // A rejection says why (--reason); the portal refuses one without it, with a remedy naming what to describe.
      const { values, positionals } = parse(rest, sub === 'reject' ? { reason: { type: 'string' } } : {}, {
        min: 1,
        max: 1,
      });
      const reason = (values as { reason?: string }).reason;
      if (sub === 'reject' && (reason === undefined || reason.trim() === ''))
        throw new UsageError('Give --reason: say why the solution did not work.');
      const body = sub === 'confirm' ? { action: 'confirm' as const } : { action: 'reject-solution' as const, reason };
      const c = client();
      const request = await c.portal.call('actOnRequest', {
        params: { id: await requestIdOf(c, positionals[0] ?? '') },
        body,
      });
      emit(ctx, { request }, describeRequest(request));
      return;
    }
    case 'survey': {
      const { values, positionals } = parse(
        rest,
        { rating: { type: 'string' }, comment: { type: 'string' } },
        { min: 1, max: 1 },
      );
      if (values.rating === undefined || !/^[1-5]$/.test(values.rating))
        throw new UsageError('--rating must be 1 to 5.');
      const c = client();
      const survey = await c.portal.call('answerSurvey', {
        params: { id: await requestIdOf(c, positionals[0] ?? '') },
        body: { rating: Number(values.rating), comment: values.comment ?? '' },
      });
      emit(ctx, { survey }, 'Thank you: your rating was recorded.');
      return;
    }
    default:
      throw new UsageError(`Unknown request command: ${sub ?? '(none)'}`);
  }
}
