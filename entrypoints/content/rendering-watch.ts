import { cardTag } from './card';
import { createDrawnWatch } from './drawn-watch';
import { snippetsRestyledInTrees, treesDrawing } from './drawing-trees';
import { isShadowRoot } from './shadow-root-of';
import { isOwnNode } from './own-nodes';
import { selectionReaches } from './selection-style';
import { cancelIdle, whenIdle } from './when-idle';

/**
 * Watches snippets for changes in what readers see of them without their
 * text changing, so a style applied after the check does not leave the
 * verdict standing: an attribute (a class, a style, a `data-` flag an
 * attribute selector matches) changed on the snippet, inside it, on an
 * ancestor or an ancestor's sibling (a body class, a script that hides
 * text as it scrolls into view), also inside the shadow trees a snippet in
 * view is drawn through (its own, a component's it is slotted into); a
 * style sheet added, removed or rewritten;
 * the URL fragment (`:target`); the snippet resized; a CSS transition or
 * animation ended (a delayed fade); in Chromium, a snippet in view that
 * starts or stops being drawn unfaded and uncovered (drawn-watch.ts), which
 * catches what an inserted rule or a script animation does to opacity,
 * transform, filter or cover. A snippet is also read again when it
 * comes into the viewport, where covering can be hit-tested (one drawn in
 * no box of its own, `display: contents`, which no observer sees come
 * into view: when a scroll has settled; one already in view when first
 * watched is left to `onInViewWhenWatched`), and when a
 * badge's card opens, since a rule inserted with `insertRule` leaves no
 * other trace to observe (a colour, say); and when the selection settles
 * over a snippet or off it (selected words wear the page's `::selection`
 * colours, selection-style.ts). Event-driven, never polled; the caller re-reads the
 * rendered text and sends it again only when it differs.
 */
export type RenderingWatch = {
  watch(element: Element): void;
  unwatch(element: Element): void;
  /** Badges just went into these snippets: a resize they make is no change in what readers see of the words. */
  badgesPlaced(elements: Iterable<Element>): void;
  /** Whether hit tests may miss something drawn over the snippet (drawn-watch.ts). */
  obscured(element: Element): boolean;
};

/** The longest the trees of a snippet come into view wait for the page to be idle, in ms. */
const treesIdleTimeout = 1_000;

/** Trees observed for snippets since unwatched, at most, before the observer starts afresh. */
const treesLeftAtMost = 64;

/** A scroll has settled when no scroll event came for this many ms. */
const scrollSettleMs = 250;
/** A selection being dragged changes at every mouse move: the snippets it reaches are asked once it has been still this long. */
const selectionSettleMs = 150;

/** Targets of attribute changes in one batch, at most, each looked at for the snippets it reaches. */
const reportedAroundAtMost = 64;

export type CreateRenderingWatchParameters = {
  signal: AbortSignal;
  document: Document;
  /** What readers see of `element` may have changed. */
  onChange: (element: Element) => void;
  /**
   * The first report of a snippet says it is in view: no change, but where
   * the snippet was when first read, which only the caller knows (it is
   * read as its proofs are sent, in view or not).
   */
  onInViewWhenWatched: (element: Element) => void;
};

