import { neutralColours } from './palette';

/** How long the highlight stays, fading out over its last part. */
const highlightDuration = 2_200;

/**
 * Brings a snippet into view and rings it for a moment (the popup's
 * "show me"). The ring is an outline, drawn by a Web Animation: it takes
 * no space, so nothing moves, and it leaves the element's own style
 * attribute alone, so the page sees no mutation and nothing to clean up.
 */
export function revealSnippet(element: Element): void {
  const view = element.ownerDocument.defaultView;
  const reduceMotion = view?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
  element.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'center', inline: 'nearest' });
  const ring = `3px solid ${neutralColours.focus}`;
  const faded = `3px solid transparent`;
  element.animate(
    [
      { outline: ring, outlineOffset: '4px' },
      { outline: ring, outlineOffset: '4px', offset: 0.75 },
      { outline: faded, outlineOffset: '4px' },
    ],
    { duration: highlightDuration, easing: 'ease-out' },
  );
}
