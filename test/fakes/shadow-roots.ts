import { vi } from 'vitest';

export type KeptShadowRoots = {
  rootOf(host: Element): ShadowRoot | undefined;
  /** The state a badge host's pill shows, read inside its closed shadow root; null when it has none. */
  badgeState(host: Element): string | null;
};

/**
 * Keeps every shadow root attached from now on, closed ones included, so a
 * unit test can read inside Verity's badges the way only the extension
 * (and the end-to-end tests, through test/badge-states.ts) can.
 */
export function keepShadowRoots(): KeptShadowRoots {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
  return {
    rootOf: (host) => roots.get(host),
    badgeState: (host) => roots.get(host)?.querySelector<HTMLElement>('.pill')?.dataset.state ?? null,
  };
}
