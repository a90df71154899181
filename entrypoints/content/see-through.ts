import { markMadeByVerity } from './made-by-verity';

/**
 * A selector argument as specific as any can be: browsers saturate each
 * count (Chromium at 255, Firefox at 1,023), so a page's rule can at most
 * tie with it, and ties go to the sheet that comes last, Verity's. Its type
 * comes first, so that matching it fails at once on every element.
 */
const mostSpecific = `v${'#v'.repeat(1023)}${'.v'.repeat(1023)}${':is(v)'.repeat(1022)}`;
/** Every element, as specific as any selector (`:is()` counts its most specific argument). */
const anyElement = `:is(*, ${mostSpecific})`;
const anyBox = [anyElement, ...['::before', '::after', '::backdrop'].map((pseudo) => anyElement + pseudo)].join(', ');

/**
 * Every box made hit-testable: `pointer-events: auto`, important, on every
 * element and every `::before`, `::after` and `::backdrop`, as specific as
 * any selector, which outranks a page's normal declarations and its
 * unlayered `!important` rules. Hit tests pass over boxes with
 * `pointer-events: none`, so an overlay with it covers text unseen by
 * them. Not in a cascade layer of Verity's: layered important rules of the
 * page's outrank it, and only a layer declared before the page's first
 * would outrank them, which restyles a page four to five times as long.
 */
const everyBoxHitTestable = `${anyBox} { pointer-events: auto !important; }`;
/**
 * The same in a shadow tree, and for its host: an important declaration
 * of the tree's own `:host` rules outranks the document's.
 */
const everyShadowBoxHitTestable = `${anyBox}, :host(${anyElement}) { pointer-events: auto !important; }`;

/** Elements whose style attribute may set `pointer-events`: an important one there outranks any style sheet. */
const stylesPointerEvents = '[style*="pointer-events" i]';

/** Elements of `inert` subtrees judged by their boxes, at most: a page of them all would take a while. */
const inertElementsJudged = 4_096;

/** An element hit tests cannot reach, and where it is drawn. */
export type OutOfReach = { element: Element; box: DOMRectReadOnly };

/**
 * Runs `read` (hit tests) while every box in `roots` can be hit, then puts
 * the page back as it was before any of the page's scripts runs (in
 * Firefox before 153 its mutation observers see a `<style>` come and go);
 * its style attributes are never touched. `read` is told the elements
 * still out of hit tests' reach, to judge by their boxes instead: those
 * kept at `pointer-events: none` by an `!important` in their style
 * attribute, and `inert` subtrees, which no style makes hit-testable.
 *
 * Each call restyles the whole page twice (in and out): 340 ms at 80,000
 * elements in Chromium, so callers ask only where a cover may go unseen.
 */
export function withEveryBoxHitTestable<result>(
  roots: ReadonlySet<Document | ShadowRoot>,
  read: (unseen: readonly OutOfReach[]) => result,
  parameters?: OpenLookThroughParameters,
): result {
  const look = openLookThrough(parameters);
  try {
    return look.during(roots, read);
  } finally {
    look.end();
  }
}

/** One look through every box, held across several readings of one task: the page restyles in and out once for all of them. */
export type LookThrough = {
  /** Whether some tree is being looked through now. */
  readonly open: boolean;
  /** Runs `read` while every box in `roots`, and in the trees asked before, can be hit (as withEveryBoxHitTestable); `read` is told what is out of reach in all of them. */
  during<result>(roots: ReadonlySet<Document | ShadowRoot>, read: (unseen: readonly OutOfReach[]) => result): result;
  /** Puts the page back; call it before the task ends, before any of the page's scripts can run. */
  end(): void;
};

export type OpenLookThroughParameters = {
  /**
   * The page's open shadow roots known so far: an overlay in any of them
   * may be kept out of reach by its own tree's style, which the
   * document's does not outrank, so each is looked through too.
   */
  shadowRoots?: () => Iterable<ShadowRoot>;
};

export function openLookThrough({ shadowRoots = () => [] }: OpenLookThroughParameters = {}): LookThrough {
  const undo = new Map<Document | ShadowRoot, () => void>();
  /** Each tree's elements still out of reach: nothing changes the page while a look is open. */
  const unseenIn = new Map<Document | ShadowRoot, Element[]>();
  return {
    get open() {
      return undo.size > 0;
    },
    during(asked, read) {
      const roots = undo.size === 0 ? [...asked, ...shadowRoots()] : asked;
      const added = [...roots].filter((root) => !undo.has(root));
      for (const root of added) undo.set(root, makeEveryBoxHitTestable(root));
      // The page restyled now, before `read` begins: a caller's time budget is its hit tests'.
      for (const root of added) (isDocument(root) ? root.documentElement : root.host).getBoundingClientRect();
      for (const root of added) unseenIn.set(root, [...[...root.querySelectorAll(stylesPointerEvents)].filter(isOutOfHitTests), ...inertElementsIn(root)]);
      const unseen = [...unseenIn.values()].flat();
      return read(unseen.map((element) => ({ element, box: element.getBoundingClientRect() })));
    },
    end() {
      undo.forEach((restore) => restore());
      undo.clear();
      unseenIn.clear();
    },
  };
}

function isOutOfHitTests(element: Element): boolean {
  return element.ownerDocument.defaultView?.getComputedStyle(element).pointerEvents === 'none';
}

/** The elements of `root`'s `inert` subtrees, the first `inertElementsJudged`. */
function inertElementsIn(root: Document | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const inert of root.querySelectorAll('[inert]')) {
    if (found.length >= inertElementsJudged) break;
    found.push(inert);
    // A live collection: only the elements read are looked at.
    const inside = inert.getElementsByTagName('*');
    for (let index = 0; index < inside.length && found.length < inertElementsJudged; index++) found.push(inside[index]!);
  }
  return found;
}

/** Adopts the sheet in `root`; Firefox before 153 refuses a content script that (shared-style.ts), so a `<style>` there. Returns what takes it out. */
function makeEveryBoxHitTestable(root: Document | ShadowRoot): () => void {
  const document = isDocument(root) ? root : root.ownerDocument;
  const rule = isDocument(root) ? everyBoxHitTestable : everyShadowBoxHitTestable;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  } catch {
    // Firefox's Xray wrapper: the same rules in an element of Verity's.
  }
  const style = markMadeByVerity(document.createElement('style'));
  style.textContent = rule;
  (isDocument(root) ? root.documentElement : root).append(style);
  return () => style.remove();
}

/** By node type, not `instanceof`: a parent frame's document is of its own window's `Document` (outer-frames.ts). */
function isDocument(root: Document | ShadowRoot): root is Document {
  return root.nodeType === 9;
}
