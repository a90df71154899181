import { verdictStates } from '../../../lib/verdict/states';
import { fontStack } from '../badge-sheet';
import { neutralColours, stateColours } from '../palette';
import type { PersonalMark } from '../../../storage/personal-mark';
import { markCss } from '../mark-css';
import { createSharedStyle, type SharedStyle } from '../shared-style';

/**
 * The image badges' one sheet: the text badge's pill, in the same colours,
 * on an absolutely positioned host placed on the image's top-left corner
 * (its place comes in as custom properties, which an important :host rule
 * takes over anything the page sets on the host). A fixed size, not the
 * text's: an image's badge sits on a picture, not in a line.
 */
const imageBadgeCss = `
:host {
  all: initial !important;
  position: absolute !important;
  left: var(--verity-left, 0px) !important;
  top: var(--verity-top, 0px) !important;
  z-index: 2147483646 !important;
  display: block !important;
  margin: 0 !important;
  padding: 0 !important;
  line-height: 1 !important;
  direction: ltr !important;
}
.pill {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  height: 22px;
  padding: 0 8px 0 5px;
  border-radius: 999px;
  background: var(--background);
  color: var(--text);
  box-shadow: inset 0 0 0 1px var(--ring), 0 1px 3px rgb(15 23 42 / 0.25);
  font: 600 12px/1 ${fontStack};
  white-space: nowrap;
  cursor: pointer;
  user-select: none;
  -webkit-font-smoothing: antialiased;
}
.pill:focus-visible { outline: 2px solid ${neutralColours.focus}; outline-offset: 2px; }
.pill svg { width: 14px; height: 14px; flex: none; }
.pill .mark { font-size: 13px; }
${verdictStates.map((state) => `:host([data-state='${state}']) .pill { --background: ${stateColours[state].background}; --text: ${stateColours[state].text}; --ring: ${stateColours[state].ring}; }`).join('\n')}
`;

const hiddenCss = ':host { display: none !important; }';

export type ImageBadgeSheet = {
  readonly style: SharedStyle;
  /** Shows or hides every image badge: the display setting, applied live. */
  setShown(shown: boolean): void;
  /** Draws the reader's personal mark in every image badge, as in the text badges (undefined: none yet). */
  setMark(mark: PersonalMark | undefined): void;
};

export function createImageBadgeSheet(): ImageBadgeSheet {
  let shown = true;
  let mark: PersonalMark | undefined;
  const css = () => `${imageBadgeCss}\n${markCss(mark)}${shown ? '' : `\n${hiddenCss}`}`;
  const style = createSharedStyle(css());
  return {
    style,
    setShown(value) {
      shown = value;
      style.replace(css());
    },
    setMark(value) {
      mark = value;
      style.replace(css());
    },
  };
}
