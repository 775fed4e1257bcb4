/**
 * Every benchmark states its goals (DESIGN.md §8) through `recordGoal`, beside its own detailed figures, so that
 * `npm run bench` can end with one table: each figure, its goal, and whether this run met it. A figure is kept with
 * the load average it ran at, because on two cores a busy machine moves every ratio.
 */
import { loadavg } from 'node:os';

export interface GoalFigure {
  /** The benchmark group (`download`, `portal`, …). */
  group: string;
  /** What was measured, in a reader's words: "package route CPU ÷ plain Node file server". */
  figure: string;
  value: number;
  unit: string;
  /** The goal as printed: "≥ 0.6", "< 25 ms". */
  goal: string;
  met: boolean;
  loadAverage: number;
}

const figures: GoalFigure[] = [];

type Comparison = '>=' | '<=' | '<';

/** Records one figure against its goal and returns whether it was met. */
export function recordGoal(
  group: string,
  figure: string,
  value: number,
  unit: string,
  comparison: Comparison,
  goal: number,
): boolean {
  const met = comparison === '>=' ? value >= goal : comparison === '<=' ? value <= goal : value < goal;
  const sign = comparison === '>=' ? '≥' : comparison === '<=' ? '≤' : '<';
  figures.push({
    group,
    figure,
    value,
    unit,
    goal: `${sign} ${goal}${unit === '×' ? '×' : ` ${unit}`}`,
    met,
    loadAverage: loadavg()[0]!,
  });
  return met;
}

export function recordedGoals(): readonly GoalFigure[] {
  return figures;
}

function shown(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The closing table of `npm run bench`. */
export function goalSummary(): string {
  if (figures.length === 0) return 'No goals were measured.';
  const rows = figures.map((f) => [
    f.group,
    f.figure,
    `${shown(f.value)}${f.unit === '×' ? '×' : ` ${f.unit}`}`,
    f.goal,
    f.met ? 'met' : 'MISSED',
    f.loadAverage.toFixed(2),
  ]);
  const header = ['group', 'figure', 'measured', 'goal', '', 'load'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const met = figures.filter((f) => f.met).length;
  return [line(header), ...rows.map(line), `${met} of ${figures.length} goals met.`].join('\n');
}
