import { isOwnNode } from './own-nodes';
import { cancelIdle, whenIdle } from './when-idle';

/**
 * Tells when a snippet in view starts or stops being drawn unfaded,
 * untransformed, unfiltered and uncovered, by Chromium's
 * IntersectionObserver v2 (`trackVisibility`). It sees what no
 * MutationObserver can: a rule inserted with `insertRule`, an adopted
 * style sheet, a script animation. The browser judges each element by its
 * own box and its ancestors only, so the snippet's inner elements (where a
 * word hidden late sits) are tracked beside it, up to a bound, since it
 * hit-tests every one. Its hit test also sees boxes with `pointer-events:
 * none`, which the cover check's do not: where it tells that something is
 * drawn over a snippet, the cover check looks through every box
 * (`obscured`). Browsers without v2 (Firefox) report no `isVisible`: the
 * watch then stops for good, and every snippet may be obscured.
 */
export type DrawnWatch = {
  /** The snippet came into view. */
  track(snippet: Element): void;
  /** It left the view, or the page. */
  untrack(snippet: Element): void;
  stop(): void;
  /** Whether something may be drawn over the snippet, or on it, that hit tests do not see: the browser told so, or cannot tell. */
  obscured(snippet: Element): boolean;
};

/** How often Chromium may re-evaluate each element; it asks at least 100 ms. */
export const drawnCheckMs = 400;
/** The snippet and its first inner elements. */
const elementsPerSnippet = 64;

/** The longest a look at the snippets waits for the page to be idle. */
const idleTimeout = 1_000;

export type DrawnObserverInit = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
export type DrawnEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** How an element was drawn when last told: in view and plainly, in view under something (or faded, or transformed), or out of view. */
type Drawing = 'drawn' | 'obscured' | 'out';

/** Whether the browser has IntersectionObserver v2 (Firefox has not); where the entry type is unknown (a test's fake), its first report tells. */
export const hasDrawnReports = (): boolean => typeof IntersectionObserverEntry === 'undefined' || 'isVisible' in IntersectionObserverEntry.prototype;

export type CreateDrawnWatchParameters = {
  /** What readers see of `snippet` may have changed. */
  onChange: (snippet: Element) => void;
};

export function createDrawnWatch({ onChange }: CreateDrawnWatchParameters): DrawnWatch {
  const trackedIn = new Map<Element, Element[]>();
  const snippetOf = new WeakMap<Element, Element>();
  /** How each element was drawn when last told: a first report is a change only when obscured (readings so far assumed it was not). */
  const drawnBefore = new WeakMap<Element, Drawing>();
  let available = hasDrawnReports();

  const init: DrawnObserverInit = { trackVisibility: true, delay: drawnCheckMs };
  const observer = new IntersectionObserver((entries) => {
    const changed = new Set<Element>();
    for (const { target, isIntersecting, isVisible } of entries as DrawnEntry[]) {
      if (isVisible === undefined) {
        available = false;
        stop();
        return;
      }
      const drawing: Drawing = isVisible ? 'drawn' : isIntersecting ? 'obscured' : 'out';
      const before = drawnBefore.get(target);
      drawnBefore.set(target, drawing);
      const snippet = snippetOf.get(target);
      // Leaving the view changes nothing a reader sees, and a reading then could test no cover: what was seen stays.
      if (snippet !== undefined && drawing !== 'out' && (before === undefined ? drawing === 'obscured' : before !== drawing)) changed.add(snippet);
    }
    changed.forEach(onChange);
  }, init);

  /** Snippets that came into view, tracked in the next idle moment: the browser's first look at each element costs a hit test, which a page's first scan need not wait for. */
  const pending = new Set<Element>();
  let idleHandle: number | undefined;

  function stop(): void {
    observer.disconnect();
    trackedIn.clear();
    pending.clear();
    if (idleHandle !== undefined) cancelIdle(idleHandle);
  }

  function trackPending(): void {
    idleHandle = undefined;
    for (const snippet of pending) startTracking(snippet);
    pending.clear();
  }

  function startTracking(snippet: Element): void {
    if (!available || trackedIn.has(snippet) || !snippet.isConnected) return;
    const elements = [snippet];
    // A live collection: only the elements read are looked at, however large the snippet.
    const inner = snippet.getElementsByTagName('*');
    for (let index = 0; index < inner.length && elements.length < elementsPerSnippet; index++) {
      const element = inner[index]!;
      // An element of a nested snippet stays that snippet's; Verity's own badges are not the page's words.
      if (!snippetOf.has(element) && !isOwnNode(element)) elements.push(element);
    }
    trackedIn.set(snippet, elements);
    for (const element of elements) {
      snippetOf.set(element, snippet);
      observer.observe(element);
    }
  }

  return {
    track(snippet) {
      if (!available) return;
      pending.add(snippet);
      idleHandle ??= whenIdle(trackPending, idleTimeout);
    },
    untrack(snippet) {
      pending.delete(snippet);
      for (const element of trackedIn.get(snippet) ?? []) {
        if (snippetOf.get(element) !== snippet) continue;
        observer.unobserve(element);
        snippetOf.delete(element);
        drawnBefore.delete(element);
      }
      trackedIn.delete(snippet);
    },
    stop,
    obscured(snippet) {
      return !available || (trackedIn.get(snippet)?.some((element) => drawnBefore.get(element) === 'obscured') ?? false);
    },
  };
}
