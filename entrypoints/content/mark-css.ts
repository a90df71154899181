import { markColours, markSymbols, type PersonalMark } from '../../storage/personal-mark';

/** The mark's box, the same with a mark or none: a badge's width tells the page neither the symbol nor whether there is one. */
const markBox = '.mark { display: inline-block; width: 1em; flex: none; text-align: center; font-size: 1em; line-height: 1; }';

/**
 * The rule that draws the reader's personal mark in Verity's closed shadow
 * roots: generated content of a `.mark` box of fixed width, so neither the
 * page's scripts (no access to a closed root) nor its layout (the box is
 * the same for every symbol) can learn it. No mark known yet: the box, empty.
 */
export function markCss(mark: PersonalMark | undefined): string {
  if (mark === undefined) return markBox;
  const { glyph } = markSymbols[mark.symbol];
  return `${markBox}
.mark::before { content: '${glyph}'; color: ${markColours[mark.colour].value}; }`;
}

/** The box the sheets draw the mark in, hidden from assistive technology: nothing of the mark itself is in the DOM. */
export function createMarkBox(document: Document): HTMLSpanElement {
  const box = document.createElement('span');
  box.className = 'mark';
  box.setAttribute('aria-hidden', 'true');
  return box;
}
