/** Markdown as a tree of safe nodes, for the app's reader and the terminal. */
export { parseMarkdown } from './parse.js';
export { imageSource, linkTarget, type LinkTarget } from './links.js';
export { headingSlug as slugify, headingSlugger as slugger } from '../domain/heading-anchor.js';
export { plainText, type Block, type Inline } from './tree.js';
export { toTerminalText } from './terminal.js';
