import { browser } from 'wxt/browser';
import { failedReadVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { BaseError } from '../../../lib/errors';
import type { PageImageChecks } from './page-image-checks';

export const verifyImageMenuId = 'verity.verify-image';

/**
 * "Verify image with Verity" on an image's context menu. Created after the
 * selection's item (whose creation first removes every item of ours).
 */
export function createVerifyImageMenu(): void {
  browser.contextMenus.create({ id: verifyImageMenuId, title: 'Verify image with Verity', contexts: ['image'], targetUrlPatterns: ['http://*/*', 'https://*/*'] });
}

export type VerifyImageFromMenuParameters = {
  checks: Pick<PageImageChecks, 'check'>;
  /** Shows the answer by the image, in the frame it was clicked in. */
  show: (answer: { url: string; verdict: ImageVerdict | null }) => Promise<void>;
  url: string;
};

/**
 * One image the reader asked about: checked without the broad grant. The
 * worker fetches it (with the grant when there is one, else where the
 * image's server allows CORS); what could not be read is `unavailable`
 * with the reason, shown like any other answer.
 */
export async function verifyImageFromMenu({ checks, show, url }: VerifyImageFromMenuParameters): Promise<void> {
  let verdict: ImageVerdict | null;
  try {
    ({ verdict } = await checks.check(url, { requireAccess: false }));
  } catch (error) {
    verdict = failedReadVerdict('unavailable', error instanceof BaseError ? error.shortMessage : 'The image could not be checked');
  }
  await show({ url, verdict });
}
