import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { ignoreAttribute } from '../../../lib/text/dom';
import { badgeTag } from '../badge';
import type { SharedStyle } from '../shared-style';
import { createIcon, stateIconShapes } from '../state-icons';
import { imageBadgeLabel, imageBadgeWord } from './image-badge-words';
import { createMarkBox } from '../mark-css';
import { markMadeByVerity } from '../made-by-verity';

/** Inset of the badge from the image's top-left corner, in CSS pixels. */
const inset = 6;

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

export type CreateImageBadgeParameters = {
  image: HTMLImageElement;
  verdict: ImageVerdict;
  sheet: SharedStyle;
  onActivate: (badge: ImageBadge) => void;
};

/** Built once per document and verdict look, and cloned for each badge: a page may hold many images with credentials. */
const pillPrototypes = new WeakMap<Document, Map<string, HTMLButtonElement>>();

function pillFor(document: Document, verdict: ImageVerdict): HTMLButtonElement {
  let pills = pillPrototypes.get(document);
  if (pills === undefined) pillPrototypes.set(document, (pills = new Map()));
  const word = imageBadgeWord(verdict);
  const key = `${verdict.state} ${word}`;
  let pill = pills.get(key);
  if (pill === undefined) {
    pill = document.createElement('button');
    pill.type = 'button';
    pill.className = 'pill';
    // Its look comes from here, in the closed shadow root, where the page cannot read the verdict.
    pill.dataset.state = verdict.state;
    pill.setAttribute('aria-haspopup', 'dialog');
    pill.setAttribute('aria-expanded', 'false');
    pill.setAttribute('aria-label', imageBadgeLabel(verdict));
    pill.append(createIcon(document, stateIconShapes[verdict.state]), word, createMarkBox(document));
    pills.set(key, pill);
  }
  return pill.cloneNode(true) as HTMLButtonElement;
}

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
  const button = pillFor(document, verdict);
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
      host.style.setProperty('--verity-left', `${left}px`);
      host.style.setProperty('--verity-top', `${top}px`);
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
