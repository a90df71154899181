import { markMadeByVerity } from './made-by-verity';

/**
 * Every box made hit-testable: `pointer-events: auto`, important, on every
 * element as specific as twenty ids (`:is()` counts its most specific
 * argument) and on every `::before`/`::after`, which outranks a page's
 * normal declarations and its unlayered `!important` rules. Hit tests pass
 * over boxes with `pointer-events: none`, so an overlay with it covers
 * text unseen by them. Not in a cascade layer of Verity's: it would
 * outrank no more (a page's layers come first), and restyling through one
 * takes four times as long in Chromium.
 */
const everyBoxHitTestable = `:is(*, ${'#v'.repeat(20)}), ::before, ::after { pointer-events: auto !important; }`;

/** Elements whose style attribute may set `pointer-events`: an important one there outranks any style sheet. */
const stylesPointerEvents = '[style*="pointer-events" i]';

/**
 * Runs `read` (hit tests) while every box in `roots` can be hit, then puts
 * the page back as it was before any of the page's scripts runs (in
 * Firefox before 153 its mutation observers see a `<style>` come and go);
 * its style attributes are never touched. `read` is told
 * the elements still out of hit tests' reach by a `pointer-events: none
 * !important` in their style attribute, to judge by their boxes instead.
 *
 * Each call restyles the whole page twice (in and out): 340 ms at 80,000
 * elements in Chromium, so callers ask only where a cover may go unseen.
 */
export function withEveryBoxHitTestable<result>(roots: ReadonlySet<Document | ShadowRoot>, read: (unseen: readonly Element[]) => result): result {
  const undo = [...roots].map(makeEveryBoxHitTestable);
  try {
    const unseen = [...roots].flatMap((root) => [...root.querySelectorAll(stylesPointerEvents)]).filter(isOutOfHitTests);
    return read(unseen);
  } finally {
    undo.forEach((restore) => restore());
  }
}

function isOutOfHitTests(element: Element): boolean {
  return element.ownerDocument.defaultView?.getComputedStyle(element).pointerEvents === 'none';
}

/** Adopts the sheet in `root`; Firefox before 153 refuses a content script that (shared-style.ts), so a `<style>` there. Returns what takes it out. */
function makeEveryBoxHitTestable(root: Document | ShadowRoot): () => void {
  const document = root instanceof Document ? root : root.ownerDocument;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(everyBoxHitTestable);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  } catch {
    // Firefox's Xray wrapper: the same rules in an element of Verity's.
  }
  const style = markMadeByVerity(document.createElement('style'));
  style.textContent = everyBoxHitTestable;
  (root instanceof Document ? root.documentElement : root).append(style);
  return () => style.remove();
}
