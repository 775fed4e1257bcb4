/** A short coloured label (status, verdict, source); the colour repeats the words, it never replaces them. */
import type { ReactNode } from 'react';
import type { Tone } from '../lib/verdict-words.js';

export function Badge({ tone, children, testId }: { tone: Tone | 'neutral'; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
