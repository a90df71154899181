import { badgeStates } from './badge-label';
import { createIcon, iconShapesOf } from './state-icons';

/**
 * The pill's icon: one SVG holding every state's shapes, each marked with
 * its state (`data-of`), of which the sheet shows the pill's state's alone
 * (badge-sheet.ts). A new verdict changes what is visible, which lays out
 * nothing. One SVG per state held 8 more layout objects a badge; drawing a
 * state's shapes into shared paths by the CSS `d` property laid the whole
 * page out again for each verdict, as a changed word does.
 */
export function createPillIcon(document: Document): SVGSVGElement {
  const icon = createIcon(
    document,
    badgeStates.flatMap((state) => iconShapesOf(state).map(([tag, attributes]) => [tag, { ...attributes, 'data-of': state }] as const)),
  );
  icon.classList.add('icon');
  return icon;
}
