/** An upgrade path drawn as steps: installed → each hop → target, the installed and target versions marked. */
import type { PathView } from '../lib/upgrade-path.js';

export function UpgradePathView({ path, product, testId }: { path: PathView; product: string; testId?: string }) {
  if (!path.ok) {
    return (
      <div className="path path-blocked" data-testid={testId}>
        <strong>No upgrade path:</strong> {path.message} <span className="muted">{path.remedy}</span>
      </div>
    );
  }
  const last = path.steps.length - 1;
  const hops = Math.max(0, last);
  return (
    <figure className="path" data-testid={testId}>
      <figcaption className="visually-hidden">
        Upgrade path for {product}: {path.steps.join(' then ')}
      </figcaption>
      <ol className="path-steps" aria-label={`Upgrade path, ${hops} ${hops === 1 ? 'step' : 'steps'}`}>
        {path.steps.map((v, i) => (
          <li
            key={`${v}-${i}`}
            className={i === 0 ? 'step step-installed' : i === last ? 'step step-target' : 'step step-hop'}
          >
            <span className="step-version">{v}</span>
            <span className="step-role">{i === 0 ? 'installed' : i === last ? 'target' : `step ${i}`}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
