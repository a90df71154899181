import { sendToWorker } from '../../messaging/client';
import { watchPersonalMark } from '../../storage/personal-mark-item';
import { isSiteDisabled, type DisplaySettings } from '../../storage/settings-keys';
import { createBadgeSheet } from './badge-sheet';
import { createCardSheet } from './card-sheet';
import { createFrameLookHandlers } from './frame-look';
import type { ContentMessageDesk } from './content-messages';
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
  /** Subscribes to single-page navigations (location-changes.ts). */
  onLocationChange: (listener: () => void) => void;
  /** Where the page session answers the worker's and the popup's messages. */
  messages: ContentMessageDesk;
};

export type StartVerityReturnType = {
  /** Resolves once the display settings were first read and a session started or not for this site. */
  settled: Promise<void>;
};

const worker: WorkerLink = {
  verify: (request) => sendToWorker('verify-proofs', request),
  forget: (ids) => sendToWorker('forget-proofs', { ids }),
  openInspector: (id) => sendToWorker('open-inspector', { id }),
  openTrustSigner: (request) => sendToWorker('open-trust-signer', request),
  reportIntegrity: (integrity) => sendToWorker('page-integrity', { integrity }),
  lookAroundFrame: (text) => sendToWorker('look-around-frame', text),
};

/**
 * Verity in one tab, for the content script's life. The display settings
 * decide, live: on a disabled site there is no session at all (nothing is
 * looked for, nothing drawn, what was found is forgotten); badges on or
 * off is one rule in the sheet all badges share.
 */
export function startVerity({ signal, window, onLocationChange, messages }: StartVerityParameters): StartVerityReturnType {
  const clock = windowClock(window);
  const badgeSheet = createBadgeSheet();
  const cardSheet = createCardSheet();
  const images = startPageImages({
    signal,
    document: window.document,
    cardSheet,
    messages,
    onCardHidden: () => running?.session.cardHidden(),
    shadowRoots: () => running?.session.shadowRoots() ?? [],
  });
  messages.register(signal, createFrameLookHandlers({ window, shadowRoots: () => running?.session.shadowRoots() ?? [] }));
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
      messages,
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

  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const apply = (settings: DisplaySettings): void => {
    badgeSheet.setShown(settings.showBadges);
    if (!settings.showBadges) running?.session.closeCard();
    const disabled = isSiteDisabled(siteHostname(window), settings);
    images.apply({ siteEnabled: !disabled, showBadges: settings.showBadges });
    if (disabled) end();
    else if (running === undefined) start();
    settle();
  };

  onLocationChange(() => running?.session.locationChanged());
  // Back from the back/forward cache: the page is as it was, but the worker has moved on with the tab.
  // Only the browser's own event: a page firing synthetic ones would have every proof sent again each time.
  window.addEventListener('pageshow', (event) => event.isTrusted && event.persisted && running?.session.restored(), { signal });
  watchDisplaySettings(signal, apply);
  watchPersonalMark(signal, (mark) => {
    badgeSheet.setMark(mark);
    cardSheet.setMark(mark);
    images.setMark(mark);
  });
  return { settled };
}
