import { browser } from 'wxt/browser';
import { createPageEnginePool } from '../background/images/engine-worker';
import { base64ToBytes } from '../background/images/image-bytes';
import { checkImageUrl } from '../background/images/image-url-check';
import { isOffscreenImageRequest } from '../background/images/offscreen-request';

/*
 * Chrome's offscreen document (reason WORKERS): it holds the C2PA engine's
 * worker, which the service worker cannot start, and answers the service
 * worker's image checks. Only requests from this extension's service worker
 * are answered; a page of the extension that is not the worker gets nothing.
 */
const pool = createPageEnginePool();

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (!isOffscreenImageRequest(message) || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  if (message.type === 'check-image-url') return checkImageUrl(pool, { url: message.url, trustAnchors: message.trustAnchors, keepManifestStore: message.keepManifestStore === true });
  return pool.check({ bytes: base64ToBytes(message.bytes), declaredType: message.contentType, trustAnchors: message.trustAnchors }).then(({ verdict, ms }) => ({ verdict, engineMs: ms }));
});
