import type { TextWalkLens } from '../../lib/text/canonical';
import { removeTokens } from '../../lib/text/tokens';
import { createDoubtReader } from './doubt-reader';
import type { AroundFrame } from './outer-frames';
import { isOwnNode } from './own-nodes';
import type { LookThrough } from './see-through';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import {
  boundsOf,
  generatedContentText,
  hasNoArea,
  isOffPage,
  masksGlyphs,
  paintsTextWithBackground,
  subtreeHidingOf,
  textHidingsOf,
  type PageExtent,
} from './rendering-rules';

/** Code units of a text node measured for where it is drawn: a megabyte of text would take a while. */
const measuredText = 4_096;

/** The walk's lens, and what it could not confirm of what it let through. */
export type CssLens = TextWalkLens & { readonly doubts: ReadonlySet<RenderingDoubt>; readonly around?: AroundFrame | undefined; readonly coverUntested?: boolean };

/**
 * Where a snippet is drawn: its own box, or, for a snippet element with no
 * box of its own (`display: contents`), the bounds of what it holds, so a
 * page cannot turn every geometric check off by unboxing the snippet.
 * Undefined when nothing of it is laid out (not displayed).
 */
function snippetBoxOf(root: Element, range: Range): DOMRect | undefined {
  if (root.getClientRects().length > 0) return root.getBoundingClientRect();
  range.selectNodeContents(root);
  return range.getClientRects().length > 0 ? range.getBoundingClientRect() : undefined;
}

export type CssLensOptions = {
  /** Hit-test boxes with `pointer-events: none` too, at a cost (cover-check.ts): where something may be drawn over the snippet unseen. */
  seeThrough?: boolean;
  /** The look through every box held across this task's readings, if any (see-through.ts). */
  look?: LookThrough;
};

/**
 * What a reader sees of one snippet, read from the live page (computed
 * styles, boxes, `checkVisibility`, hit tests). Hiding is judged inside
 * the snippet: what the page does to the snippet as a whole (a closed tab
 * panel, a collapsed section, a fade on the block) hides its badge too and
 * misleads nobody, so only what hides part of it counts. That is why the
 * root is never asked about, why properties the root inherits are
 * discounted, why geometry is judged only when the root is laid out at
 * all, and text off the page only when the root is on it. What is drawn
 * but not under styles Verity understands is collected as doubts
 * (doubt-reader.ts), the snippet's ancestors included.
 *
 * Make a new lens for each reading: it caches styles, and the page moves.
 */
export function createCssLens(root: Element, { seeThrough, look }: CssLensOptions = {}): CssLens {
  const view = root.ownerDocument.defaultView;
  if (view === null) return { hidesSubtree: () => false, showsText: () => true, generatedText: () => '', doubts: new Set() };

  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element): CSSStyleDeclaration => {
    let style = styles.get(element);
    if (style === undefined) {
      style = view.getComputedStyle(element);
      styles.set(element, style);
    }
    return style;
  };
  const range = root.ownerDocument.createRange();
  const rootBox = snippetBoxOf(root, range);
  const laidOut = rootBox !== undefined;
  const { documentElement } = root.ownerDocument;
  const page: PageExtent = { scrollX: view.scrollX, scrollY: view.scrollY, width: documentElement.scrollWidth, height: documentElement.scrollHeight };
  const offPageCounts = laidOut && !isOffPage(rootBox, page);
  const reader = createDoubtReader({ root, view, styleOf, rootBox, page, offPageCounts, isOwn: isOwnNode, seeThrough, look });

  // Text hiding the whole snippet shares is the page hiding the snippet, not part of it.
  const hidingsOf = (style: CSSStyleDeclaration): Set<string> => {
    const reasons: Set<string> = textHidingsOf(style);
    if (masksGlyphs(style.getPropertyValue('-webkit-text-security'))) reasons.add('text-security');
    return reasons;
  };
  const shared = hidingsOf(styleOf(root));
  const hidesText = new Map<Element, boolean>();
  const textHiddenIn = (element: Element, style: CSSStyleDeclaration): boolean => {
    const reasons = hidingsOf(style);
    for (const reason of shared) reasons.delete(reason);
    if (reasons.has('transparent') && paintedByBackground(element)) reasons.delete('transparent');
    return reasons.size > 0;
  };
  const paintedByBackground = (element: Element): boolean => {
    for (let current: Element | null = element; current !== null; current = current.parentElement) {
      if (paintsTextWithBackground(styleOf(current))) return true;
      if (current === root) break;
    }
    return false;
  };

  return {
    hidesSubtree(element) {
      const style = styleOf(element);
      if (style.display === 'contents') return false;
      // No box while the root has one: not displayed, or in a closed <details>, or under content-visibility: hidden.
      if (laidOut && !element.checkVisibility()) return true;
      if (subtreeHidingOf(style) !== undefined) return true;
      // Its box matters only to a box that clips: measure no other (each measure costs, and snippets can be deep).
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clipPath !== 'none';
      if (laidOut && clips && subtreeHidingOf(style, element.getBoundingClientRect()) !== undefined) return true;
      reader.element(element);
      return false;
    },
    showsText(node) {
      if (!/\S/.test(node.data)) return true;
      const parent = node.parentElement;
      if (parent === null) return false;
      // Text right inside a closed <details> goes to a slot that is not drawn; only its summary shows.
      if (parent.localName === 'details' && !parent.hasAttribute('open')) return false;
      let hidden = hidesText.get(parent);
      if (hidden === undefined) {
        hidden = textHiddenIn(parent, styleOf(parent));
        hidesText.set(parent, hidden);
      }
      if (hidden) return false;
      let lines: DOMRect[] = [];
      if (laidOut) {
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.length, measuredText));
        lines = [...range.getClientRects()];
        const box = boundsOf(lines);
        if (box === undefined || hasNoArea(box) || (offPageCounts && isOffPage(box, page))) return false;
      }
      // A proof token is not part of the text (spec §5): how it is drawn (often cut short with an ellipsis) is no doubt.
      if (/\S/.test(removeTokens(node.data))) reader.text(parent, lines);
      return true;
    },
    skipped(element) {
      // Drawn words the signed text leaves out (a `<style>` made inline, an ignored span): judged by the reader.
      if (!laidOut || isOwnNode(element) || !element.checkVisibility() || subtreeHidingOf(styleOf(element)) !== undefined) return;
      reader.skipped(element);
    },
    generatedText(element, pseudo) {
      const style = view.getComputedStyle(element, pseudo);
      const { content } = style;
      if (content === 'none' || content === 'normal' || content === '') return '';
      if (style.display === 'none' || subtreeHidingOf(style) !== undefined || textHiddenIn(element, style)) return '';
      reader.generated(style);
      return generatedContentText(content, (name) => element.getAttribute(name));
    },
    get doubts() {
      return reader.doubts;
    },
    get around() {
      return reader.around;
    },
    get coverUntested() {
      return reader.coverUntested;
    },
  };
}
