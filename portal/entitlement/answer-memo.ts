/**
 * Entitlement answers already written. A system's answer is the same for everyone who asks with the same query
 * while its inputs stay the same objects: the customer's contracts (contract-cache.ts), the product's signed catalog
 * (rebuilt when timestamp.json changes), its lifecycles and withdrawals (product-rules.ts), and what the portal
 * recorded of the system. Time also counts: contract periods and lifecycle dates begin and end on whole seconds, so
 * an answer holds for the second it was written in and is written again in the next.
 */
// An answer and its JSON text take some 15 kB for a product of a few hundred builds: a few tens of MB at most.
const ANSWERS_KEPT = 2_000;

interface Written<A> {
  second: number;
  inputs: readonly unknown[];
  answer: A;
}

export class AnswerMemo<A> {
  private readonly answers = new Map<string, Written<A>>();

  /** The answer written for `key` in this second from the very same `inputs`, else `write()`'s, kept. */
  async answer(key: string, at: Date, inputs: readonly unknown[], write: () => Promise<A>): Promise<A> {
    const second = Math.floor(at.getTime() / 1000);
    const known = this.answers.get(key);
    if (known !== undefined && known.second === second && sameInputs(known.inputs, inputs)) return known.answer;
    const answer = await write();
    if (this.answers.size >= ANSWERS_KEPT && !this.answers.has(key)) {
      // Maps keep insertion order: the first key is the oldest entry.
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, { second, inputs, answer });
    return answer;
  }

  clear(): void {
    this.answers.clear();
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
