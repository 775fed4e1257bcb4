/** What each maintenance contract includes (the service description's table), the customer's own tier marked. */
import { TIER_NAMES, TIER_RIGHTS, TIERS, type Tier } from '../../../shared/domain/contract.js';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

export function RightsTable({ current }: { current?: Tier | undefined }) {
  const cell = (t: Tier) => (t === current ? 'current-tier' : undefined);
  return (
    <section aria-labelledby="rights-heading" className="card" data-testid="rights-table">
      <h2 id="rights-heading">What each maintenance contract includes</h2>
      <table className="rights">
        <thead>
          <tr>
            <th scope="col">Right</th>
            {TIERS.map((t) => (
              <th scope="col" key={t} className={cell(t)}>
                {TIER_NAMES[t]}
                {t === current && <span className="tag"> (yours)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Software updates (bug fixes, maintenance releases)</th>
            {TIERS.map((t) => (
              <td key={t} className={cell(t)}>
                {yesNo(TIER_RIGHTS[t].updates)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Software upgrades (new major versions)</th>
            {TIERS.map((t) => (
              <td key={t} className={cell(t)}>
                {yesNo(TIER_RIGHTS[t].upgrades)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Technical Assistance Center</th>
            {TIERS.map((t) => (
              <td key={t} className={cell(t)}>
                {TIER_RIGHTS[t].tac}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Online self-help</th>
            {TIERS.map((t) => (
              <td key={t} className={cell(t)}>
                {TIER_RIGHTS[t].selfHelp}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
