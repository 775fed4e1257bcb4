/** An installer log: windowed (logs run to thousands of lines), following the newest line while the user stays at the end. */
import { VirtualList } from './VirtualList.js';

export interface LogViewLine {
  stream: string;
  text: string;
}

export function LogView({
  lines,
  label,
  testId,
  height = 280,
}: {
  lines: readonly LogViewLine[];
  label: string;
  testId?: string;
  height?: number;
}) {
  return (
    <div className="log" data-testid={testId}>
      <VirtualList
        items={lines}
        rowHeight={20}
        height={Math.min(height, Math.max(3, lines.length) * 20 + 2)}
        label={label}
        followEnd
        rowKey={(_, i) => String(i)}
        renderRow={(line) => (
          // A program's output, as it wrote it: not for a translator to touch.
          <code translate="no" className={line.stream === 'stderr' ? 'log-line log-err' : 'log-line'}>
            {line.text}
          </code>
        )}
      />
    </div>
  );
}

/** Splits a captured log into lines for LogView. */
export function linesOf(text: string, stream = 'stdout'): LogViewLine[] {
  return text.split(/\r?\n/).map((t) => ({ stream, text: t }));
}
