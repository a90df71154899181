/**
 * `make()` run at the first `get()`, not before: the cards are built (and
 * their styles parsed) once a page has a proof to show, not on every page.
 */
export type MadeWhenUsed<value> = {
  get(): value;
  /** The value if it was made, else undefined. */
  made(): value | undefined;
};

export function madeWhenUsed<value>(make: () => value): MadeWhenUsed<value> {
  let value: { made: value } | undefined;
  return {
    get: () => (value ??= { made: make() }).made,
    made: () => value?.made,
  };
}
