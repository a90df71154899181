/** The browser's IntersectionObserver, reporting only when the test says, to every observer of the page (the viewport watch, the rendering watch). */
export class FakeIntersectionObserver {
  static readonly all = new Set<FakeIntersectionObserver>();
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeIntersectionObserver.all.add(this);
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
  report(near: (target: Element) => boolean) {
    this.callback([...this.targets].map((target) => ({ target, isIntersecting: near(target) })));
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
