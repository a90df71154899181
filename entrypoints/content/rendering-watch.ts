/**
 * Watches snippets for changes in what readers see of them without their
 * text changing: a class or style toggled inside (a section expands, a
 * paragraph is hidden after the check), the snippet resized, a CSS
 * transition or animation ended (a paragraph that fades in as it scrolls
 * into view). Event-driven, never polled; the caller re-reads the
 * rendered text and sends it again only when it differs.
 */
export type RenderingWatch = {
  watch(element: Element): void;
  unwatch(element: Element): void;
};

/** Attributes that commonly change how an element renders. */
const renderingAttributes = ['class', 'style', 'hidden', 'open'];

export type CreateRenderingWatchParameters = {
  signal: AbortSignal;
  document: Document;
  /** What readers see of `element` may have changed. */
  onChange: (element: Element) => void;
};

export function createRenderingWatch({ signal, document, onChange }: CreateRenderingWatchParameters): RenderingWatch {
  const watched = new Set<Element>();
  // A ResizeObserver reports each element once when observed; that is not a change.
  const sized = new WeakSet<Element>();

  const reportAround = (node: Node): void => {
    for (let element = node instanceof Element ? node : node.parentElement; element !== null; element = element.parentElement) {
      if (watched.has(element)) onChange(element);
    }
  };

  const resizes = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (sized.has(target)) onChange(target);
      else sized.add(target);
    }
  });
  // One observer, one registration per snippet; records from snippets no longer watched are dropped.
  const attributes = new MutationObserver((records) => {
    const targets = new Set(records.map((record) => record.target));
    targets.forEach(reportAround);
  });
  const onEnd = (event: Event): void => {
    if (watched.size > 0 && event.target instanceof Node) reportAround(event.target);
  };
  const options = { capture: true, passive: true, signal };
  document.addEventListener('transitionend', onEnd, options);
  document.addEventListener('animationend', onEnd, options);
  signal.addEventListener(
    'abort',
    () => {
      resizes.disconnect();
      attributes.disconnect();
    },
    { once: true },
  );

  return {
    watch(element) {
      if (watched.has(element)) return;
      watched.add(element);
      resizes.observe(element);
      attributes.observe(element, { attributes: true, subtree: true, attributeFilter: renderingAttributes });
    },
    unwatch(element) {
      if (!watched.delete(element)) return;
      resizes.unobserve(element);
      sized.delete(element);
    },
  };
}
