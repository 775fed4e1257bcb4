/**
 * Importing a bundle at a site without internet: the admin names the bundle file, sees it verified offline against
 * the root this machine already trusts (as of the statement's issue date, until its end), picks a system and a
 * package of the bundle and installs it — with the installer's live log and, when it fails, the same way to known
 * issues and a service request as an online install.
 */
import { useState } from 'react';
import type { BundleVerdictViewData } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field, fieldAttributes } from '../../components/FieldMessage.js';
import { LogView } from '../../components/LogView.js';
import { Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { productLabel } from '../../lib/format.js';
import { useAction } from '../../state/use-action.js';
import { isFullPath } from '../downloads/full-path.js';
import { FailurePanel } from '../install/FailurePanel.js';
import { BundleVerdict } from './BundleVerdict.js';
import { runBundleInstall, useBundleInstallRun } from './bundle-installs.js';

const FILE_FIELD = 'bundle-file';
const SYSTEM_FIELD = 'bundle-system';
const PACKAGE_FIELD = 'bundle-package';

export function ImportBundleScreen() {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [verdict, setVerdict] = useState<BundleVerdictViewData | null>(null);
  const verifying = useAction((path: string) => api.call('bundles.verify', { path }), {
    onDone: (found) => setVerdict(found),
  });

  function verify() {
    const text = typed.trim();
    const problem =
      text === '' ? t('app.bundles.import.needFile') : isFullPath(text) ? undefined : t('app.bundles.notFull');
    setFileProblem(problem);
    setVerdict(null);
    if (problem !== undefined) {
      document.getElementById(FILE_FIELD)?.focus();
      return;
    }
    void verifying.run(text);
  }

  return (
    <div className="screen" data-testid="bundle-import-screen">
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'downloads' })}>{t('app.bundles.import.breadcrumb')}</a> /{' '}
        {t('app.bundles.import.title')}
      </p>
      <h2 className="screen-title">{t('app.bundles.import.title')}</h2>
      <p className="muted">{t('app.bundles.import.intro')}</p>
      <Section title={t('app.bundles.import.fileHeading')} testId="bundle-file-section">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            verify();
          }}
        >
          <Field label={t('app.bundles.import.fileLabel')} fieldId={FILE_FIELD} problem={fileProblem}>
            <input
              type="text"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t('app.bundles.import.filePlaceholder', { example: '/media/usb/site-north.hicare' })}
              spellCheck={false}
              autoComplete="off"
              {...fieldAttributes(FILE_FIELD, fileProblem)}
            />
          </Field>
          <div className="buttons">
            <button type="submit" disabled={verifying.busy} data-testid="verify-bundle">
              {verifying.busy ? t('app.bundles.import.verifying') : t('app.bundles.import.verify')}
            </button>
          </div>
        </form>
        {verifying.error !== null && <ErrorNotice error={verifying.error} testId="bundle-error" />}
        {verdict !== null && <BundleVerdict verdict={verdict} />}
      </Section>
      {verdict !== null && <InstallFromBundle verdict={verdict} />}
    </div>
  );
}

function InstallFromBundle({ verdict }: { verdict: BundleVerdictViewData }) {
  const { t } = useT();
  const [serialNumber, setSerialNumber] = useState(verdict.serials.length === 1 ? (verdict.serials[0] ?? '') : '');
  const [targetName, setTargetName] = useState(
    verdict.packages.length === 1 ? (verdict.packages[0]?.target ?? '') : '',
  );
  const [problems, setProblems] = useState<{ system?: string | undefined; pkg?: string | undefined }>({});
  const run = useBundleInstallRun(verdict.file);
  const outcome = run?.outcome ?? null;

  function install() {
    const next = {
      system: serialNumber === '' ? t('app.bundles.import.needSystem') : undefined,
      pkg: targetName === '' ? t('app.bundles.import.needPackage') : undefined,
    };
    setProblems(next);
    if (next.system !== undefined) document.getElementById(SYSTEM_FIELD)?.focus();
    else if (next.pkg !== undefined) document.getElementById(PACKAGE_FIELD)?.focus();
    else void runBundleInstall(verdict.file, serialNumber, targetName);
  }

  return (
    <>
      <Section title={t('app.bundles.import.installHeading')} testId="bundle-install">
        <Field label={t('app.bundles.import.system')} fieldId={SYSTEM_FIELD} problem={problems.system}>
          <select
            value={serialNumber}
            onChange={(e) => setSerialNumber(e.target.value)}
            {...fieldAttributes(SYSTEM_FIELD, problems.system)}
          >
            <option value="">{t('app.bundles.import.chooseSystem')}</option>
            {verdict.serials.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('app.bundles.import.package')} fieldId={PACKAGE_FIELD} problem={problems.pkg}>
          <select
            value={targetName}
            onChange={(e) => setTargetName(e.target.value)}
            {...fieldAttributes(PACKAGE_FIELD, problems.pkg)}
          >
            <option value="">{t('app.bundles.import.choosePackage')}</option>
            {verdict.packages.map((p) => (
              <option key={p.target} value={p.target}>
                {productLabel(p.product)} {p.version} · {p.platform} · {p.fileName}
              </option>
            ))}
          </select>
        </Field>
        <div className="buttons">
          <button
            type="button"
            onClick={install}
            disabled={run?.state === 'running'}
            data-testid="bundle-install-button"
          >
            {run === undefined
              ? t('app.bundles.import.install')
              : run.state === 'running'
                ? t('app.bundles.import.installing')
                : t('app.bundles.import.tryAgain')}
          </button>
        </div>
      </Section>
      {run !== undefined && (
        <Section title={t('app.bundles.import.runHeading')} testId="install-run">
          <p role="status" aria-live="polite" data-testid="install-status">
            {run.state === 'running'
              ? t('app.install.runningStatus', { count: run.log.length })
              : outcome?.ok === true
                ? t('app.bundles.import.doneStatus', {
                    product: productLabel(outcome.product),
                    toVersion: outcome.toVersion,
                    serialNumber: run.serialNumber,
                    detectedVersion: outcome.detectedVersion,
                  })
                : run.error === null
                  ? t('app.install.failedStatus')
                  : ''}
          </p>
          {run.log.length > 0 && <LogView lines={run.log} label={t('app.install.liveLog')} testId="install-log" />}
          {run.error !== null && <ErrorNotice error={run.error} testId="bundle-install-error" />}
          {outcome?.ok === true && (
            <div className="notice notice-ok" data-testid="install-success">
              <a href={hrefOf({ name: 'system', serialNumber: run.serialNumber })}>{t('app.install.backToSystem')}</a>
            </div>
          )}
          {outcome?.ok === false && <FailurePanel outcome={outcome} liveLogShown={run.log.length > 0} />}
        </Section>
      )}
    </>
  );
}
