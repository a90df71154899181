import type { Page } from 'playwright-core';
import { articleSnippetAttribute } from './article-element';

export type ArticleBadge = { id: string; proof: string | null; excerpt: string };

/**
 * Each article snippet in page order: its id, its badge's proof id (the
 * badge at the snippet's end, or right after a link or a button, see
 * docs/protocol.md §10) and the start of its text.
 */
export function articleBadges(page: Page): Promise<ArticleBadge[]> {
  // No named functions inside: tsx (npm start) would wrap them in a helper the page does not have.
  return page.evaluate(
    (attribute) =>
      [...document.querySelectorAll<HTMLElement>(`[${attribute}]`)].map((snippet) => {
        const after = snippet.nextElementSibling?.localName === 'verity-badge' ? snippet.nextElementSibling : null;
        const badge = snippet.querySelector('verity-badge') ?? after;
        const excerpt = snippet.innerText.replace(/\s+/g, ' ').trim().slice(0, 120);
        return { id: snippet.getAttribute(attribute)!, proof: badge?.getAttribute('data-verity-proof') ?? null, excerpt };
      }),
    articleSnippetAttribute,
  );
}
