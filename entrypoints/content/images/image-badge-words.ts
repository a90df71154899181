import { stateStyles } from '../../../components/state-style';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';

/**
 * Whether the badge may say "AI": the manifest's own claim, told only when
 * its signature holds (verified or untrusted), as the card's headline does
 * (lib/c2pa/image-words.ts). A failed manifest's claims are not repeated.
 */
function toldAsAi({ state, ai }: ImageVerdict): boolean {
  return ai.generated && (state === 'verified' || state === 'untrusted');
}

/** The image badge's word: "AI · Verified" for an AI-made image, the state's word alone for any other. */
export function imageBadgeWord(verdict: ImageVerdict): string {
  const word = stateStyles[verdict.state].word;
  return toldAsAi(verdict) ? `AI · ${word}` : word;
}

/** Its accessible name, said in full: "Verity: image made with AI, verified Content Credentials". */
export function imageBadgeLabel(verdict: ImageVerdict): string {
  const word = stateStyles[verdict.state].word.toLowerCase();
  return toldAsAi(verdict) ? `Verity: image made with AI, ${word} Content Credentials` : `Verity: image with Content Credentials, ${word}`;
}
