/**
 * Text a page chose (snippet text, model names, check details, URLs) must not
 * drive the terminal or the reader's eye when Verity prints it. Unsafe are:
 *
 * - C0 controls U+0000–U+001F (ESC starts colour, cursor and OSC 52
 *   clipboard sequences; CR and BS overwrite what was printed) and DEL;
 * - C1 controls U+0080–U+009F (U+009B is CSI, U+009D is OSC on its own);
 * - bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
 *   which reorder what a reader sees ("Trojan Source").
 *
 * C0, DEL and C1 are exactly Unicode's category Cc. Each is shown visibly
 * as `\u{1B}`, so neutralising ESC also neutralises the sequence it would
 * have started: the rest of it is plain text.
 */
const unsafeCharacters = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

export type TerminalSafeOptions = {
  /** Leave line feeds and tabs as they are, for text laid out on several lines (a code block). Default false. */
  keepLayout?: boolean;
};

/** `text` with every control and bidi character written out as `\u{XX}`. */
export function terminalSafe(text: string, { keepLayout = false }: TerminalSafeOptions = {}): string {
  return text.replace(unsafeCharacters, (character) => (keepLayout && isLayout(character) ? character : `\\u{${codeOf(character).toUpperCase()}}`));
}

/**
 * JSON text (from JSON.stringify) whose strings hold no raw DEL, C1 or bidi
 * character: each becomes a `\uXXXX` escape, so JSON.parse gives back exactly
 * the same strings. JSON.stringify already escapes U+0000–U+001F inside
 * strings, so a raw line feed or tab is the indentation, which stays.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(unsafeCharacters, (character) => (isLayout(character) ? character : `\\u${codeOf(character).padStart(4, '0')}`));
}

function isLayout(character: string): boolean {
  return character === '\n' || character === '\t';
}

function codeOf(character: string): string {
  return character.charCodeAt(0).toString(16);
}
