import type { Page } from 'playwright-core';
import { articleSnippetAttribute } from './article-element';

export type ArticleBadge = { id: string; proof: string | null; excerpt: string };

/**
 * Each article snippet in page order: its id, its badge's proof id (the
 * badge at the snippet's end, or right after a link or a button, see
 * docs/protocol.md §10) and the start of its text.
 */
export function articleBadges(page: Page): Promise<ArticleBadge[]> {
  return page.evaluate((attribute) => {
    const excerptOf = (element: Element) => ((element as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
    return [...document.querySelectorAll(`[${attribute}]`)].map((snippet) => {
      const after = snippet.nextElementSibling?.localName === 'verity-badge' ? snippet.nextElementSibling : null;
      const badge = snippet.querySelector('verity-badge') ?? after;
      return { id: snippet.getAttribute(attribute)!, proof: badge?.getAttribute('data-verity-proof') ?? null, excerpt: excerptOf(snippet) };
    });
  }, articleSnippetAttribute);
}
