import { verdictStates } from '../../../lib/verdict/states';
import { createPillSheet, fontStack, type BadgeSheet } from '../badge-sheet';
import { neutralColours, stateColours } from '../palette';

/**
 * The image badges' one sheet: the text badge's pill, in the same colours,
 * on an absolutely positioned host placed on the image's top-left corner
 * (its place comes in as custom properties, which an important :host rule
 * takes over anything the page sets on the host), hidden until it has one. A fixed size, not the
 * text's: an image's badge sits on a picture, not in a line.
 */
const imageBadgeCss = `
:host {
  all: initial !important;
  position: absolute !important;
  left: var(--verity-left, 0px) !important;
  top: var(--verity-top, 0px) !important;
  visibility: var(--verity-placed, hidden) !important;
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
${verdictStates.map((state) => `.pill[data-state='${state}'] { --background: ${stateColours[state].background}; --text: ${stateColours[state].text}; --ring: ${stateColours[state].ring}; }`).join('\n')}
`;

export type ImageBadgeSheet = BadgeSheet;

export function createImageBadgeSheet(): ImageBadgeSheet {
  return createPillSheet(imageBadgeCss);
}