export function createRenderingWatch({ signal, document, onChange, onInViewWhenWatched }: CreateRenderingWatchParameters): RenderingWatch {
  const watched = new Set<Element>();
  // The IntersectionObserver, like the ResizeObserver, reports each element once when observed.
  const firstReportDue = new Set<Element>();
  const inView = new Set<Element>();
  // A ResizeObserver reports each element once when observed; that is not a change.
  const sized = new WeakSet<Element>();
  /**
   * Snippets whose badge went in this frame: their resize, reported in the
   * same frame, is the badge's (on a page of 100 proofs, every snippet's,
   * and each read again for it). The next frame ends the wait.
   */
  const badgeResized = new Set<Element>();
  let badgeFrame: number | undefined;
  /** Snippets with no box of their own, out of view as far as the IntersectionObserver can tell. */
  const boxless = new Set<Element>();
  let scrollSettled: ReturnType<typeof setTimeout> | undefined;

  /** The shadow trees each snippet that came into view is drawn through, and the snippets each tree draws: observed beside the document. */
  const treesOf = new Map<Element, ShadowRoot[]>();
  const drawnIn = new Map<ShadowRoot, Set<Element>>();
  /** Trees observed that draw no watched snippet any more: an observer keeps what it observes, so past a few it starts afresh. */
  let treesLeft = 0;
  /** Snippets that came into view, their trees found in the next idle moment: the walk up asks the browser at every element. */
  const treesUnknown = new Set<Element>();
  let treesIdle: number | undefined;

  const reportAll = (): void => watched.forEach(onChange);
  /** Snippets a change at `target` can restyle: those inside it, or inside its parent (sibling selectors), and those holding it. */
  const reportAround = (target: Element): void => {
    const scope = target.parentElement ?? target;
    for (const element of watched) if (scope.contains(element) || element.contains(target)) onChange(element);
  };

  const resizes = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (!sized.has(target)) sized.add(target);
      else if (!badgeResized.delete(target)) onChange(target);
    }
  });
  const drawn = createDrawnWatch({ onChange });
  const visibility = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      const firstReport = firstReportDue.delete(target);
      if (!isIntersecting) {
        inView.delete(target);
        drawn.untrack(target);
        if (document.defaultView?.getComputedStyle(target).display === 'contents') boxless.add(target);
        else boxless.delete(target);
      } else if (!inView.has(target)) {
        boxless.delete(target);
        inView.add(target);
        drawn.track(target);
        if (!treesOf.has(target)) {
          treesUnknown.add(target);
          treesIdle ??= whenIdle(observeTreesUnknown, treesIdleTimeout);
        }
        if (firstReport) onInViewWhenWatched(target);
        else onChange(target);
      }
    }
  });
  // One observer for the whole document and the trees above; its records are dropped at once while nothing is watched.
  const changes = new MutationObserver((records) => onRecords(records));
  function onRecords(records: MutationRecord[]): void {
    if (watched.size === 0) return;
    const restyled = new Set<Element>();
    const restyledInTrees = new Map<ShadowRoot, Set<Element>>();
    const restyledTrees = new Set<ShadowRoot>();
    for (const record of records) {
      const tree = record.target.getRootNode();
      if (isShadowRoot(tree) && drawnIn.has(tree)) {
        if (changesStyleSheets(record)) restyledTrees.add(tree);
        else if (record.type === 'attributes' && !isOwnNode(record.target)) restyledInTrees.set(tree, (restyledInTrees.get(tree) ?? new Set()).add(record.target as Element));
        continue;
      }
      if (record.type === 'attributes') {
        const target = record.target as Element;
        // The card opening: what is seen now of the snippets in view is what the card speaks for.
        if (isOwnNode(target)) {
          if (target.localName === cardTag && record.attributeName === 'data-open' && target.hasAttribute('data-open')) inView.forEach(onChange);
        } else {
          restyled.add(target);
        }
      } else if (changesStyleSheets(record)) {
        reportAll();
        return;
      }
    }
    // Past a few targets, asking which snippets each reaches costs more than reading them all again (in idle time).
    if (restyled.size > reportedAroundAtMost) reportAll();
    else restyled.forEach(reportAround);
    restyledTrees.forEach((tree) => drawnIn.get(tree)?.forEach(onChange));
    if (restyledInTrees.size > 0) snippetsRestyledInTrees(restyledInTrees, drawnIn).forEach(onChange);
  }
  // Every attribute: an attribute selector (`[data-late] .word`, `:lang()`) restyles through any of them.
  const observed: MutationObserverInit = { attributes: true, childList: true, subtree: true };
  changes.observe(document, observed);
  // Verity's own transitions (a badge's hover) restyle no snippet.
  const onEnd = (event: Event): void => {
    if (watched.size > 0 && event.target instanceof Element && !isOwnNode(event.target)) reportAround(event.target);
  };
  const options = { capture: true, passive: true, signal };
  document.addEventListener('transitionend', onEnd, options);
  document.addEventListener('animationend', onEnd, options);
  document.defaultView?.addEventListener('hashchange', reportAll, { passive: true, signal });
  // Scroll events of the page and of its scrolling boxes alike (they do not bubble, but are captured).
  document.addEventListener(
    'scroll',
    () => {
      if (boxless.size === 0) return;
      clearTimeout(scrollSettled);
      scrollSettled = setTimeout(() => !signal.aborted && boxless.forEach(onChange), scrollSettleMs);
    },
    options,
  );
  // The snippets the selection reaches now and those it reached are drawn in other colours now: each in view is read
  // again, one out of view as it comes into view, so selecting a whole page of snippets reads only the few in sight.
  let selected = new Set<Element>();
  let selectionSettled: ReturnType<typeof setTimeout> | undefined;
  const selectionMoved = (): void => {
    const selection = document.getSelection();
    const reached = new Set([...watched].filter((element) => selectionReaches(selection, element)));
    for (const element of new Set([...selected, ...reached])) if (inView.has(element)) onChange(element);
    selected = reached;
  };
  document.addEventListener(
    'selectionchange',
    () => {
      if (watched.size === 0) return;
      clearTimeout(selectionSettled);
      selectionSettled = setTimeout(selectionMoved, selectionSettleMs);
    },
    { passive: true, signal },
  );
  /** Observes only the document and the trees that draw watched snippets, handling what came before. */
  function observeAfresh(): void {
    onRecords(changes.takeRecords());
    changes.disconnect();
    changes.observe(document, observed);
    for (const tree of drawnIn.keys()) changes.observe(tree, observed);
    treesLeft = 0;
  }

  /** Once for each snippet, after it first comes into view: a change while it is out of view is read when it comes in. */
  function observeTreesUnknown(): void {
    treesIdle = undefined;
    for (const element of treesUnknown) {
      if (!watched.has(element) || treesOf.has(element)) continue;
      const trees = treesDrawing(element);
      treesOf.set(element, trees);
      for (const tree of trees) {
        let drawn = drawnIn.get(tree);
        if (drawn === undefined) {
          drawnIn.set(tree, (drawn = new Set()));
          changes.observe(tree, observed);
        }
        drawn.add(element);
      }
    }
    treesUnknown.clear();
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(scrollSettled);
      clearTimeout(selectionSettled);
      if (treesIdle !== undefined) cancelIdle(treesIdle);
      if (badgeFrame !== undefined) document.defaultView?.cancelAnimationFrame(badgeFrame);
      resizes.disconnect();
      visibility.disconnect();
      drawn.stop();
      changes.disconnect();
    },
    { once: true },
  );

  return {
    watch(element) {
      if (watched.has(element)) return;
      watched.add(element);
      firstReportDue.add(element);
      // A selection made before the watch began (by the page's script, say) is one it moves away from later.
      if (selectionReaches(document.getSelection(), element)) selected.add(element);
      resizes.observe(element);
      visibility.observe(element);
    },
    unwatch(element) {
      if (!watched.delete(element)) return;
      firstReportDue.delete(element);
      selected.delete(element);
      resizes.unobserve(element);
      visibility.unobserve(element);
      drawn.untrack(element);
      for (const tree of treesOf.get(element) ?? []) {
        const drawn = drawnIn.get(tree);
        drawn?.delete(element);
        if (drawn?.size === 0) {
          drawnIn.delete(tree);
          treesLeft++;
        }
      }
      treesOf.delete(element);
      treesUnknown.delete(element);
      if (treesLeft > treesLeftAtMost) observeAfresh();
      sized.delete(element);
      inView.delete(element);
      boxless.delete(element);
    },
    badgesPlaced(elements) {
      const view = document.defaultView;
      if (view === null) return;
      for (const element of elements) if (watched.has(element)) badgeResized.add(element);
      // Written in an animation frame callback, a badge's resize is reported after it in the same frame.
      badgeFrame ??= view.requestAnimationFrame(() => {
        badgeFrame = undefined;
        badgeResized.clear();
      });
    },
    obscured: (element) => drawn.obscured(element),
  };
}

/** A `<style>` or style sheet `<link>` of the page's added or removed, or a `<style>`'s text replaced. */
function changesStyleSheets(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  if ((record.target as Element).localName === 'style') return !isOwnNode(record.target);
  // Not Verity's own: the cover check's look through every box, in Firefox (see-through.ts).
  const isSheet = (node: Node): boolean => node.nodeType === 1 && ((node as Element).localName === 'style' || (node as Element).localName === 'link') && !isOwnNode(node);
  return [...record.addedNodes].some(isSheet) || [...record.removedNodes].some(isSheet);
}
