import { canonicalText } from '../text/canonical';
import { wordingOfCanonical } from '../text/match';
import { createHeldPrefixMatcher, type HeldPrefixMatcher } from './longest-held-prefix';
import { longestHeldSuffixes, suffixAutomaton, type SuffixAutomaton } from './suffix-automaton';

/** The longest quote checked, in UTF-16 code units of its canonical text; a longer one is cut there. */
export const maxQuoteLength = 10_000;

/** A text a quote may come from: the signed text of one proof of the page. */
export type QuoteSource = { id: string; signedText: string };

export type CheckQuoteParameters = {
  quote: string;
  /** In page order. */
  sources: readonly QuoteSource[];
  /** Ids of the sources whose snippets the selection touches: preferred when several hold a piece. */
  within?: readonly string[];
};

export type QuotePart = {
  /** This piece of the quote (a slice of the returned canonical quote). */
  text: string;
  /** The source that holds it, null when none does. */
  sourceId: string | null;
  /** Held character for character, or in wording only; null when not held. */
  match: 'exact' | 'wording' | null;
};

export type CheckQuoteReturnType = {
  /** The quote's canonical text, NFC, cut at `maxQuoteLength`. */
  quote: string;
  /** The quote in order, in pieces; empty for an empty quote. */
  parts: QuotePart[];
};

type QuoteWord = { word: string; start: number; end: number };

type PreparedSource = {
  id: string;
  /** 0 for a source the selection touches, 1 for the others. */
  group: 0 | 1;
  canonical: string;
  /** The wording of the whole text (spec §4). */
  wording: string;
  /** The wording of each of its words. */
  words: string[];
};

/**
 * Which sources hold a quote (spec §4 matching, applied to a part of a
 * text). A source holds the quote exactly when the quote's canonical text
 * is a substring of the source's, in wording when the quote's wording (no
 * Markdown markers, quotation marks or whitespace; lower-cased; signs and
 * sentence marks kept) is a substring of the source's wording. When no
 * source holds the whole quote, it is split greedily from the start into
 * the longest pieces some source holds, at spaces: a piece is a run of
 * the quote's words that equal a run of the source's words in wording,
 * except that the quote's first word may be the end of a source word and
 * its last word the start of one (a selection often cuts a word). A piece
 * never ends inside a word elsewhere, so that two pieces cannot hide a
 * changed word between them. Words no source holds form pieces of their
 * own. Among the sources holding a longest piece, a source the selection
 * touches wins, then an exact match, then the first in page order. A
 * quote with no wording (only quotation marks or Markdown markers) is
 * only ever held exactly.
 *
 * Linear in the size of the quote times the number of sources plus the
 * size of the sources: each source is streamed once through suffix
 * automata of the quote's words and characters.
 */
export function checkQuote({ quote: rawQuote, sources: rawSources, within = [] }: CheckQuoteParameters): CheckQuoteReturnType {
  const quote = quoteText(rawQuote);
  if (quote === '') return { quote, parts: [] };
  const sources = preparedSources(rawSources, within);

  // The common case, a quote held whole and exactly by a preferred source, needs no splitting.
  const preferred = sources[0]?.group;
  const wholeHolder = sources.find((source) => source.group === preferred && source.canonical.includes(quote));
  if (wholeHolder !== undefined) return { quote, parts: [{ text: quote, sourceId: wholeHolder.id, match: 'exact' }] };
  const whole = wholeQuoteHolder(quote, sources);
  if (whole !== undefined) return { quote, parts: [{ text: quote, ...whole }] };

  const words = wordsOf(quote);
  if (words.length === 0) return { quote, parts: [{ text: quote, sourceId: null, match: null }] };

  const count = words.length;
  const { pieceStart, pieceEnd } = pieceBounds(quote, words);
  const quoteWords = words.map(({ word }) => word);
  const wordIds = new Map<string, number>();
  for (const word of quoteWords) if (!wordIds.has(word)) wordIds.set(word, wordIds.size);
  const wordAutomaton = suffixAutomaton(quoteWords.map((word) => wordIds.get(word)!));
  // The quote's first word may end a source word, its last may start one; read backwards, the other way round.
  const heldPrefix = createHeldPrefixMatcher({ pattern: quoteWords, first: endsWith, last: startsWith });
  const heldSuffix = createHeldPrefixMatcher({ pattern: quoteWords.toReversed(), first: startsWith, last: endsWith });
  const matchers = { wordIds, wordAutomaton, heldPrefix, heldSuffix };
  let characterAutomaton: SuffixAutomaton | undefined;

  // Per start word a: the best source's last word held from a (a - 1: none), whether exactly, and the source.
  const bestReach = new Int32Array(count).map((_, start) => start - 1);
  const bestExact = new Uint8Array(count);
  const bestSource: (PreparedSource | undefined)[] = new Array<PreparedSource | undefined>(count);

  for (const source of sources) {
    const reach = reachInSource(source, count, matchers);
    let exactEnds: Int32Array | undefined;
    const isExact = (start: number, end: number): boolean => {
      characterAutomaton ??= suffixAutomaton([...codeUnits(quote)]);
      exactEnds ??= longestHeldSuffixes(characterAutomaton, codeUnits(source.canonical));
      const from = pieceStart(start);
      const to = pieceEnd(end);
      return exactEnds[to - 1]! >= to - from;
    };
    for (let start = 0; start < count; start += 1) {
      const end = reach[start]!;
      if (end < start || end < bestReach[start]!) continue;
      // Sources come within-first, then in page order: a later one wins only by reaching further, or by being exact in the same group.
      const current = bestSource[start];
      const longer = end > bestReach[start]!;
      if (!longer && (current!.group !== source.group || bestExact[start] === 1)) continue;
      const exact = isExact(start, end);
      if (!longer && !exact) continue;
      bestReach[start] = end;
      bestExact[start] = exact ? 1 : 0;
      bestSource[start] = source;
    }
  }

  const parts: QuotePart[] = [];
  for (let start = 0; start < count; ) {
    const source = bestSource[start];
    let end = bestReach[start]!;
    if (source === undefined) {
      end = start;
      while (end + 1 < count && bestSource[end + 1] === undefined) end += 1;
    }
    parts.push({
      text: quote.slice(pieceStart(start), pieceEnd(end)),
      sourceId: source?.id ?? null,
      match: source === undefined ? null : bestExact[start] === 1 ? 'exact' : 'wording',
    });
    start = end + 1;
  }
  return { quote, parts };
}

