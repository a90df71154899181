import { verdictStates } from '../../lib/verdict/states';
import { badgeStates } from './badge-label';
import { checkingColours, darkCheckingColours, darkNeutralColours, darkStateColours, neutralColours, stateColours, type ChipColours } from './palette';
import type { PersonalMark } from '../../storage/personal-mark';
import { markCss } from './mark-css';
import { createSharedStyle, type SharedStyle } from './shared-style';

/**
 * Generic families only: a page's `@font-face` reaches into closed shadow roots, and one named like any other family
 * ("Roboto", or "ui-sans-serif", which Chromium takes for a name) drew Verity's words at 1 % of their size.
 */
export const fontStack = 'system-ui, sans-serif';

/** The state is the pill's attribute, inside the closed shadow root: what the page writes on the host cannot change it. */
function chipRule(state: string, { background, text, ring }: ChipColours, theme = ''): string {
  return `${theme === '' ? '' : `:host(${theme}) `}.pill[data-state='${state}'] { --background: ${background}; --text: ${text}; --ring: ${ring}; }`;
}

/** On a dark page (badge.ts sets `data-theme`), the same states on the dark palette. */
const dark = "[data-theme='dark']";

/**
 * Every badge's shadow root adopts this one sheet. `:host` rules are
 * !important because the page's rules on our host element otherwise win;
 * inside the shadow root nothing of the page applies but inherited values,
 * which `all: initial` resets, all but the text's size: the badge is sized
 * in em of the text it sits in (12 px beside 16 px text, larger in a
 * heading), never below 11 px, and no taller than 1.05 em of that text, so
 * it keeps the line box of any text set at the usual line heights without
 * negative margins that would reach into the line above.
 */
const badgeCss = `
:host {
  all: initial !important;
  font-size: inherit !important;
  display: inline-block !important;
  vertical-align: baseline !important;
  margin: 0 !important;
  /* The gap goes between the text and the badge: on the right of it in right-to-left text, so the host keeps the text's direction. */
  margin-inline-start: 0.4em !important;
  padding: 0 !important;
  line-height: 1 !important;
  text-indent: 0 !important;
  direction: inherit !important;
}
.pill {
  all: unset;
  direction: ltr;
  box-sizing: border-box;
  display: inline-grid;
  grid-template-columns: auto auto auto;
  align-items: center;
  column-gap: 0.33em;
  height: 1.4em;
  padding: 0 0.66em 0 0.4em;
  border-radius: 999px;
  background: var(--background);
  color: var(--text);
  box-shadow: inset 0 0 0 1px var(--ring);
  font: 500 max(11px, 0.75em)/1 ${fontStack};
  letter-spacing: 0.005em;
  white-space: nowrap;
  cursor: pointer;
  user-select: none;
  -webkit-font-smoothing: antialiased;
}
/* Eased on hover only: a transition on every pill would animate each new verdict's ring, a frame of the whole page each. */
.pill:hover { box-shadow: inset 0 0 0 1px var(--ring), 0 1px 3px rgb(15 23 42 / 0.12); transition: box-shadow 120ms ease-out; }
.pill:focus-visible { outline: 2px solid ${neutralColours.focus}; outline-offset: 2px; }
.pill svg { grid-area: 1 / 1; width: 1.15em; height: 1.15em; }
/* Every state's word in one cell, as wide as the widest, and every state's shapes in the icon: only the state's own are seen (badge.ts). */
.word { grid-area: 1 / 2; justify-self: center; }
[data-of] { visibility: hidden; }
${badgeStates.map((state) => `.pill[data-state='${state}'] [data-of='${state}']`).join(',\n')} { visibility: visible; }
.pill .mark { grid-area: 1 / 3; margin-inline-start: 0.1em; }
${verdictStates.map((state) => chipRule(state, stateColours[state])).join('\n')}
${chipRule('checking', checkingColours)}
${verdictStates.map((state) => chipRule(state, darkStateColours[state], dark)).join('\n')}
${chipRule('checking', darkCheckingColours, dark)}
:host([data-theme='dark']) .pill:focus-visible { outline-color: ${darkNeutralColours.focus}; }
@media (prefers-reduced-motion: reduce) { .pill:hover { transition: none; } }
`;

/** Turns every badge off at once, without touching a single one. */
const hiddenCss = ':host { display: none !important; }';

export type BadgeSheet = {
  readonly style: SharedStyle;
  /** Shows or hides every badge: the display setting, applied live. */
  setShown(shown: boolean): void;
  /** Draws the reader's personal mark in every badge (undefined: none yet). */
  setMark(mark: PersonalMark | undefined): void;
};

/** A sheet of pill badges (the text's, the images'): its own rules, with every badge shown or hidden and the mark drawn. */
export function createPillSheet(rules: string): BadgeSheet {
  let shown = true;
  let mark: PersonalMark | undefined;
  const css = () => `${rules}\n${markCss(mark)}${shown ? '' : `\n${hiddenCss}`}`;
  let current = css();
  const style = createSharedStyle(current);
  // The settings come again on every change and at start: rules that did not change are not parsed again in every root.
  const update = () => {
    const next = css();
    if (next === current) return;
    current = next;
    style.replace(next);
  };
  return {
    style,
    setShown(value) {
      shown = value;
      update();
    },
    setMark(value) {
      mark = value;
      update();
    },
  };
}

export function createBadgeSheet(): BadgeSheet {
  return createPillSheet(badgeCss);
}
