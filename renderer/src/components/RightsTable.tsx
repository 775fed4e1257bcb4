/** What each maintenance contract includes (the service description's table), the customer's own tier marked. */
import { TIER_RIGHTS, TIERS, tierName, type Tier } from '../../../shared/domain/contract.js';
import { useT } from '../i18n/index.js';

export function RightsTable({ current }: { current?: Tier | undefined }) {
  const { t, locale } = useT();
  const cell = (tier: Tier) => (tier === current ? 'current-tier' : undefined);
  const yesNo = (v: boolean) => t(v ? 'app.systems.rights.yes' : 'app.systems.rights.no');
  // Every tier's TAC and self-help are around the clock; the table says so in the reader's words.
  const allDay = (v: '24x7') => (v === '24x7' ? t('app.systems.rights.allDay') : v);
  const rows: [string, (tier: Tier) => string][] = [
    [t('app.systems.rights.updates'), (tier) => yesNo(TIER_RIGHTS[tier].updates)],
    [t('app.systems.rights.upgrades'), (tier) => yesNo(TIER_RIGHTS[tier].upgrades)],
    [t('app.systems.rights.tac'), (tier) => allDay(TIER_RIGHTS[tier].tac)],
    [t('app.systems.rights.selfHelp'), (tier) => allDay(TIER_RIGHTS[tier].selfHelp)],
  ];
  return (
    <section aria-labelledby="rights-heading" className="card" data-testid="rights-table">
      <h2 id="rights-heading">{t('app.systems.rights.heading')}</h2>
      <table className="rights">
        <thead>
          <tr>
            <th scope="col">{t('app.systems.rights.right')}</th>
            {TIERS.map((tier) => (
              <th scope="col" key={tier} className={cell(tier)}>
                {tierName(tier, locale)}
                {tier === current && <span className="tag"> {t('app.systems.rights.yours')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {TIERS.map((tier) => (
                <td key={tier} className={cell(tier)}>
                  {value(tier)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
