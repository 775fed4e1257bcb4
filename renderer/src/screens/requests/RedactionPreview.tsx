/**
 * What redaction removed before anything leaves this desktop: the kind of secret, where it was, and a masked glimpse.
 * For text the customer typed, each finding also offers the choice to send it as typed (removed unless chosen).
 */
import type { z } from 'zod';
import type { RedactionSchema } from '../../../../shared/contracts/app-views.js';

type Redaction = z.infer<typeof RedactionSchema>;

const KIND_WORDS: Record<string, string> = {
  'private-key': 'Private key',
  'bearer-token': 'Bearer token',
  'api-key': 'API key',
  jwt: 'Signed token (JWT)',
  'cloud-key': 'Cloud access key',
  password: 'Password or secret',
  cookie: 'Cookie',
  'connection-string': 'Connection string',
  'url-credentials': 'Password in a URL',
};

/** `$.installFailure.log` reads as "installer log". */
export function whereWords(path: string): string {
  if (path.includes('installFailure.log')) return 'Installer log';
  if (path.includes('systemInfo')) return `System information (${path.split('.').pop() ?? ''})`;
  if (path.includes('operationRecords')) return 'Operation records';
  if (path.includes('faultDescription')) return 'Fault description';
  if (path.includes('message')) return 'Message';
  return path;
}

/** The customer's keep-or-remove choice per finding, by its position in the list. */
export interface RedactionChoice {
  isKept(index: number): boolean;
  toggle(index: number): void;
}

function Summary({ count, choice }: { count: number; choice: RedactionChoice | undefined }) {
  if (choice === undefined) {
    return (
      <p>
        <strong>{count === 1 ? '1 secret was removed' : `${count} secrets were removed`}</strong> before anything is
        sent. Each is replaced by a marker such as <code>[REDACTED password]</code>.
      </p>
    );
  }
  return (
    <p>
      <strong>
        {count === 1
          ? 'What you typed looks like it holds a secret'
          : `What you typed looks like it holds ${count} secrets`}
      </strong>
      . Each is replaced by a marker such as <code>[REDACTED password]</code> before sending, unless you choose to send
      it as typed.
    </p>
  );
}

export function RedactionPreview({
  redactions,
  choice,
  emptyText = 'No secrets were found in the diagnostics. Read them below before sending all the same.',
  testId = 'redaction-preview',
}: {
  redactions: readonly Redaction[];
  choice?: RedactionChoice;
  emptyText?: string;
  testId?: string;
}) {
  return (
    <div className="redactions" data-testid={testId}>
      {redactions.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <>
          <Summary count={redactions.length} choice={choice} />
          <table className="table">
            <caption className="visually-hidden">Secrets removed from the request</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Where</th>
                <th scope="col">Line</th>
                <th scope="col">{choice === undefined ? 'Removed (masked)' : 'Found (masked)'}</th>
                {choice !== undefined && <th scope="col">Send as typed</th>}
              </tr>
            </thead>
            <tbody>
              {redactions.map((r, i) => (
                <tr key={i}>
                  <td>{KIND_WORDS[r.kind] ?? r.kind}</td>
                  <td>{whereWords(r.path)}</td>
                  <td>{r.line}</td>
                  <td>
                    <code>{r.masked}</code>
                  </td>
                  {choice !== undefined && (
                    <td>
                      <label>
                        <input type="checkbox" checked={choice.isKept(i)} onChange={() => choice.toggle(i)} /> Send{' '}
                        <span className="visually-hidden">
                          the {(KIND_WORDS[r.kind] ?? r.kind).toLowerCase()} on line {r.line}
                        </span>{' '}
                        as typed
                      </label>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
