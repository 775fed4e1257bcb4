import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contracts/app-api.js';
import { TIER_NAMES, TIER_RIGHTS, TIERS } from '../../shared/domain/contract.js';
import { api } from './api.js';
import { ErrorNotice, type ShownError } from './ErrorNotice.js';
import { SettingsForm } from './SettingsForm.js';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, setError);
  }, []);

  return (
    <div className="shell">
      <header className="topbar">
        <h1>Hi-Care Update Manager</h1>
        {info !== null && (
          <span className="muted" data-testid="host-line">
            {info.version} · {info.host === 'electron' ? 'desktop' : 'browser'} · {info.platform}
          </span>
        )}
      </header>
      <main className="content">
        {error !== null && <ErrorNotice error={error} />}
        <section aria-labelledby="rights-heading" className="card">
          <h2 id="rights-heading">What each maintenance contract includes</h2>
          <table className="rights">
            <thead>
              <tr>
                <th scope="col">Right</th>
                {TIERS.map((t) => (
                  <th scope="col" key={t}>
                    {TIER_NAMES[t]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Software updates (bug fixes, maintenance releases)</th>
                {TIERS.map((t) => (
                  <td key={t}>{TIER_RIGHTS[t].updates ? 'Yes' : 'No'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Software upgrades (new major versions)</th>
                {TIERS.map((t) => (
                  <td key={t}>{TIER_RIGHTS[t].upgrades ? 'Yes' : 'No'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Technical Assistance Center</th>
                {TIERS.map((t) => (
                  <td key={t}>{TIER_RIGHTS[t].tac}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Online self-help</th>
                {TIERS.map((t) => (
                  <td key={t}>{TIER_RIGHTS[t].selfHelp}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
        <SettingsForm />
      </main>
    </div>
  );
}
