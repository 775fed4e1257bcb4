/** Markdown as a tree of safe nodes, for the app's reader and the terminal. */
export { parseMarkdown } from './parse.js';
export { imageSource, linkTarget, type LinkTarget } from './links.js';
export { slugify, slugger } from './slug.js';
export { plainText, type Block, type Inline } from './tree.js';
export { toTerminalText } from './terminal.js';
