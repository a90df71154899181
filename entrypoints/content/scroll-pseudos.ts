import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** Every scroll button a rule can give content to: each direction, and all at once. */
const scrollButtons = ['*', 'block-start', 'block-end', 'inline-start', 'inline-end', 'up', 'down', 'left', 'right'].map((direction) => `::scroll-button(${direction})`);

/** Whether a computed `content` draws something. */
const drawsContent = (content: string): boolean => !['', 'none', 'normal'].includes(content);

/** A marker group set: `scroll-marker-group` other than none. */
const groupsMarkers = (style: CSSStyleDeclaration): boolean => !['', 'none'].includes(style.getPropertyValue('scroll-marker-group'));

/**
 * Words a page adds through CSS carousels' generated boxes, which the text
 * walk does not read (it reads `::before` and `::after`): a scroll
 * container's `::scroll-button()`s, and each element's `::scroll-marker`
 * inside a marker group (`scroll-marker-group`, on the snippet, around it
 * or in it). Only where the browser draws them (Chromium 135 and later);
 * elsewhere nothing is read.
 */
export type CreateScrollPseudoCheckParameters = {
  view: Window;
  root: Element;
  styleOf: (element: Element) => CSSStyleDeclaration;
  /** The element `element` is drawn inside (flat-tree-parent.ts), as the reading already walks up. */
  parentOf: (element: Element) => Element | null;
};

/** The returned check takes each element the walk enters, with its computed style, in document order. */
export function createScrollPseudoCheck({ view, root, styleOf, parentOf }: CreateScrollPseudoCheckParameters): (element: Element, style: CSSStyleDeclaration) => RenderingDoubt | undefined {
  if ((view as Window & typeof globalThis).CSS?.supports?.('selector(::scroll-marker)') !== true) return () => undefined;
  let markersDrawn = false;
  for (let ancestor = parentOf(root); ancestor !== null && !markersDrawn; ancestor = parentOf(ancestor)) markersDrawn = groupsMarkers(styleOf(ancestor));
  return (element, style) => {
    // The walk goes down the tree: a group opened here may draw the markers of any element read after it.
    if (groupsMarkers(style)) markersDrawn = true;
    const scrolls = /auto|scroll|hidden/.test(`${style.overflowX} ${style.overflowY}`);
    const pseudos = [...(markersDrawn ? ['::scroll-marker'] : []), ...(scrolls ? scrollButtons : [])];
    return pseudos.some((pseudo) => drawsContent(view.getComputedStyle(element, pseudo).content)) ? 'generated' : undefined;
  };
}
