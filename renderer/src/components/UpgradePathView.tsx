/** An upgrade path drawn as steps: installed → each hop → target, the installed and target versions marked. */
import { localizeProblem } from '../../../shared/i18n/problem.js';
import { useT } from '../i18n/index.js';
import type { PathView } from '../lib/upgrade-path.js';

export function UpgradePathView({ path, product, testId }: { path: PathView; product: string; testId?: string }) {
  const { t, locale } = useT();
  if (!path.ok) {
    const problem = localizeProblem(locale, { code: 'NO_UPGRADE_PATH', ...path });
    return (
      <div className="path path-blocked" data-testid={testId}>
        <strong>{t('app.systems.path.none')}</strong> {problem.message} <span className="muted">{problem.remedy}</span>
      </div>
    );
  }
  const last = path.steps.length - 1;
  const hops = Math.max(0, last);
  return (
    <figure className="path" data-testid={testId}>
      <figcaption className="visually-hidden">
        {t('app.systems.path.caption', { product, steps: path.steps.join(t('app.systems.path.then')) })}
      </figcaption>
      <ol className="path-steps" aria-label={t('app.systems.path.label', { count: hops })}>
        {path.steps.map((v, i) => (
          <li
            key={`${v}-${i}`}
            className={i === 0 ? 'step step-installed' : i === last ? 'step step-target' : 'step step-hop'}
          >
            <span className="step-version">{v}</span>
            <span className="step-role">
              {i === 0
                ? t('app.systems.path.installed')
                : i === last
                  ? t('app.systems.path.target')
                  : t('app.systems.path.step', { n: i })}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
