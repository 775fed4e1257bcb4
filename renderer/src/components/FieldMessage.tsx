/**
 * A field's own problem, shown right under it. The field is marked aria-invalid and names the message in its
 * aria-describedby, so a screen reader reads the problem with the field; the message says what to enter instead.
 * Forms check what they can before calling (nothing is sent while a field is wrong); the host checks again.
 */
import type { ReactNode } from 'react';
import { translator } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';

/** Each field of a form and what is wrong with it; a field with no entry is fine. */
export type Problems<F extends string> = { [K in F]?: string | undefined };

export const problemIdOf = (fieldId: string): string => `${fieldId}-problem`;

/** A field's id, its invalid state and what describes it: its problem first (when it has one), then its hints. */
export function fieldAttributes(
  fieldId: string,
  problem: string | undefined,
  ...hintIds: readonly (string | undefined)[]
) {
  const described = [problem === undefined ? undefined : problemIdOf(fieldId), ...hintIds].filter(
    (id): id is string => id !== undefined,
  );
  return {
    id: fieldId,
    'aria-invalid': problem === undefined ? undefined : true,
    'aria-describedby': described.length === 0 ? undefined : described.join(' '),
  };
}

/** A labelled field with its problem under it: the one layout every form's field shares. */
export function Field({
  label,
  fieldId,
  problem,
  children,
}: {
  label: string;
  fieldId: string;
  problem: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="block-label">
        {label}
        {children}
      </label>
      <FieldMessage fieldId={fieldId} problem={problem} />
    </div>
  );
}

export function FieldMessage({ fieldId, problem }: { fieldId: string; problem: string | undefined }) {
  if (problem === undefined) return null;
  return (
    <span id={problemIdOf(fieldId)} className="field-problem" data-testid="field-problem">
      {problem}
    </span>
  );
}

/**
 * What is wrong with typed text, in words: empty when it is required, or longer than the contract allows (counted
 * as the host counts it: after trimming, unless the field is sent as typed). `what` names the field in the reader's
 * language ("the comment", "备注"), as it reads inside a sentence.
 */
export function textProblem(
  value: string,
  rule: { what: string; max: number; required?: boolean; trimmed?: boolean },
): string | undefined {
  const locale = currentLocale();
  const t = translator(locale);
  const sent = rule.trimmed === false ? value : value.trim();
  if (value.trim() === '')
    return rule.required === true ? t('app.shell.field.required', { what: rule.what }) : undefined;
  if (sent.length > rule.max) {
    // The sentence starts with the field's name; scripts without capitals are left as they are.
    const what = rule.what.charAt(0).toLocaleUpperCase(locale) + rule.what.slice(1);
    return t('app.shell.field.tooLong', { what, max: rule.max, count: sent.length });
  }
  return undefined;
}

/** Moves the keyboard to the first field (in `order`) that needs correcting, which also scrolls it into view. */
export function focusFirstProblem<F extends string>(
  order: readonly F[],
  problems: Problems<F>,
  idOf: (field: F) => string,
): void {
  const first = order.find((f) => problems[f] !== undefined);
  if (first !== undefined) document.getElementById(idOf(first))?.focus();
}

export const hasProblems = <F extends string>(problems: Problems<F>): boolean =>
  Object.values(problems).some((p) => p !== undefined);
