/**
 * The best k of a stream of scored items, without sorting them all: a query over a large corpus touches tens of
 * thousands of sections but shows twenty, and sorting every match was most of a search's time in the bench.
 */
export class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];

  constructor(
    private readonly k: number,
    /** Breaks ties between equal scores: negative when `a` goes first. */
    private readonly tie: (a: number, b: number) => number,
  ) {}

  private before(score: number, id: number, at: number): boolean {
    const other = this.scores[at]!;
    return score > other || (score === other && this.tie(id, this.ids[at]!) < 0);
  }

  offer(id: number, score: number): void {
    if (this.k === 0) return;
    const n = this.ids.length;
    if (n === this.k && !this.before(score, id, n - 1)) return;
    // insertion into a short sorted list: most offers stop at the check above
    let at = n === this.k ? n - 1 : n;
    while (at > 0 && this.before(score, id, at - 1)) at--;
    this.ids.splice(at, 0, id);
    this.scores.splice(at, 0, score);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
    }
  }
}
