/** The open shadow roots the page's world has reported (shadow-root-events.ts), held weakly. */
export type KnownShadowRoots = {
  /** A root first reported: each is added once. */
  add(root: ShadowRoot): void;
  /** Those whose hosts are in the page now. */
  inPage(): ShadowRoot[];
};

export function createKnownShadowRoots(): KnownShadowRoots {
  let held: WeakRef<ShadowRoot>[] = [];
  return {
    add(root) {
      held.push(new WeakRef(root));
    },
    inPage() {
      held = held.filter((ref) => ref.deref() !== undefined);
      return held.map((ref) => ref.deref()!).filter((root) => root.host.isConnected);
    },
  };
}
