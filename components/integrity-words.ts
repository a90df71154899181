import type { PageIntegrity } from '../messaging/messages';

/**
 * What the popup and the toolbar say of a page that works against Verity's
 * display, in a reader's words: what the page did, and what to rely on
 * instead. Technical detail (which badge, how) stays out.
 */
export function integrityWarnings({ badgesKeptOff, badgesHidden, cardHidden, lookAlikes }: PageIntegrity): string[] {
  const warnings: string[] = [];
  if (badgesKeptOff > 0 || badgesHidden > 0 || cardHidden) {
    warnings.push('This page keeps hiding Verity’s badges — what Verity found is listed here; trust this list, not what the page shows.');
  }
  if (lookAlikes > 0) {
    warnings.push(`The page drew ${lookAlikes === 1 ? 'a badge that is' : `${lookAlikes} badges that are`} not Verity’s — only badges with your personal mark are Verity’s.`);
  }
  return warnings;
}

/** The toolbar button's tooltip for such a page; null for a page that did nothing against Verity. */
export function integrityTitle(integrity: PageIntegrity | null): string | null {
  if (integrity === null) return null;
  const hides = integrity.badgesKeptOff > 0 || integrity.badgesHidden > 0 || integrity.cardHidden;
  return `Verity — ${hides ? 'this page hides Verity’s badges' : 'this page draws badges that are not Verity’s'}. Open Verity to see what it found.`;
}
