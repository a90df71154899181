import { verdictStates, type VerdictState } from '../../lib/verdict/states';
import { fontStack } from './badge-sheet';
import { checkingColours, darkCheckingColours, darkNeutralColours, darkStateColours, neutralColours, stateColours, type StateColours } from './palette';
import type { PersonalMark } from '../../storage/personal-mark';
import { markCss } from './mark-css';
import { createSharedStyle, type SharedStyle } from './shared-style';

function stateRules(colours: Record<VerdictState, StateColours>, theme = ''): string {
  return verdictStates
    .map((state) => {
      const { background, text, ring, fill, ink } = colours[state];
      return `${theme === '' ? '' : `:host(${theme}) `}.card[data-state='${state}'] { --background: ${background}; --text: ${text}; --ring: ${ring}; --fill: ${fill}; --ink: ${ink}; }`;
    })
    .join('\n');
}

/** The card's greys as custom properties, so one set of rules draws it light or dark. */
function neutralRules(colours: Record<keyof typeof neutralColours, string>): string {
  return Object.entries(colours)
    .map(([role, colour]) => `--${role}: ${colour};`)
    .join(' ');
}

/** Every card's width, less where the window is narrower (16 px less than it). */
export const cardWidth = 304;

/** Taller than any verdict's card at the usual lengths of names (the untrusted one, the tallest, is about 375 px); a longer one scrolls inside. */
const oneSizeHeight = 392;
/** The selection's card (a verdict's card and the snippet it was found in, at least) and the image's (a verdict and the Content Credentials' claims). */
const tallHeight = 464;

/**
 * The sheet of both cards (the badge's and the selection's). The host is a manual popover where supported, so the
 * card sits in the top layer above any z-index of the page; the :host
 * rules undo the popover's default box. Its place comes in as custom
 * properties: an important :host rule outranks even the host's own
 * inline style.
 */
