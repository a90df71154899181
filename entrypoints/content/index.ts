import { browser, type PublicPath } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForContentMessages } from './content-messages';
import { passFrameLabels } from './frame-labels';
import { whenImageAccessFlag } from './images/image-access-flag';
import { watchLocationChanges } from './location-changes';
import { watchForProofs } from './proof-watch';
import { scriptLifetime } from './script-lifetime';
import { takeOfferedVerity } from './verity-handoff';

/** The rest of Verity, built as its own file (entrypoints/verity-session.ts) and listed as web-accessible so this script may import it. */
const sessionScript: PublicPath = '/verity-session.js';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs in every page, so it does almost nothing until a page needs it: it
 * looks for any sign of a proof with native queries, and answers the
 * worker's messages. At the first sign, or when asked to check a
 * selection, it loads the rest of Verity (finding, badges, cards) from
 * the extension, once. A page with no proof costs a few queries.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Every frame is a page of its own: embedded posts, comment widgets, srcdoc previews, frames a script wrote.
  allFrames: true,
  matchAboutBlank: true,
  // WXT's old way to stop an older copy of this script also posts a message to the page, waking every message listener it has.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Badges are HTML custom elements with shadow roots: an SVG or XML document cannot hold them.
    if (document.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
    const signal = scriptLifetime({ contextSignal: ctx.signal, scriptGlobal: globalThis, extensionAlive: () => browser.runtime?.id !== undefined });
    let started: Promise<void> | undefined;
    const start = (): Promise<void> =>
      (started ??= (async () => {
        // Starting a module import, evaluating it and starting Verity take a few ms each: each in a task of its own, so
        // that none holds the page for long (issue 10: no task over 16 ms, here on pages of 80,000 elements).
        await nextTask();
        await import(/* @vite-ignore */ browser.runtime.getURL(sessionScript));
        await nextTask();
        const startVerity = takeOfferedVerity();
        if (startVerity === undefined || signal.aborted) return;
        const { settled } = startVerity({
          signal,
          window,
          onLocationChange: (onChange) => watchLocationChanges({ signal, window, onChange }),
          messages,
        });
        await settled;
      })());
    // "Verify selection" and "Verify image" work on any page: asked, the rest of Verity is loaded to answer.
    const messages = listenForContentMessages({ signal, startFor: ['read-selection', 'read-image', 'show-image-check', 'label-frames', 'look-at-frame'], start });
    // The popup offers image checks on a page with images: a count the browser keeps, answered without loading Verity.
    messages.register(signal, {
      'count-images': () => ({ images: document.images.length }),
      // The worker looks at what this frame's parent, of another origin, does to it: the parent labels its frames.
      'expect-frame-label': () => {
        // Not through sendToWorker: this script stays small, and the worker's answer says nothing.
        passFrameLabels({ window, signal, tell: (label) => browser.runtime.sendMessage({ type: 'frame-label', label }) });
        return { listening: true };
      },
    });
    watchForProofs({ signal, document, onProof: () => void start() });
    // A reader who granted image checks has every page's images looked at: that needs the rest of Verity. No grant, no cost.
    whenImageAccessFlag(() => void start());
  },
});
