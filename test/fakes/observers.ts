/**
 * An entry as the fakes report it: whether the target is near the viewport,
 * its box when the test gives one, and for an observer that tracks
 * visibility (Chromium's IntersectionObserver v2) whether it is drawn
 * unobscured when the test says (else, as in a browser without v2, nothing).
 */
export type FakeIntersectionEntry = { target: Element; isIntersecting: boolean; boundingClientRect?: DOMRectReadOnly; isVisible?: boolean };

/** The browser's IntersectionObserver, reporting only when the test says, to every observer of the page (the viewport watch, the rendering watch, the image discovery). */
export class FakeIntersectionObserver {
  static readonly all = new Set<FakeIntersectionObserver>();
  /** The observer made last. */
  static last: FakeIntersectionObserver | undefined;
  readonly targets = new Set<Element>();
  constructor(
    private readonly callback: (entries: FakeIntersectionEntry[]) => void,
    readonly options: IntersectionObserverInit & { trackVisibility?: boolean } = {},
  ) {
    FakeIntersectionObserver.all.add(this);
    FakeIntersectionObserver.last = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    FakeIntersectionObserver.all.delete(this);
  }
  /** Every observer reports each of its targets, near the viewport or not. */
  static reportAll(near: (target: Element) => boolean) {
    FakeIntersectionObserver.all.forEach((observer) => observer.report(near));
  }
  /** Each target, near the viewport or not, with the box `boxOf` gives it. */
  report(near: (target: Element) => boolean, boxOf?: (target: Element) => DOMRectReadOnly) {
    this.callback([...this.targets].map((target) => ({ target, isIntersecting: near(target), ...(boxOf && { boundingClientRect: boxOf(target) }) })));
  }
  /** The observers that track visibility, as Chromium has them: each target in view, drawn unobscured or not; or out of view. */
  static reportDrawn(drawn: (target: Element) => boolean | 'out') {
    for (const observer of FakeIntersectionObserver.all) {
      if (!observer.options.trackVisibility) continue;
      observer.callback([...observer.targets].map((target) => ({ target, isIntersecting: drawn(target) !== 'out', isVisible: drawn(target) === true })));
    }
  }
}

/** The browser's ResizeObserver, reporting only when the test says (most tests never do: their elements do not change size). */
export class FakeResizeObserver {
  static last: FakeResizeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: { target: Element }[]) => void) {
    FakeResizeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** The report after a layout in which `resized` changed size: of those observed. */
  report(...resized: Element[]) {
    this.callback(resized.filter((target) => this.observed.has(target)).map((target) => ({ target })));
  }
}
