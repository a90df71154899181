import { coverAt, coverScrollsAway } from './cover-check';
import { opacityOf, type OpacityMemo } from './drawn-opacity';
import type { OutOfReach } from './see-through';
/**
 * How a page keeps a reader from seeing a badge that is in it; or
 * `pinned-cover`, covered by a fixed or sticky element on a page that
 * scrolls, which hides it only if it still covers once the reader has
 * scrolled (a cover that follows the badge), not a bar or a chat button
 * the badge happens to pass under (page-integrity.ts looks again).
 */
export type BadgeHiding = 'hidden' | 'faded' | 'covered' | 'pinned-cover';

/** A badge drawn at less than this share of its snippet's opacity is faded out. */
const fadedShare = 0.5;

const visibilityOptions = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true } as const;

export type BadgeHidingOfParameters = {
  host: Element;
  /** The snippet the badge is about: what the page does to both is the page's own look, not hiding the badge. */
  snippet: Element;
  view: Window;
  /** Verity's own elements (the card over a badge covers nothing). */
  isOwn: (element: Element) => boolean;
  /** Opacities already worked out in this pass: badges and snippets share most of their ancestors. */
  opacities?: OpacityMemo;
  /** Asked while every box is hit-testable (see-through.ts): the elements still out of reach. */
  unseen?: readonly OutOfReach[];
};

/**
 * Whether the page keeps a placed badge from being seen while its snippet
 * shows: hidden (`display: none`, `visibility`, `content-visibility` or
 * `opacity: 0` on an ancestor the snippet does not share), faded out by an
 * ancestor's opacity, or covered by something drawn over its middle. The
 * host's own styles are Verity's (`all: initial !important` from inside
 * the shadow root): only ancestors and neighbours can do it. Covers are
 * hit-tested only in the viewport; one that is fixed or sticky on a page
 * that scrolls is only a `pinned-cover` (the reader scrolls the badge out
 * from under a bar). What draws nothing over it hides nothing (coverAt).
 */
export function badgeHidingOf({ host, snippet, view, isOwn, opacities = new Map(), unseen = [] }: BadgeHidingOfParameters): BadgeHiding | undefined {
  if (!host.isConnected) return undefined;
  if (host.checkVisibility?.(visibilityOptions) === false && snippet.checkVisibility?.(visibilityOptions) !== false) return 'hidden';
  const shown = opacityOf(host, view, opacities);
  if (shown < fadedShare && shown < fadedShare * opacityOf(snippet, view, opacities)) return 'faded';
  return coveredAt(host, view, isOwn, unseen);
}

function coveredAt(host: Element, view: Window, isOwn: (element: Element) => boolean, unseen: readonly OutOfReach[]): 'covered' | 'pinned-cover' | undefined {
  const { left, top, width, height } = host.getBoundingClientRect();
  const x = left + width / 2;
  const y = top + height / 2;
  if (width < 1 || height < 1 || x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return undefined;
  const cover = coverAt({ holder: host, x, y, view, isOwn: (element) => element !== host && isOwn(element), unseen });
  if (cover === undefined) return undefined;
  return coverScrollsAway(cover, view, host) ? 'pinned-cover' : 'covered';
}

