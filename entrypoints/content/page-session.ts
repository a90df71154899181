import type { SharedStyle } from './shared-style';
import { createProofLocator } from '../../lib/extract/locate-proofs';
import { createBadge, type BadgeEvents } from './badge';
import { watchPageScheme } from './page-scheme-watch';
import { createBadgePainter } from './badge-painter';
import { createCard, type Card } from './card';
import type { ContentMessageDesk } from './content-messages';
import { createCssLens } from './css-lens';
import { madeWhenUsed } from './made-when-used';
import { createKnownShadowRoots } from './known-shadow-roots';
import { isOwnNode } from './own-nodes';
import { startPageScanner } from './page-scanner';
import { createProofRegistry, type TrackedProof } from './proof-registry';
import { createPageIntegrityWatch } from './page-integrity';
import { madeByVerity } from './made-by-verity';
import { createProofSender } from './proof-sender';
import { createProofTracker } from './proof-tracker';
import { createRenderedTextReader, type RenderedTextReader } from './rendered-text';
import { revealSnippet } from './reveal';
import type { Scheduler } from './scheduler';
import { createSelectionCard, type SelectionCard } from './selection-card';
import { readSelection } from './selection-reader';
import { openLookThrough, type LookThrough } from './see-through';
import { createSnippetRereads } from './snippet-rereads';
import type { WorkerLink } from './worker-link';

export type { WorkerLink };

/** How long a page's scheme switch may go on before the badges look at the page again, in ms. */
const rethemeDelay = 200;
/** The badge rehearsed before the scan waits for an idle moment this long at most, in ms: the scan's own first wait. */
const rehearsalTimeout = 300;

export type StartPageSessionParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  /** The one sheet all badges share. */
  badgeSheet: SharedStyle;
  cardSheet: SharedStyle;
  /** Ids unique for the page's life, across sessions. */
  nextId: () => string;
  worker: WorkerLink;
  /** Where its answers to the worker's and the popup's messages go. */
  messages: ContentMessageDesk;
  /** The rendered-text reader: the live page's CSS unless a test says otherwise. */
  readRendered?: RenderedTextReader;
};

export type PageSession = {
  /** Single-page navigation: keep what is still in the page, forget what left. */
  locationChanged(): void;
  /**
   * The page came back from the back/forward cache: the worker forgot it
   * when the tab moved on, so every proof goes to it again. The verdicts
   * shown stay until the answers come.
   */
  restored(): void;
  closeCard(): void;
  /** The page closed or drew over Verity's image card: flagged as for the badge's card. */
  cardHidden(): void;
  /** The ids of the proofs it holds, to forget them all when it ends. */
  ids(): string[];
  /** The open shadow roots the page's world reported, whose hosts are in the page now. */
  shadowRoots(): ShadowRoot[];
};

export type StartPageSessionReturnType = PageSession;

/**
 * Verity on one page, while it is enabled there: finds proofs
 * (proof-tracker), sends them to the worker, those near the viewport first
 * (proof-sender), reads snippets again as they change (snippet-rereads),
 * draws a badge by each snippet (badge-painter) and the card, and answers
 * the worker and the popup. Everything stops and every badge goes when
 * `signal` aborts.
 */
