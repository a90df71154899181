import type { TabImage } from '../messaging/messages';
import { stateStyles } from './state-style';

/** The words the popup and the inspector list a page's images with, the same in both. */

/** An image's state chip: "AI · Verified" where the manifest says AI made it and its signature holds, else the state's word. */
export function imageStateLabel({ state, ai }: Pick<TabImage, 'state' | 'ai'>): string {
  return ai ? `AI · ${stateStyles[state].word}` : stateStyles[state].word;
}

/** The headline's ink: a verified image's in the body's colour, any other in its state's. */
export function imageHeadlineInk({ state }: Pick<TabImage, 'state'>): string {
  return state === 'verified' ? 'text-slate-800' : stateStyles[state].ink;
}

/** Images Verity could not read: nothing says whether they carry Content Credentials, so they are counted, not listed. */
export function unreadImagesWords(count: number): string {
  return count === 1
    ? '1 image on this page could not be read, so Verity cannot say whether it has Content Credentials.'
    : `${count} images on this page could not be read, so Verity cannot say whether they have Content Credentials.`;
}
