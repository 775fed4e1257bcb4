/**
 * An article or a post, drawn from the safe tree of shared/markdown with React elements only: the author's text is
 * always text. External links open outside the app without telling the site where they came from; a section link
 * scrolls this page; an image waits for the reader to choose to load it.
 */
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { imageSource, parseMarkdown, type Block, type Inline } from '../../../shared/markdown/index.js';
import { useT } from '../i18n/index.js';
import '../selfhelp/selfhelp.css';

/** Scrolls to a heading of the shown article, keeping the app's own address (the hash names the screen). */
export function scrollToSection(slug: string): boolean {
  const target = document.getElementById(slug);
  if (target === null) return false;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

function onSectionClick(e: MouseEvent<HTMLAnchorElement>, slug: string) {
  if (scrollToSection(slug)) e.preventDefault();
}

/** The placeholder of an image: where it is from, and a button that loads it. */
function ConsentImage({ src, alt }: { src: string; alt: string }) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  const host = imageSource(src)?.host ?? '';
  if (shown) return <img src={src} alt={alt} className="md-image" referrerPolicy="no-referrer" />;
  return (
    <span className="md-image-placeholder" data-testid="md-image-placeholder">
      {t('app.selfhelp.markdown.imageFrom', { host })}
      {alt !== '' && <span className="muted"> ({alt})</span>}{' '}
      <button type="button" className="link-button" onClick={() => setShown(true)}>
        {t('app.selfhelp.markdown.showImage')}
      </button>
    </span>
  );
}

function inlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'em':
        return <em key={i}>{inlines(n.children)}</em>;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'break':
        return <br key={i} />;
      case 'image':
        return <ConsentImage key={i} src={n.src} alt={n.alt} />;
      case 'link':
        if (n.external)
          return (
            <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
              {inlines(n.children)}
            </a>
          );
        if (n.href.startsWith('#/'))
          return (
            <a key={i} href={n.href}>
              {inlines(n.children)}
            </a>
          );
        return (
          <a key={i} href={n.href} onClick={(e) => onSectionClick(e, decodeURIComponent(n.href.slice(1)))}>
            {inlines(n.children)}
          </a>
        );
    }
  });
}

function Heading({ level, id, children }: { level: number; id: string; children: ReactNode }) {
  // The article's title is the page's heading; its own headings sit below it.
  const Tag = `h${Math.min(6, level + 2)}` as 'h3';
  return (
    <Tag id={id} tabIndex={-1}>
      {children}
    </Tag>
  );
}

function blocks(list: readonly Block[]): ReactNode[] {
  return list.map((b, i) => {
    switch (b.type) {
      case 'heading':
        return (
          <Heading key={i} level={b.level} id={b.slug}>
            {inlines(b.children)}
          </Heading>
        );
      case 'paragraph':
        return <p key={i}>{inlines(b.children)}</p>;
      case 'code':
        return (
          <pre key={i} className="md-code">
            <code>{b.text}</code>
          </pre>
        );
      case 'hr':
        return <hr key={i} />;
      case 'blockquote':
        return <blockquote key={i}>{blocks(b.children)}</blockquote>;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item)}</li>);
        return b.ordered ? (
          <ol key={i} start={b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case 'table':
        return (
          <table key={i} className="md-table">
            <thead>
              <tr>
                {b.head.map((cell, j) => (
                  <th key={j} scope="col">
                    {inlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, j) => (
                <tr key={j}>
                  {row.map((cell, k) => (
                    <td key={k}>{inlines(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
    }
  });
}

export function Markdown({ source, testId }: { source: string; testId?: string }) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown" data-testid={testId ?? 'markdown'}>
      {blocks(tree)}
    </div>
  );
}
