/**
 * Secrets in what the customer types (a fault description, a message), found by the same rules as the diagnostics:
 * listed for the preview, each removed from what is sent unless the customer chooses to keep it. The values stay in
 * this form's state; only the masked glimpse is shown.
 */
import { useMemo, useState } from 'react';
import { findSecrets, redact } from '../../../../shared/domain/redact.js';
import type { RedactionChoice } from './RedactionPreview.js';

export function useTypedSecrets(text: string, path: string) {
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const findings = useMemo(() => findSecrets(text), [text]);
  const sent = useMemo(() => redact(text, (f) => kept.has(f.secret)).text, [text, kept]);
  const choice: RedactionChoice = {
    isKept: (i) => kept.has(findings[i]?.secret ?? ''),
    toggle: (i) => {
      const secret = findings[i]?.secret;
      if (secret === undefined) return;
      setKept((before) => {
        const next = new Set(before);
        if (next.has(secret)) next.delete(secret);
        else next.add(secret);
        return next;
      });
    },
  };
  const redactions = findings.map(({ kind, line, masked }) => ({ kind, line, masked, path }));
  return { redactions, choice, sent };
}