const cardCss = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: auto !important;
  top: var(--verity-top, 0px) !important;
  left: var(--verity-left, 0px) !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: transparent !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  width: ${cardWidth}px !important;
  max-width: calc(100vw - 16px) !important;
  /* \`all\` leaves these two: a page's \`direction: rtl\` on the host would mirror the card's layout. */
  direction: ltr !important;
  unicode-bidi: isolate !important;
  color-scheme: light;
  ${neutralRules(neutralColours)} --hover: oklch(98.4% 0.003 247.858); --edge: rgb(15 23 42 / 0.08);
}
/* On a dark page (the card takes its badge's data-theme), the dark palette. */
:host([data-theme='dark']) { color-scheme: dark; ${neutralRules(darkNeutralColours)} --hover: oklch(27.9% 0.041 260.031); --edge: oklch(37.2% 0.044 257.287); }
/* At 400 % zoom the window is 320 by 225 CSS pixels: the card keeps inside it and scrolls, its controls still reached. */
.card { max-height: calc(100vh - 16px); overflow-y: auto; overscroll-behavior: contain; }
/* One size whatever it says (card.ts): the host's box is the page's to measure, and a card sized by its content would tell the verdict and the reader's trust. */
.card.one-size { height: min(${oneSizeHeight}px, calc(100vh - 16px)); display: flex; flex-direction: column; scroll-padding-bottom: 52px; }
.card.one-size.tall { height: min(${tallHeight}px, calc(100vh - 16px)); }
.card.one-size > * { flex: none; }
/* Its buttons stay at its foot, in sight however much there is to scroll above them. */
.card.one-size > .actions {
  /* Sticky insets are from inside the card's padding: -12px puts the foot on its edge. */
  position: sticky; bottom: -12px; margin: auto -16px -12px; padding: 10px 16px 12px;
  background: var(--surface); box-shadow: 0 -1px 0 var(--rule);
}
/* Shown while its popover is open: data-open is on the host, in the page's reach, only for observers. */
:host([popover]:not(:popover-open)), :host(:not([popover]):not([data-open])) { display: none !important; }
.card[data-state='checking'] { --background: ${checkingColours.background}; --text: ${checkingColours.text}; --ring: ${checkingColours.ring}; --ink: var(--body); }
:host([data-theme='dark']) .card[data-state='checking'] { --background: ${darkCheckingColours.background}; --text: ${darkCheckingColours.text}; --ring: ${darkCheckingColours.ring}; }
${stateRules(stateColours)}
${stateRules(darkStateColours, "[data-theme='dark']")}
.card {
  box-sizing: border-box;
  padding: 14px 16px 12px;
  border-radius: 12px;
  background: var(--surface);
  color: var(--body);
  font: 400 13px/1.45 ${fontStack};
  text-align: start;
  box-shadow: 0 0 0 1px var(--edge), 0 12px 32px -8px rgb(15 23 42 / 0.28), 0 2px 6px rgb(15 23 42 / 0.06);
  -webkit-font-smoothing: antialiased;
  animation: verity-card-in 120ms ease-out;
}
@keyframes verity-card-in { from { opacity: 0; transform: translateY(-2px); } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
.top { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 0 0 10px; }
.chip {
  display: inline-flex; align-items: center; gap: 4px; height: 20px; padding: 0 8px 0 5px; border-radius: 999px;
  background: var(--background); color: var(--text); box-shadow: inset 0 0 0 1px var(--ring);
  font: 500 12px/1 ${fontStack}; white-space: nowrap;
}
.chip svg { width: 14px; height: 14px; flex: none; }
.brand { display: inline-flex; align-items: center; gap: 4px; color: var(--muted); font-size: 11px; font-weight: 600; letter-spacing: 0.03em; }
.brand svg { width: 12px; height: 12px; }
.brand .mark { font-size: 13px; }
.headline { margin: 0 0 4px; color: var(--heading); font-size: 14px; font-weight: 600; line-height: 1.35; }
.summary { margin: 0; overflow-wrap: anywhere; }
.note { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
.meter { margin: 12px 0 0; }
.meter-row { display: flex; justify-content: space-between; gap: 8px; color: var(--muted); font-size: 12px; }
.meter-row strong { color: var(--heading); font-weight: 600; font-variant-numeric: tabular-nums; }
.track { height: 6px; margin-top: 5px; border-radius: 999px; background: var(--track); overflow: hidden; }
.bar { height: 100%; border-radius: 999px; background: var(--fill); }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 12px 0 0; padding: 10px 0 0; border-top: 1px solid var(--rule); font-size: 12px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; color: var(--heading); overflow-wrap: anywhere; }
.actions { display: flex; align-items: center; justify-content: flex-end; gap: 10px; margin: 12px 0 0; }
.status { flex: 1; color: var(--muted); font-size: 12px; }
.details, .button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; padding: 5px 10px; border-radius: 6px;
  background: var(--surface); color: var(--heading); box-shadow: inset 0 0 0 1px var(--rule), 0 1px 2px rgb(15 23 42 / 0.05);
  font: 500 12px/1.2 ${fontStack}; cursor: pointer;
}
.details:hover, .button:hover { background: var(--hover); }
.details:focus-visible, .button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.details svg { width: 14px; height: 14px; }
.card:focus { outline: none; }
.snippets { display: grid; gap: 6px; margin: 12px 0 0; padding: 10px 0 0; border-top: 1px solid var(--rule); list-style: none; }
.snippet { display: flex; align-items: center; gap: 10px; }
.excerpt { flex: 1; min-width: 0; color: var(--heading); font-size: 12px; overflow-wrap: anywhere; }
`;

export type CardSheet = SharedStyle & {
  /** Draws the reader's personal mark beside "Verity" in every card (undefined: none yet). */
  setMark(mark: PersonalMark | undefined): void;
};

export function createCardSheet(): CardSheet {
  const style = createSharedStyle(`${cardCss}\n${markCss(undefined)}`);
  return {
    ...style,
    setMark(mark) {
      style.replace(`${cardCss}\n${markCss(mark)}`);
    },
  };
}
