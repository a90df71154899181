import { browser } from 'wxt/browser';
import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import type { EnginePool } from './engine-pool';
import { base64ToBytes } from './image-bytes';
import { checkImageUrl, type ImageUrlCheck } from './image-url-check';
import type { OffscreenImageRequest } from './offscreen-request';

export type CreateImageCheckerParameters = {
  /** The trust anchors for Content Credentials by source, read at each check so a change applies at once. */
  trustAnchors: () => Promise<AnchorSet[]>;
  /**
   * Starts the engine worker here, where the worker's context may (Firefox's background page);
   * absent in Chrome, whose service worker asks the offscreen document.
   */
  startEngine?: (() => EnginePool) | undefined;
};

const offscreenPath = '/offscreen.html';

/**
 * Checks images' Content Credentials for the worker. Chrome's service
 * worker can start no worker of its own, so the engine runs in an offscreen
 * document (reason WORKERS), created on the first image; Firefox's
 * background page starts the engine worker itself.
 */
export function createImageChecker({ trustAnchors, startEngine }: CreateImageCheckerParameters) {
  let creating: Promise<void> | undefined;
  let pool: EnginePool | undefined;

  const ensureOffscreenDocument = async () => {
    const url = browser.runtime.getURL(offscreenPath);
    const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (existing.length > 0) return;
    creating ??= browser.offscreen
      .createDocument({ url, reasons: ['WORKERS'], justification: 'Runs the C2PA engine (WebAssembly) in a worker to check images’ Content Credentials.' })
      .finally(() => (creating = undefined));
    await creating;
  };

  return {
    /** `keepManifestStore`: the verdict carries the engine's manifest store JSON (for the inspector). */
    async checkImage(url: string, { keepManifestStore = false }: { keepManifestStore?: boolean } = {}): Promise<ImageUrlCheck> {
      const anchors = await trustAnchors();
      if (startEngine !== undefined) {
        pool ??= startEngine();
        return checkImageUrl(pool, { url, trustAnchors: anchors, keepManifestStore });
      }
      await ensureOffscreenDocument();
      const request: OffscreenImageRequest = { target: 'verity-offscreen', type: 'check-image-url', url, trustAnchors: anchors, ...(keepManifestStore && { keepManifestStore }) };
      return (await browser.runtime.sendMessage(request)) as ImageUrlCheck;
    },
    /** Checks bytes read elsewhere (a page's content script, base64), for "Verify image with Verity" without the grant. */
    async checkImageBytes({ bytes, contentType }: { bytes: string; contentType?: string | undefined }): Promise<ImageUrlCheck> {
      const anchors = await trustAnchors();
      if (startEngine !== undefined) {
        pool ??= startEngine();
        const { verdict, ms } = await pool.check({ bytes: base64ToBytes(bytes), declaredType: contentType, trustAnchors: anchors });
        return { verdict, engineMs: ms };
      }
      await ensureOffscreenDocument();
      const request: OffscreenImageRequest = { target: 'verity-offscreen', type: 'check-image-bytes', bytes, ...(contentType !== undefined && { contentType }), trustAnchors: anchors };
      return (await browser.runtime.sendMessage(request)) as ImageUrlCheck;
    },
  };
}

export type ImageChecker = ReturnType<typeof createImageChecker>;
