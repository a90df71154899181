import { displaySafe } from './display-safe';
import type { MarkdownLink } from './markdown';
import { wording } from './match';

/** A link or image the page shows inside a snippet: its text (an image's alt) and its `href` or `src` as written. */
export type ShownLink = MarkdownLink;

export type CheckShownLinksParameters = { signed: readonly MarkdownLink[]; shown: readonly ShownLink[] };

export type CheckShownLinksReturnType = { ok: true } | { ok: false; reason: string };

/**
 * Spec §4: every link and image target the page shows equals the one the
 * signed Markdown gives for the same text. Targets are compared as URLs
 * (resolved against one placeholder base, so relative ones compare as
 * written and renderers' percent-encoding does not count). A fragment-only
 * link that the Markdown does not have is a renderer's footnote link and is
 * passed over; any other link or image the Markdown does not have is not.
 */
export function checkShownLinks({ signed, shown }: CheckShownLinksParameters): CheckShownLinksReturnType {
  for (const link of shown) {
    const sameText = signed.filter((candidate) => candidate.kind === link.kind && wording(candidate.text) === wording(link.text));
    if (sameText.length === 0) {
      if (link.kind === 'link' && link.target.trim().startsWith('#')) continue;
      return { ok: false, reason: `The page ${describe(link)} that the signed text does not have.` };
    }
    const target = normalised(link.target);
    if (!sameText.some((candidate) => normalised(candidate.target) === target)) {
      return { ok: false, reason: `The page ${describe(link)}; the signed text points it to ${quoted(sameText[0]!.target)}.` };
    }
  }
  return { ok: true };
}

const placeholderBase = 'https://base.invalid/page';

function normalised(target: string): string {
  try {
    return new URL(target.trim(), placeholderBase).href;
  } catch {
    return target.trim();
  }
}

function describe(link: ShownLink): string {
  return link.kind === 'image'
    ? `shows an image ${quoted(link.text)} from ${quoted(link.target)}`
    : `links ${quoted(link.text)} to ${quoted(link.target)}`;
}

/** Both texts come from the page or the signer: shown display-safe (no bidi tricks, cut). */
function quoted(text: string): string {
  return `“${displaySafe(text, { maxLength: 120 })}”`;
}
