import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { ignoreAttribute } from '../../../lib/text/dom';
import type { VerdictState } from '../../../lib/verdict/states';
import { badgeTag } from '../badge';
import { createIcon, stateIconShapes } from '../state-icons';
import type { SharedStyle } from '../shared-style';
import { imageBadgeLabel, imageBadgeWord } from './image-badge-words';
import { createMarkBox } from '../mark-css';
import { markMadeByVerity } from '../made-by-verity';
import { whenIdle } from '../when-idle';

/** Inset of the badge from the image's top-left corner, in CSS pixels. */
const inset = 6;

/** Built once per document and state, and cloned: a page may hold many images of one state. */
const iconPrototypes = new WeakMap<Document, Map<VerdictState, SVGSVGElement>>();

function iconFor(document: Document, state: VerdictState): SVGSVGElement {
  let icons = iconPrototypes.get(document);
  if (icons === undefined) iconPrototypes.set(document, (icons = new Map()));
  let icon = icons.get(state);
  if (icon === undefined) icons.set(state, (icon = createIcon(document, stateIconShapes[state])));
  return icon.cloneNode(true) as SVGSVGElement;
}

export type ImagePlace = { left: number; top: number };

/**
 * Where an image's badge goes, from the image's offset box: the badge's
 * host shares its containing block. A read of layout: done for every badge
 * before any is written.
 */
export function measureImage(image: HTMLImageElement): ImagePlace {
  return { left: image.offsetLeft + inset, top: image.offsetTop + inset };
}

export type ImageBadge = {
  readonly image: HTMLImageElement;
  readonly host: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly verdict: ImageVerdict;
  /** Where it goes: `measureImage` of its image. */
  place(at: ImagePlace): void;
  setExpanded(expanded: boolean): void;
};

export type RehearseImageBadgeParameters = { document: Document; verdict: ImageVerdict; sheet: SharedStyle };

/**
 * Builds one badge off the page, in two idle tasks, and drops it. A page's
 * first badge pays for the renderer's first closed shadow root, adopted
 * sheet and SVG icon and for the badge code's first run: 16–37 ms on a
 * 2-core machine, in the frame that drew it (logged from an instrumented
 * build on bench 4.7's page; 2.5–4.4 ms after). Paid here, in tasks of
 * their own, the frames that draw the page's badges stay short.
 */
export async function rehearseImageBadge({ document, verdict, sheet }: RehearseImageBadgeParameters): Promise<void> {
  await idleTask();
  iconFor(document, verdict.state);
  await idleTask();
  // An image with no parent: the badge's host goes nowhere (`after` on a node without a parent does nothing).
  createImageBadge({ image: document.createElement('img'), verdict, sheet, onActivate: () => {} });
}

/** The badges wait this long at most for each step of the rehearsal, in ms. */
const rehearsalStepTimeout = 200;
const idleTask = (): Promise<void> => new Promise((resolve) => void whenIdle(resolve, rehearsalStepTimeout));

export type CreateImageBadgeParameters = {
  image: HTMLImageElement;
  verdict: ImageVerdict;
  sheet: SharedStyle;
  onActivate: (badge: ImageBadge) => void;
};

/**
 * An image's badge: the text badge's pill ("AI · Verified"), in a closed
 * shadow root, on an absolutely positioned host right after the image (after
 * its <picture>), so it shares the image's containing block and sits on its
 * corner by the image's offset box, moving nothing. Its tag is the text
 * badge's, so the page scanner takes it for ours.
 */
export function createImageBadge({ image, verdict, sheet, onActivate }: CreateImageBadgeParameters): ImageBadge {
  const document = image.ownerDocument;
  const host = markMadeByVerity(document.createElement(badgeTag));
  host.setAttribute(ignoreAttribute, '');
  // An opaque name, as a text badge's proof id: the tests find the badge's state by it, inside the closed shadow root.
  host.dataset.verityImage = crypto.randomUUID();
  const root = host.attachShadow({ mode: 'closed' });
  sheet.adopt(root);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pill';
  // Its look comes from here, in the closed shadow root, where the page cannot read the verdict.
  button.dataset.state = verdict.state;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', imageBadgeLabel(verdict));
  button.append(iconFor(document, verdict.state), imageBadgeWord(verdict), createMarkBox(document));
  root.append(button);

  let placed: ImagePlace | undefined;
  const badge: ImageBadge = {
    image,
    host,
    button,
    verdict,
    place({ left, top }) {
      if (placed?.left === left && placed.top === top) return;
      placed = { left, top };
      // Under the sheet's private names, important: no rule of the page's outranks them (shared-style.ts).
      host.style.setProperty(sheet.customProperty('--verity-left'), `${left}px`, 'important');
      host.style.setProperty(sheet.customProperty('--verity-top'), `${top}px`, 'important');
      host.style.setProperty(sheet.customProperty('--verity-placed'), 'visible', 'important');
    },
    setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
  };

  button.addEventListener('click', (event) => {
    // A badge on a linked image must not follow the link.
    event.preventDefault();
    event.stopPropagation();
    onActivate(badge);
  });
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'keydown', 'keyup'] as const) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  const anchor = image.parentElement?.localName === 'picture' ? image.parentElement : image;
  anchor.after(host);
  return badge;
}
