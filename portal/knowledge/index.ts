/** The knowledge base's rules, for the portal's routes: known issues for a failure, and self-help search. */
export { articleVersionRange, matchKnownIssues, type KnownIssueQuery } from './match.js';
export { searchArticles, type ArticleSearchQuery } from './search.js';
