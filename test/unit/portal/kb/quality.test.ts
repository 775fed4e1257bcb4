/**
 * Search and assistant quality over the demo knowledge base: every question of the quality set
 * (test/fixtures/kb-questions.ts) goes through search and through the assistant; the hit rates are printed per
 * language and overall, and the article a person would want must be among the first three for at least 90%.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../../../portal/knowledge/index.js';
import { DEMO_ARTICLES } from '../../../../portal/demo/knowledge.js';
import { KB_QUESTIONS, KB_UNANSWERABLE, type KbQuestion } from '../../../fixtures/kb-questions.js';

const index = KnowledgeIndex.build({ articles: [...DEMO_ARTICLES], threads: [] });

interface Tally {
  asked: number;
  top1: number;
  top3: number;
}

function rates(rank: (q: KbQuestion) => string[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const q of KB_QUESTIONS) {
    const ids = rank(q);
    for (const group of [q.locale, 'all']) {
      const t = tallies.get(group) ?? { asked: 0, top1: 0, top3: 0 };
      t.asked++;
      if (ids[0] === q.want) t.top1++;
      if (ids.slice(0, 3).includes(q.want)) t.top3++;
      tallies.set(group, t);
    }
  }
  return tallies;
}

function report(name: string, tallies: Map<string, Tally>): void {
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  for (const [group, t] of tallies) {
    console.log(`${name} ${group}: ${t.asked} questions, top-1 ${pct(t.top1, t.asked)}, top-3 ${pct(t.top3, t.asked)}`);
  }
}

describe('the quality set', () => {
  it('is big enough in both languages, and every wanted article exists', () => {
    expect(KB_QUESTIONS.filter((q) => q.locale === 'en').length).toBeGreaterThanOrEqual(24);
    expect(KB_QUESTIONS.filter((q) => q.locale === 'zh-CN').length).toBeGreaterThanOrEqual(20);
    const known = new Set(DEMO_ARTICLES.map((a) => a.id));
    for (const q of KB_QUESTIONS) expect(known.has(q.want), q.want).toBe(true);
    // users' words, not the article's title
    const titles = new Map(DEMO_ARTICLES.map((a) => [a.id, a.title.toLowerCase()]));
    for (const q of KB_QUESTIONS) expect(q.question.toLowerCase()).not.toBe(titles.get(q.want));
  });

  it('search puts the wanted article in the top 3 for at least 90% of the questions', () => {
    const tallies = rates((q) => index.search({ q: q.question, limit: 10 }).hits.map((h) => h.id));
    report('search', tallies);
    for (const t of tallies.values()) expect(t.top3 / t.asked).toBeGreaterThanOrEqual(0.9);
  });

  it('the assistant quotes the wanted article among its first 3 sources for at least 90%, and answers them', () => {
    let answered = 0;
    const tallies = rates((q) => {
      const answer = index.ask({ question: q.question });
      if (answer.answered) answered++;
      return [...new Set(answer.passages.map((p) => p.id))];
    });
    report('ask', tallies);
    console.log(`ask: answered ${answered} of ${KB_QUESTIONS.length}`);
    for (const t of tallies.values()) expect(t.top3 / t.asked).toBeGreaterThanOrEqual(0.9);
    expect(answered / KB_QUESTIONS.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each(KB_UNANSWERABLE)('the assistant has no answer for "%s"', (question) => {
    expect(index.ask({ question }).answered).toBe(false);
  });
});
