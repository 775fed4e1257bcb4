/** The covered systems with their installed versions and what is offered for each; versions of remote equipment are entered here. */
import { useState } from 'react';
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RetryError } from '../../components/RetryError.js';
import { Pending, Section } from '../../components/Section.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { productLabel } from '../../lib/format.js';
import { installedVersionWords } from '../../lib/installed-words.js';
import { hrefOf } from '../../lib/routes.js';
import { useResource } from '../../state/resource.js';
import { systemsResource, updatesResource } from '../../state/resources.js';
import { SetVersionForm } from './SetVersionForm.js';
import { sourceWords } from './words.js';

function offerSummary(r: ResolutionView | undefined, checking: boolean, t: Translate) {
  if (r === undefined) return <span className="muted">{checking ? t('app.systems.list.offerChecking') : '—'}</span>;
  const updates = r.updates.filter((c) => c.verdict.allowed).length;
  const upgrades = r.upgrades.filter((c) => c.verdict.allowed).length;
  const refused = r.updates.length + r.upgrades.length - updates - upgrades;
  // A version outside the catalog is never "up to date": the catalog only has nothing newer.
  if (updates + upgrades + refused === 0)
    return r.system.notInCatalog === true ? (
      <Badge tone="neutral">{t('app.systems.list.notInCatalog')}</Badge>
    ) : (
      <Badge tone="ok">{t('app.systems.list.upToDate')}</Badge>
    );
  return (
    <span className="offer">
      {updates > 0 && <Badge tone="ok">{t('app.systems.list.updates', { count: updates })}</Badge>}{' '}
      {upgrades > 0 && <Badge tone="ok">{t('app.systems.list.upgrades', { count: upgrades })}</Badge>}{' '}
      {refused > 0 && <Badge tone="neutral">{t('app.systems.list.notIncluded', { count: refused })}</Badge>}
    </span>
  );
}

export function SystemsScreen() {
  const { t } = useT();
  const systems = useResource(systemsResource);
  const updates = useResource(updatesResource);
  const [editing, setEditing] = useState<string | null>(null);
  const bySerial = new Map((updates.data?.resolutions ?? []).map((r) => [r.system.serialNumber, r] as const));

  const actions = (
    <>
      <span className="muted small" role="status">
        {updates.loading
          ? t('app.systems.list.checking')
          : updates.data !== null
            ? t('app.systems.list.checkedAt', { checkedAt: updates.data.checkedAt })
            : ''}
      </span>
      <button type="button" className="secondary" onClick={() => void updates.refresh()} disabled={updates.loading}>
        {t('app.systems.list.check')}
      </button>
    </>
  );

  return (
    <div className="screen" data-testid="systems-screen">
      <h2 className="screen-title">{t('app.systems.title')}</h2>
      <Section title={t('app.systems.list.title')} actions={actions} testId="systems">
        {systems.error !== null && (
          <RetryError error={systems.error} busy={systems.loading} onRetry={() => void systems.refresh()} />
        )}
        {updates.error !== null && <ErrorNotice error={updates.error} testId="updates-error" />}
        {systems.data === null && systems.error === null && <Pending what={t('app.systems.loading.systems')} />}
        {systems.data !== null && systems.data.length === 0 && <p>{t('app.systems.list.none')}</p>}
        {systems.data !== null && systems.data.length > 0 && (
          <table className="table" data-testid="systems-table">
            <thead>
              <tr>
                <th scope="col">{t('app.systems.list.system')}</th>
                <th scope="col">{t('app.systems.list.location')}</th>
                <th scope="col">{t('app.systems.list.installedVersion')}</th>
                <th scope="col">{t('app.systems.list.releases')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('app.systems.list.actions')}</span>
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
                        <div className="muted small">{sourceWords(s.versionSource, t)}</div>
                      </>
                    )}
                  </td>
                  <td>{offerSummary(bySerial.get(s.serialNumber), updates.loading || updates.data === null, t)}</td>
                  <td>
                    <div className="row-actions">
                      <a
                        className="button-link"
                        href={hrefOf({ name: 'system', serialNumber: s.serialNumber })}
                        aria-label={t('app.systems.list.openLabel', { serialNumber: s.serialNumber })}
                      >
                        {t('app.systems.list.open')}
                      </a>
                      {editing !== s.serialNumber && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setEditing(s.serialNumber)}
                          aria-label={t('app.systems.list.setVersionLabel', { serialNumber: s.serialNumber })}
                        >
                          {t('app.systems.list.setVersion')}
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
