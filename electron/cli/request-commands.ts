/**
 * `hicare request …`: remote-guidance requests from the command line. A request drafted from a failed installation
 * shows the matching known issues first, then the draft with what redaction removed; nothing is sent before the
 * customer approves (a prompt on a terminal, --yes in scripts).
 */
import { PRIORITIES, priorityDefinition, type Priority } from '../../shared/domain/sla.js';
import type { ServiceRequest, ServiceRequestCreate } from '../../shared/contracts/requests.js';
import type { StagedFile } from '../../shared/contracts/app-views.js';
import { redact } from '../../shared/domain/redact.js';
import { HicareError } from '../../shared/errors.js';
import { draftFromFailure } from '../core/requests/draft.js';
import type { OutboxEntry } from '../core/requests/outbox.js';
import { localizeProblem } from '../../shared/i18n/problem.js';
import type { Translate } from '../../shared/i18n/translator.js';
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
    throw new UsageError('cli.usage.priorityChoices', { choices: PRIORITIES.join(', ') });
  return value as Priority;
}

function describeRequest(r: ServiceRequest, t: Translate): string {
  const sla =
    r.sla.state === 'awaiting-acceptance'
      ? t('cli.request.awaitingAcceptance')
      : r.sla.state === 'running'
        ? t('cli.request.firstContactDue', { dueAt: r.sla.dueAt ?? '' })
        : t('cli.request.response', { state: r.sla.state });
  return t('cli.request.line', {
    number: r.number,
    // ICU select keys cannot hold a hyphen.
    state: t('cli.request.state', { state: r.state.replaceAll('-', '_') }),
    priority: r.priority,
    serial: r.serialNumber,
    product: r.product,
    sla,
  });
}

async function send(
  ctx: CliContext,
  request: ServiceRequestCreate,
  idempotencyKey: string,
  yes: boolean | undefined,
  files: readonly StagedFile[] = [],
): Promise<void> {
  const { t } = ctx;
  await confirmOrStop(ctx, {
    question: t('cli.request.sendQuestion'),
    yes,
    undone: 'send',
    command: 'hicare request create …',
  });
  const outcome = await ctx.client().requests.submit(request, idempotencyKey, files);
  if (outcome.status === 'sent')
    emit(ctx, outcome, t('cli.request.sent', { request: describeRequest(outcome.request, t) }));
  else emit(ctx, outcome, t('cli.request.queued', { reason: outcome.reason }));
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
      const { t } = ctx;
      if (knownIssues.length > 0) {
        const issues = knownIssues.map((a) => t('cli.request.knownIssue', { title: a.title, id: a.id })).join('\n');
        ctx.io.err(`${t('cli.request.knownIssues')}\n${issues}\n\n`);
      }
      const p = draft.request.priority;
      const redactions = draft.redactions.map((r) =>
        r.path.endsWith('.log')
          ? t('cli.request.redactedAtLine', { kind: r.kind, path: r.path, line: r.line, masked: r.masked })
          : t('cli.request.redactedAt', { kind: r.kind, path: r.path, masked: r.masked }),
      );
      ctx.io.err(
        [
          t('cli.request.draftFor', { serial: draft.request.serialNumber, location: draft.request.location }),
          t('cli.request.draftPriority', { priority: p, definition: priorityDefinition(p, ctx.locale) }),
          `  ${draft.request.faultDescription.split('\n').join('\n  ')}`,
          t('cli.request.draftAttached', {
            lines: draft.request.installFailure?.log.split('\n').length ?? 0,
            records: draft.request.operationRecords.length,
          }),
          ...(draft.redactions.length === 0
            ? [t('cli.request.nothingSecret')]
            : [t('cli.request.redactionRemoved', { count: draft.redactions.length }), ...redactions]),
          '',
        ].join('\n'),
      );
    }
    await send(ctx, draft.request, draft.idempotencyKey, values.yes);
    return;
  }
  if (values.serial === undefined || values.description === undefined || priority === undefined) {
    throw new UsageError('cli.usage.createNeeds');
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
    const lines = description.removed.map((r) =>
      ctx.t('cli.request.descriptionRedaction', { kind: r.kind, line: r.line, masked: r.masked }),
    );
    ctx.io.err(
      `${ctx.t('cli.request.descriptionRedacted', { count: description.removed.length })}\n${lines.join('\n')}\n`,
    );
  }
  const staged = [];
  for (const file of files) staged.push(await client.requests.outbox.stage(file.fileName, file.bytes));
  await send(ctx, request, crypto.randomUUID(), values.yes, staged);
}

