/** Text with the query's terms marked, drawn from the portal's runs: the hits are <mark>, everything is text. */
import type { Highlight } from '../../../shared/contracts/knowledge.js';

export function Highlighted({ runs }: { runs: Highlight }) {
  return <>{runs.map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}</>;
}

export const plainRuns = (runs: Highlight): string => runs.map((r) => r.text).join('');
