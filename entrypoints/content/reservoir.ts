/** A uniform random sample of what is offered, at most `size` items. */
export type Reservoir<item> = {
  offer(item: item): void;
  /** The sample so far. */
  readonly items: readonly item[];
};

/**
 * Reservoir sampling, with the browser's cryptographic generator: a page
 * can neither spend the sample on decoys ahead of what matters nor predict
 * which of its parts are taken.
 */
export function createReservoir<item>(size: number): Reservoir<item> {
  const items: item[] = [];
  let offered = 0;
  return {
    offer(item) {
      offered += 1;
      if (items.length < size) return void items.push(item);
      const slot = crypto.getRandomValues(new Uint32Array(1))[0]! % offered;
      if (slot < size) items[slot] = item;
    },
    items,
  };
}
