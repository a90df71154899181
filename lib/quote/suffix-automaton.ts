/**
 * The suffix automaton of a token sequence (the quote, as words or as
 * UTF-16 code units): every substring of it is one path from the root. It
 * has at most 2n states and is built in O(n); streaming a text of length m
 * through it then tells, in O(m + n), which substrings of the sequence the
 * text holds. That keeps the quote check linear in the size of the page.
 */
export type SuffixAutomaton = {
  /** Per state: the length of the longest substring it stands for. */
  length: number[];
  /** Per state: its suffix link (-1 for the root, state 0). */
  link: number[];
  next: Map<number, number>[];
  /** Per position i of the sequence: the state of its prefix of length i + 1. */
  prefixState: Int32Array;
  /** The states, shortest `length` first. */
  byLength: Int32Array;
};

export type SuffixAutomatonReturnType = SuffixAutomaton;

export function suffixAutomaton(tokens: readonly number[]): SuffixAutomatonReturnType {
  const length = [0];
  const link = [-1];
  const next: Map<number, number>[] = [new Map()];
  const prefixState = new Int32Array(tokens.length);
  let last = 0;
  tokens.forEach((token, position) => {
    const current = length.length;
    length.push(length[last]! + 1);
    link.push(0);
    next.push(new Map());
    let state = last;
    while (state !== -1 && !next[state]!.has(token)) {
      next[state]!.set(token, current);
      state = link[state]!;
    }
    if (state !== -1) {
      const target = next[state]!.get(token)!;
      if (length[state]! + 1 === length[target]) {
        link[current] = target;
      } else {
        const clone = length.length;
        length.push(length[state]! + 1);
        link.push(link[target]!);
        next.push(new Map(next[target]!));
        while (state !== -1 && next[state]!.get(token) === target) {
          next[state]!.set(token, clone);
          state = link[state]!;
        }
        link[target] = clone;
        link[current] = clone;
      }
    }
    last = current;
    prefixState[position] = current;
  });

  // Counting sort by length: suffix links always point to a shorter state.
  const counts = new Int32Array(tokens.length + 2);
  for (const stateLength of length) counts[stateLength + 1]! += 1;
  for (let index = 1; index < counts.length; index += 1) counts[index]! += counts[index - 1]!;
  const byLength = new Int32Array(length.length);
  length.forEach((stateLength, state) => {
    byLength[counts[stateLength]!] = state;
    counts[stateLength]! += 1;
  });
  return { length, link, next, prefixState, byLength };
}

export type LongestHeldSuffixesReturnType = Int32Array;

/**
 * For each position e of the automaton's sequence, the length of the
 * longest substring of the sequence ending at e that also occurs in `text`
 * (0 when not even the token at e does). O(text + sequence).
 */
export function longestHeldSuffixes(automaton: SuffixAutomaton, text: Iterable<number>): LongestHeldSuffixesReturnType {
  const { length, link, next, prefixState, byLength } = automaton;
  // Per state: the longest of its substrings seen in the text, 0 for none.
  const held = new Int32Array(length.length);
  let state = 0;
  let matched = 0;
  for (const token of text) {
    while (state !== 0 && !next[state]!.has(token)) {
      state = link[state]!;
      matched = length[state]!;
    }
    const target = next[state]!.get(token);
    if (target === undefined) {
      state = 0;
      matched = 0;
    } else {
      state = target;
      matched += 1;
      if (matched > held[state]!) held[state] = matched;
    }
  }
  // A substring seen in the text means all its suffixes were seen.
  for (let index = byLength.length - 1; index > 0; index -= 1) {
    const seen = byLength[index]!;
    const parent = link[seen]!;
    if (held[seen]! > 0 && parent > 0) held[parent] = length[parent]!;
  }
  // Longest seen suffix per state: its own, else its suffix link's.
  const best = new Int32Array(length.length);
  for (let index = 1; index < byLength.length; index += 1) {
    const current = byLength[index]!;
    best[current] = held[current]! > 0 ? held[current]! : best[link[current]!]!;
  }
  return prefixState.map((prefix) => best[prefix]!);
}
