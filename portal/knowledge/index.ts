/** The knowledge base's rules, for the portal's routes: the index (search, assistant, related), and known issues. */
export { articleVersionRange, matchKnownIssues, type KnownIssueQuery } from './match.js';
export { KnowledgeIndex, ANSWER_COVERAGE, type KbAskOptions, type KbSearchOptions } from './kb-index.js';
export { KnowledgeIndexCache } from './index-cache.js';
export { checkAskQuestion, checkSearchText, MAX_QUESTION_CHARS, MAX_SEARCH_CHARS } from './input.js';
