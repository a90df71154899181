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
  // Every frame is a page of its own: embedded posts, comment widgets, srcdoc previews, frames a script wrote.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startVerity({
      signal: ctx.signal,
      window,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