export function startPageSession({
  signal,
  document,
  scheduler,
  badgeSheet,
  cardSheet,
  nextId,
  worker,
  messages,
  readRendered: givenReader,
}: StartPageSessionParameters): StartPageSessionReturnType {
  /** The page's open shadow roots, as the scanner is told of them. */
  const shadowRoots = createKnownShadowRoots();
  /** The look through every box the readings of one task share, opened by the first that needs it (see-through.ts). */
  let look: LookThrough | undefined;
  const readTogether = <result>(read: () => result): result => {
    look = openLookThrough({ shadowRoots: shadowRoots.inPage });
    try {
      return read();
    } finally {
      look.end();
      look = undefined;
    }
  };
  /** The live page's CSS, hit-testing every box where something may be drawn over the snippet that hit tests miss. */
  const lensOf = (root: Element) => createCssLens(root, { seeThrough: rereads.obscured(root), look });
  const readRendered = givenReader ?? createRenderedTextReader({ lensOf });
  const locator = createProofLocator();
  const registry = createProofRegistry();

  /** Still ours and still in the page: checked after every wait, before anything is written. */
  const alive = (proof: TrackedProof): boolean =>
    registry.has(proof) && proof.located.element.isConnected && proof.located.carrier.isConnected;

  const integrity = createPageIntegrityWatch({
    signal,
    document,
    scheduler,
    alive,
    isOurs: madeByVerity,
    report: (report) => worker.reportIntegrity(report),
    shadowRoots: shadowRoots.inPage,
  });

  const badgeCard = madeWhenUsed(() =>
    createCard({
      document,
      signal,
      sheet: cardSheet,
      verdictOf: (id) => registry.get(id)?.verdict,
      openDetails: (id) => worker.openInspector(id).then(
        () => true,
        () => false,
      ),
      openTrustSigner: (request) => worker.openTrustSigner(request).then(
        () => true,
        () => false,
      ),
      onHidden: integrity.cardHidden,
      shadowRoots: shadowRoots.inPage,
    }),
  );
  // Built when a badge is first pointed at: what only redraws or closes a card has nothing to do before.
  const card: Card = {
    preview: (badge) => badgeCard.get().preview(badge),
    leave: (badge) => badgeCard.made()?.leave(badge),
    activate: (badge) => badgeCard.get().activate(badge),
    refresh: (id) => badgeCard.made()?.refresh(id),
    forget: (badge) => badgeCard.made()?.forget(badge),
    close: () => badgeCard.made()?.close(),
  };
  const selectionCardMade = madeWhenUsed(() => createSelectionCard({ document, signal, sheet: cardSheet, reveal, onHidden: integrity.cardHidden, shadowRoots: shadowRoots.inPage }));
  const selectionCard: SelectionCard = {
    anchorTo: (range) => selectionCardMade.get().anchorTo(range),
    show: (check) => selectionCardMade.get().show(check),
    close: () => selectionCardMade.made()?.close(),
  };
  const badgeEvents: BadgeEvents = {
    onEnter: (badge) => {
      card.preview(badge);
      // Reached by the pointer or the keyboard: look again at whether the page lets it be seen.
      const proof = registry.get(badge.id);
      if (proof !== undefined) integrity.checkBadges([proof], { lookThrough: true });
    },
    onLeave: (badge) => card.leave(badge),
    onActivate: (badge) => card.activate(badge),
  };
  const painter = createBadgePainter({
    scheduler,
    card,
    alive,
    isSnippet: (element) => registry.onSnippet(element).length > 0,
    onPlaced: (proofs) => {
      integrity.checkBadges(proofs);
      rereads.badgesPlaced(proofs);
    },
    onKeptOff: integrity.badgeKeptOff,
  });
  const sender = createProofSender({ signal, document, scheduler, worker, registry, locator, readRendered, readTogether, alive, painter });
  const rereads = createSnippetRereads({ signal, document, scheduler, registry, locator, readRendered, readTogether, alive, sender, lookAroundFrame: worker.lookAroundFrame });
  const tracker = createProofTracker({
    signal,
    scheduler,
    locator,
    registry,
    worker,
    nextId,
    createBadge: (id) => createBadge({ document, id, sheet: badgeSheet, events: badgeEvents }),
    alive,
    sender,
    rereads,
    painter,
    card,
  });

  /** Scrolls to a proof's snippet and rings it; false when it has left the page. */
  function reveal(id: string): boolean {
    const proof = registry.get(id);
    if (proof === undefined || !alive(proof)) return false;
    revealSnippet(proof.located.element);
    return true;
  }

  messages.register(signal, {
    'reveal-proof': ({ id }) => ({ found: reveal(id) }),
    'verdict-updated': ({ id, verdict }) => {
      const proof = registry.get(id);
      if (proof !== undefined) painter.draw(proof, verdict);
      return { ok: true };
    },
    'read-selection': () => {
      const snippets = Array.from(registry.all()).filter(alive).map((proof) => ({ id: proof.id, element: proof.located.element }));
      const read = readTogether(() => readSelection({ selection: document.getSelection(), snippets, lensOf }));
      if (read === null) return null;
      selectionCard.anchorTo(read.range);
      return { text: read.text, within: read.within };
    },
    'show-selection-check': ({ check }) => {
      // One of Verity's cards at a time: the answer would otherwise sit over a badge's card.
      card.close();
      return { shown: selectionCard.show(check) };
    },
  });

  // The first badge pays for the renderer's first closed shadow root and sheet and for building the pill, a few ms:
  // built off the page in an idle task of its own before the scan, whose first slice to find proofs paid it.
  scheduler.idle(() => void createBadge({ document, id: 'rehearsal', sheet: badgeSheet, events: badgeEvents }), rehearsalTimeout);

  startPageScanner({
    signal,
    document,
    scheduler,
    locator,
    isOwnNode,
    onSlice: (located, scanFinished) => {
      tracker.found(located, scanFinished);
      if (scanFinished) integrity.scanned(!registry.all()[Symbol.iterator]().next().done);
    },
    onChanged: rereads.contentChanged,
    onRewritten: tracker.carriersRewritten,
    onRemoved: tracker.scheduleSweep,
    onShadowRoot: shadowRoots.add,
  });

  // A scheme switch often touches <html> and <body> several times in a row: the badges look once it has settled.
  let rethemeScheduled = false;
  watchPageScheme({
    signal,
    document,
    onChange: () => {
      if (rethemeScheduled) return;
      rethemeScheduled = true;
      scheduler.delay(() => {
        rethemeScheduled = false;
        painter.retheme(registry.all());
      }, rethemeDelay);
    },
  });

  signal.addEventListener(
    'abort',
    () => {
      for (const proof of registry.all()) proof.badge.host.remove();
    },
    { once: true },
  );

  return {
    locationChanged() {
      // The answer was about the page as it was.
      selectionCard.close();
      tracker.scheduleSweep();
    },
    restored: () => sender.sendAll(),
    closeCard: () => card.close(),
    cardHidden: () => integrity.cardHidden(),
    ids: () => Array.from(registry.all(), (proof) => proof.id),
    shadowRoots: shadowRoots.inPage,
  };
}