/** Canonical text, NFC again (deleting a joiner can undo NFC: lib/text/canonical.ts), cut at the limit. */
function quoteText(quote: string): string {
  const text = canonicalText(quote).normalize('NFC');
  if (text.length <= maxQuoteLength) return text;
  const cut = isHighSurrogate(text.charCodeAt(maxQuoteLength - 1)) ? maxQuoteLength - 1 : maxQuoteLength;
  return text.slice(0, cut).trimEnd();
}

function isHighSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdbff;
}

function* codeUnits(text: string): Generator<number> {
  for (let index = 0; index < text.length; index += 1) yield text.charCodeAt(index);
}

/** Sources the selection touches first, each group in page order. */
function preparedSources(sources: readonly QuoteSource[], within: readonly string[]): PreparedSource[] {
  const touched = new Set(within);
  const prepared = sources.map(({ id, signedText }): PreparedSource => {
    const canonical = canonicalText(signedText).normalize('NFC');
    const words = wordsOf(canonical).map(({ word }) => word);
    return { id, group: touched.has(id) ? 0 : 1, canonical, wording: wordingOfCanonical(canonical), words };
  });
  return [...prepared.filter((source) => source.group === 0), ...prepared.filter((source) => source.group === 1)];
}

/** The words of a canonical text: its runs between spaces, each as its wording; a run with no wording is no word. */
function wordsOf(canonical: string): QuoteWord[] {
  const words: QuoteWord[] = [];
  for (const run of canonical.matchAll(/[^ ]+/g)) {
    const word = wordingOfCanonical(run[0]);
    if (word !== '') words.push({ word, start: run.index, end: run.index + run[0].length });
  }
  return words;
}

/** The source holding the whole quote, touched ones first, then exactly, then in page order. */
function wholeQuoteHolder(quote: string, sources: readonly PreparedSource[]): Omit<QuotePart, 'text'> | undefined {
  const quoteWording = wordingOfCanonical(quote);
  for (const group of [0, 1]) {
    const holders = sources.filter((source) => source.group === group);
    const exact = holders.find((source) => source.canonical.includes(quote));
    if (exact !== undefined) return { sourceId: exact.id, match: 'exact' };
    const inWording = quoteWording === '' ? undefined : holders.find((source) => source.wording.includes(quoteWording));
    if (inWording !== undefined) return { sourceId: inWording.id, match: 'wording' };
  }
  return undefined;
}

/**
 * Where a piece of the quote from word a to word b starts and ends. The
 * text between two words is split at its first space (words are runs
 * between spaces, so there is one), so the pieces re-join to the quote.
 */
function pieceBounds(quote: string, words: readonly QuoteWord[]) {
  const splitAfter = words.map(({ end }, index) => {
    if (index === words.length - 1) return { leftEnd: quote.length, rightStart: quote.length };
    const space = quote.indexOf(' ', end);
    return { leftEnd: space, rightStart: space + 1 };
  });
  return {
    pieceStart: (start: number): number => (start === 0 ? 0 : splitAfter[start - 1]!.rightStart),
    pieceEnd: (end: number): number => splitAfter[end]!.leftEnd,
  };
}

type QuoteMatchers = {
  wordIds: ReadonlyMap<string, number>;
  wordAutomaton: SuffixAutomaton;
  heldPrefix: HeldPrefixMatcher;
  heldSuffix: HeldPrefixMatcher;
};

/** Per start word a, the last word of the longest run from a the source holds in wording (a - 1: none). */
function reachInSource(source: PreparedSource, count: number, { wordIds, wordAutomaton, heldPrefix, heldSuffix }: QuoteMatchers): Int32Array {
  const heldEnding = longestHeldSuffixes(
    wordAutomaton,
    source.words.map((word) => wordIds.get(word) ?? -1),
  );
  // Whole words: the held run ending at word e starts at e - heldEnding[e] + 1, which never decreases with e.
  const reach = new Int32Array(count);
  let end = 0;
  for (let start = 0; start < count; start += 1) {
    while (end < count && end - heldEnding[end]! + 1 <= start) end += 1;
    reach[start] = end - 1;
  }
  // Runs from the first word, or to the last, whose edge word is cut.
  const prefix = heldPrefix(source.words);
  if (prefix > 0) reach[0] = Math.max(reach[0]!, prefix - 1);
  const suffix = heldSuffix(source.words.toReversed());
  for (let start = count - suffix; start < count; start += 1) reach[start] = count - 1;
  return reach;
}

function endsWith(textWord: string, patternWord: string): boolean {
  return textWord.endsWith(patternWord);
}

function startsWith(textWord: string, patternWord: string): boolean {
  return textWord.startsWith(patternWord);
}
