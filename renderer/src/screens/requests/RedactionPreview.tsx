/** What redaction removed before anything leaves this desktop: the kind of secret, where it was, and a masked glimpse. */
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
  return path;
}

export function RedactionPreview({ redactions }: { redactions: readonly Redaction[] }) {
  return (
    <div className="redactions" data-testid="redaction-preview">
      {redactions.length === 0 ? (
        <p>No secrets were found in the diagnostics. Read them below before sending all the same.</p>
      ) : (
        <>
          <p>
            <strong>{redactions.length === 1 ? '1 secret was removed' : `${redactions.length} secrets were removed`}</strong> before anything is sent. Each is replaced by a
            marker such as <code>[REDACTED password]</code>.
          </p>
          <table className="table">
            <caption className="visually-hidden">Secrets removed from the request</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Where</th>
                <th scope="col">Line</th>
                <th scope="col">Removed (masked)</th>
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
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
