import { flatTreeParentOf } from './flat-tree-parent';

/** Each element's drawn opacity, as opacityOf works it out. */
export type OpacityMemo = Map<Element, number>;

/**
 * The opacity an element is drawn at: its own times every ancestor's up the flat tree (through the slot it is
 * drawn in, across shadow roots). `parentOf`: a caller that already walks the flat tree passes its own, kept, answers.
 */
export function opacityOf(element: Element, view: Window, memo: OpacityMemo = new Map(), parentOf: (element: Element) => Element | null = flatTreeParentOf): number {
  const known = memo.get(element);
  if (known !== undefined) return known;
  const own = Number.parseFloat(view.getComputedStyle(element).opacity);
  const parent = parentOf(element);
  const opacity = (Number.isFinite(own) ? own : 1) * (parent === null ? 1 : opacityOf(parent, view, memo, parentOf));
  memo.set(element, opacity);
  return opacity;
}