/** What the portal refused, kept on this desktop: printed with its code and reason, and the way out. */
function refusedWords(entries: readonly OutboxEntry[], ctx: CliContext): string {
  return entries
    .map((e) => {
      const head = ctx.t('cli.request.notSent', {
        serial: e.request.serialNumber,
        summary: e.request.faultDescription.split('\n')[0]?.slice(0, 60) ?? '',
        key: e.idempotencyKey,
      });
      const refusal = e.refusal;
      const words = refusal === undefined ? { message: '', remedy: '' } : localizeProblem(ctx.locale, refusal);
      return `${head}\n  ${refusal?.code ?? ''}: ${words.message}\n  ${words.remedy}`;
    })
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
        ctx.t('cli.request.flushed', {
          sent: result.sent.length,
          waiting: result.waiting,
          refused: result.refused.length,
        }),
      );
      if (result.refused.length > 0) {
        if (ctx.flags.json !== true) ctx.io.err(`${refusedWords(result.refused, ctx)}\n`);
        throw new HicareError(
          'REQUEST_REFUSED.cliKept',
          { count: result.refused.length },
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
      emit(ctx, { discarded: positionals[0] }, ctx.t('cli.request.discarded'));
      return;
    }
    case 'list': {
      const { values } = parse(rest, { state: { type: 'string' } });
      const c = client();
      await c.requests.flush().catch(() => undefined);
      const { requests } = await c.portal.call('listRequests', {
        query: values.state === undefined ? {} : { state: values.state as never },
      });
      emit(
        ctx,
        { requests },
        requests.length === 0 ? ctx.t('cli.request.none') : requests.map((r) => describeRequest(r, ctx.t)).join('\n'),
      );
      return;
    }
    case 'show': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      const c = client();
      const request = await c.portal.call('getRequest', { params: { id: await requestIdOf(c, positionals[0] ?? '') } });
      emit(
        ctx,
        { request },
        `${describeRequest(request, ctx.t)}\n  ${request.location}\n  ${request.faultDescription.split('\n').join('\n  ')}`,
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
      emit(ctx, { message }, ctx.t('cli.request.messageSent', { sentAt: message.at }));
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
        throw new UsageError('cli.usage.grantNeeds');
      const { address, account } = values;
      const c = client();
      const id = await requestIdOf(c, positionals[0] ?? '');
      const grant = await namingFlags(
        GRANT_FLAGS,
        () =>
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
        ctx.locale,
      );
      emit(
        ctx,
        { grant },
        [
          ctx.t('cli.request.grant', {
            id: grant.id,
            channel: grant.channel,
            account: grant.account ?? '',
            address: grant.address ?? '',
            scope: grant.scope,
            expiresAt: grant.expiresAt,
          }),
          ctx.t('cli.request.grantPassword', { password: grant.password }),
          ctx.t('cli.request.grantPasswordOnce'),
        ].join('\n'),
      );
      return;
    }
    case 'revoke': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      const grant = await client().portal.call('revokeGrant', { params: { id: positionals[0] ?? '' } });
      emit(ctx, { grant }, ctx.t('cli.request.revoked', { id: grant.id, revokedAt: grant.revokedAt ?? '' }));
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
        throw new UsageError('cli.usage.rejectNeedsReason');
      const body = sub === 'confirm' ? { action: 'confirm' as const } : { action: 'reject-solution' as const, reason };
      const c = client();
      const request = await c.portal.call('actOnRequest', {
        params: { id: await requestIdOf(c, positionals[0] ?? '') },
        body,
      });
      emit(ctx, { request }, describeRequest(request, ctx.t));
      return;
    }
    case 'survey': {
      const { values, positionals } = parse(
        rest,
        { rating: { type: 'string' }, comment: { type: 'string' } },
        { min: 1, max: 1 },
      );
      if (values.rating === undefined || !/^[1-5]$/.test(values.rating)) throw new UsageError('cli.usage.ratingRange');
      const c = client();
      const survey = await c.portal.call('answerSurvey', {
        params: { id: await requestIdOf(c, positionals[0] ?? '') },
        body: { rating: Number(values.rating), comment: values.comment ?? '' },
      });
      emit(ctx, { survey }, ctx.t('cli.request.surveyThanks'));
      return;
    }
    default:
      throw sub === undefined
        ? new UsageError('cli.usage.missingRequestCommand')
        : new UsageError('cli.usage.unknownRequestCommand', { command: sub });
  }
}
