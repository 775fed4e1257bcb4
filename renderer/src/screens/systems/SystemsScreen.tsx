/** The covered systems with their installed versions and what is offered for each; versions of remote equipment are entered here. */
import { useState } from 'react';
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RetryError } from '../../components/RetryError.js';
import { Pending, Section } from '../../components/Section.js';
import { formatDateTime, plural, productLabel } from '../../lib/format.js';
import { installedVersionWords } from '../../lib/installed-words.js';
import { hrefOf } from '../../lib/routes.js';
import { useResource } from '../../state/resource.js';
import { systemsResource, updatesResource } from '../../state/resources.js';
import { SetVersionForm } from './SetVersionForm.js';
import { sourceWords } from './words.js';

function offerSummary(r: ResolutionView | undefined, checking: boolean) {
  if (r === undefined) return <span className="muted">{checking ? 'Checking…' : '—'}</span>;
  const updates = r.updates.filter((c) => c.verdict.allowed).length;
  const upgrades = r.upgrades.filter((c) => c.verdict.allowed).length;
  const refused = r.updates.length + r.upgrades.length - updates - upgrades;
  // A version outside the catalog is never "up to date": the catalog only has nothing newer.
  if (updates + upgrades + refused === 0)
    return r.system.notInCatalog === true ? (
      <Badge tone="neutral">Not in the catalog</Badge>
    ) : (
      <Badge tone="ok">Up to date</Badge>
    );
  return (
    <span className="offer">
      {updates > 0 && <Badge tone="ok">{plural(updates, 'update')}</Badge>}{' '}
      {upgrades > 0 && <Badge tone="ok">{plural(upgrades, 'upgrade')}</Badge>}{' '}
      {refused > 0 && <Badge tone="neutral">{refused} not included</Badge>}
    </span>
  );
}

export function SystemsScreen() {
  const systems = useResource(systemsResource);
  const updates = useResource(updatesResource);
  const [editing, setEditing] = useState<string | null>(null);
  const bySerial = new Map((updates.data?.resolutions ?? []).map((r) => [r.system.serialNumber, r] as const));

  const actions = (
    <>
      <span className="muted small" role="status">
        {updates.loading
          ? 'Checking for updates…'
          : updates.data !== null
            ? `Checked ${formatDateTime(updates.data.checkedAt)}`
            : ''}
      </span>
      <button type="button" className="secondary" onClick={() => void updates.refresh()} disabled={updates.loading}>
        Check for updates
      </button>
    </>
  );

  return (
    <div className="screen" data-testid="systems-screen">
      <h2 className="screen-title">Systems &amp; updates</h2>
      <Section title="Covered systems" actions={actions} testId="systems">
        {systems.error !== null && (
          <RetryError error={systems.error} busy={systems.loading} onRetry={() => void systems.refresh()} />
        )}
        {updates.error !== null && <ErrorNotice error={updates.error} testId="updates-error" />}
        {systems.data === null && systems.error === null && <Pending what="your systems" />}
        {systems.data !== null && systems.data.length === 0 && <p>No system is covered by your contracts yet.</p>}
        {systems.data !== null && systems.data.length > 0 && (
          <table className="table" data-testid="systems-table">
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Location</th>
                <th scope="col">Installed version</th>
                <th scope="col">Releases</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {systems.data.map((s) => (
                <tr key={s.serialNumber} data-testid={`system-row-${s.serialNumber}`}>
                  <th scope="row">
                    <a href={hrefOf({ name: 'system', serialNumber: s.serialNumber })}>{productLabel(s.product)}</a>
                    <div className="muted small">{s.serialNumber}</div>
                  </th>
                  <td>{s.location}</td>
                  <td>
                    {editing === s.serialNumber ? (
                      <SetVersionForm system={s} onDone={() => setEditing(null)} />
                    ) : (
                      <>
                        <strong data-testid="installed-version">{installedVersionWords(s)}</strong>
                        <div className="muted small">{sourceWords(s.versionSource)}</div>
                      </>
                    )}
                  </td>
                  <td>{offerSummary(bySerial.get(s.serialNumber), updates.loading || updates.data === null)}</td>
                  <td>
                    <div className="row-actions">
                      <a className="button-link" href={hrefOf({ name: 'system', serialNumber: s.serialNumber })}>
                        Updates &amp; upgrades<span className="visually-hidden"> for {s.serialNumber}</span>
                      </a>
                      {editing !== s.serialNumber && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setEditing(s.serialNumber)}
                          aria-label={`Set version of ${s.serialNumber}`}
                        >
                          Set version
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
