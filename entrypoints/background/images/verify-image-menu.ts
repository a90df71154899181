import { browser } from 'wxt/browser';
import { unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { BaseError } from '../../../lib/errors';
import type { ImageChecker } from './image-checker';
import type { ImageUrlCheck } from './image-url-check';
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
  url: string;
  hasAccess: () => Promise<boolean>;
  /** With the grant: the worker fetches the image (and keeps the answer, as for the page's images). */
  checks: Pick<PageImageChecks, 'check'>;
  /**
   * Without it, for an image from another site than its frame's: whether the reader let Verity read that one site
   * (image-site-access.ts, asked at the click). The worker then fetches the image itself.
   */
  siteAccess?: Promise<boolean>;
  /** Without either: the bytes as the image's frame reads them. */
  readInFrame: (url: string) => Promise<{ bytes: string; contentType?: string } | { error: string }>;
  checker: Pick<ImageChecker, 'checkImage' | 'checkImageBytes'>;
  /** Shows the answer by the image, in the frame it was clicked in. */
  show: (answer: { url: string; verdict: ImageVerdict | null }) => Promise<void>;
};

/**
 * One image the reader asked about. With the grant of image access the
 * worker fetches it; without, a context-menu click gives no host access a
 * fetch could use (`activeTab` covers the tab's own site, not the image
 * server's). An image from another site is fetched by the worker if the
 * reader lets Verity read that site, asked at the click; otherwise the
 * image's own frame reads the bytes (its site's own images, or CORS
 * permitting) and the worker checks them. What could not be read is
 * `unavailable` with the reason, shown like any other answer.
 */
export async function verifyImageFromMenu({ url, hasAccess, checks, siteAccess, readInFrame, checker, show }: VerifyImageFromMenuParameters): Promise<void> {
  let verdict: ImageVerdict | null;
  try {
    ({ verdict } = await checkWithoutRefusal());
  } catch (error) {
    verdict = unreadImageVerdict(error instanceof BaseError ? error.shortMessage : 'The image could not be checked');
  }
  await show({ url, verdict });

  async function checkWithoutRefusal(): Promise<ImageUrlCheck> {
    if (await hasAccess()) return checks.check(url);
    if ((await siteAccess) === true) return checker.checkImage(url);
    const read = await readInFrame(url);
    if ('error' in read) return { verdict: unreadImageVerdict(read.error) };
    return checker.checkImageBytes(read);
  }
}
