import { defineContentScript } from 'wxt/utils/define-content-script';
import { startVerity } from './verity';

/**
 * Finds the proofs in every page, has the worker check them, and shows a
 * badge by each. Small and quiet: no React, no schema, no polling; it
 * works when the page changes and rests when it does not.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startVerity({
      signal: ctx.signal,
      window,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
