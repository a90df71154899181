import { sendToWorker } from '../../messaging/client';
import { isSiteDisabled, type DisplaySettings } from '../../storage/settings-keys';
import { createBadgeSheet } from './badge-sheet';
import { createCardSheet } from './card-sheet';
import { startPageImages } from './images/page-images';
import { watchDisplaySettings } from './display-settings';
import { startPageSession, type PageSession, type WorkerLink } from './page-session';
import { createScheduler, windowClock } from './scheduler';
import { siteHostname } from './site-hostname';
import { untilAnswered } from './until-answered';

export type StartVerityParameters = {
  /** The content script's life (WXT's ContentScriptContext). */
  signal: AbortSignal;
  window: Window;
  /** Subscribes to single-page navigations (WXT's `wxt:locationchange`). */
  onLocationChange: (listener: () => void) => void;
};

const worker: WorkerLink = {
  verify: (request) => sendToWorker('verify-proofs', request),
  forget: (ids) => sendToWorker('forget-proofs', { ids }),
  openInspector: (id) => sendToWorker('open-inspector', { id }),
  openTrustSigner: (address) => sendToWorker('open-trust-signer', { address }),
};

/**
 * Verity in one tab, for the content script's life. The display settings
 * decide, live: on a disabled site there is no session at all (nothing is
 * looked for, nothing drawn, what was found is forgotten); badges on or
 * off is one rule in the sheet all badges share.
 */
export function startVerity({ signal, window, onLocationChange }: StartVerityParameters): void {
  // Badges are HTML custom elements with shadow roots: an SVG or XML document cannot hold them.
  if (window.document.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
  const clock = windowClock(window);
  const badgeSheet = createBadgeSheet();
  const cardSheet = createCardSheet();
  const images = startPageImages({ signal, document: window.document, cardSheet });
  let proofCount = 0;
  let running: { session: PageSession; stop: AbortController } | undefined;

  const start = (): void => {
    const stop = new AbortController();
    const sessionSignal = AbortSignal.any([signal, stop.signal]);
    const session = startPageSession({
      signal: sessionSignal,
      document: window.document,
      // Its own, so nothing it queued runs once it has ended.
      scheduler: createScheduler({ signal: sessionSignal, clock }),
      badgeSheet: badgeSheet.style,
      cardSheet,
      nextId: () => `p${proofCount++}`,
      worker,
    });
    running = { session, stop };
  };

  const end = (): void => {
    if (running === undefined) return;
    const ids = running.session.ids();
    running.stop.abort();
    running = undefined;
    if (ids.length > 0) void untilAnswered({ signal, attempt: () => worker.forget(ids) });
  };

  const apply = (settings: DisplaySettings): void => {
    badgeSheet.setShown(settings.showBadges);
    if (!settings.showBadges) running?.session.closeCard();
    const disabled = isSiteDisabled(siteHostname(window), settings);
    images.apply({ siteEnabled: !disabled, showBadges: settings.showBadges });
    if (disabled) end();
    else if (running === undefined) start();
  };

  onLocationChange(() => running?.session.locationChanged());
  // Back from the back/forward cache: the page is as it was, but the worker has moved on with the tab.
  // Only the browser's own event: a page firing synthetic ones would have every proof sent again each time.
  window.addEventListener('pageshow', (event) => event.isTrusted && event.persisted && running?.session.restored(), { signal });
  watchDisplaySettings(signal, apply);
}
