/**
 * Text-form tokens (spec §1.3). Grammar, where a token ends:
 *
 *   token     = "ai-proof:v1:" ( reference / body )
 *   reference = ( "og" / "eas" ) ":" run [ ":" run ]
 *   body      = 1*b64url 0*2"="
 *   run       = *b64url ; b64url = A-Z a-z 0-9 "-" "_"
 *
 * A token must not follow a b64url character (so `xai-proof:v1:…` is not a
 * token) and ends where its grammar ends: a body at the end of its base64url
 * run plus up to two `=`, a reference at the end of its id run. The prefix
 * and the kinds are case-sensitive. A reference whose chain id or id is
 * wrong is still a token: it becomes a malformed snippet that says why,
 * rather than vanishing.
 */
export const tokenPrefix = 'ai-proof:v1:';

/** `ai-proof:v1:BODY`: BODY is the base64url envelope. */
export type EnvelopeToken = {
  kind: 'envelope';
  /** UTF-16 offsets of the whole token in the scanned text. */
  start: number;
  end: number;
  /** The whole token. */
  text: string;
  body: string;
};

/** `ai-proof:v1:og:CHAINID:TXHASH` or `ai-proof:v1:eas:CHAINID:UID`, unvalidated. */
export type ReferenceToken = {
  kind: 'reference';
  start: number;
  end: number;
  text: string;
  reference: 'og' | 'eas';
  chainId: string;
  id: string;
};

export type TextToken = EnvelopeToken | ReferenceToken;

const tokenSource = String.raw`(?<![A-Za-z0-9_-])ai-proof:v1:(?:(og|eas):([A-Za-z0-9_-]*)(?::([A-Za-z0-9_-]*))?|([A-Za-z0-9_-]+={0,2}))`;
const tokenPattern = new RegExp(tokenSource, 'g');
const leadingTokenPattern = new RegExp(tokenSource, 'y');

function tokenOf(match: RegExpExecArray): TextToken {
  const start = match.index;
  const text = match[0];
  const end = start + text.length;
  if (match[4] !== undefined) return { kind: 'envelope', start, end, text, body: match[4] };
  return {
    kind: 'reference',
    start,
    end,
    text,
    reference: match[1] as 'og' | 'eas',
    chainId: match[2] ?? '',
    id: match[3] ?? '',
  };
}

export type ScanTokensParameters = {
  text: string;
  /** Tokens to return; the rest are only counted. */
  limit?: number;
};

export type ScanTokensReturnType = { tokens: TextToken[]; total: number };

/** The tokens in `text`, left to right, and how many there are in all. */
export function scanTokens({ text, limit = Infinity }: ScanTokensParameters): ScanTokensReturnType {
  const tokens: TextToken[] = [];
  let total = 0;
  if (!text.includes(tokenPrefix)) return { tokens, total };
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    total += 1;
    if (tokens.length < limit) tokens.push(tokenOf(match));
  }
  return { tokens, total };
}

/** `text` without its tokens (spec §5 step 1: their text is skipped). */
export function removeTokens(text: string): string {
  return text.includes(tokenPrefix) ? text.replace(tokenPattern, '') : text;
}

/** What a link's fragment starts with when it carries a token, also with the rest percent-encoded. */
export const hrefTokenStart = 'ai-proof';

/**
 * The token that stands in a link after `#` (spec §1.3): the fragment must
 * start with a token; anything after the token's end is ignored. A
 * fragment that starts `ai-proof` and goes on percent-encoded (`%3A` for
 * `:`) is decoded first; one whose first letters are encoded is not read,
 * so that one native query finds every link that carries a token.
 */
export function tokenInHref(href: string): TextToken | undefined {
  const hash = href.indexOf('#');
  if (hash === -1) return undefined;
  let fragment = href.slice(hash + 1);
  if (!fragment.startsWith(tokenPrefix)) {
    if (!fragment.startsWith(hrefTokenStart) || !fragment.includes('%')) return undefined;
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
  }
  leadingTokenPattern.lastIndex = 0;
  const match = leadingTokenPattern.exec(fragment);
  return match === null ? undefined : tokenOf(match);
}

/** `text` as one whole token, or undefined when it is anything else (the worker reads a token the content script sent). */
export function parseToken(text: string): TextToken | undefined {
  leadingTokenPattern.lastIndex = 0;
  const match = leadingTokenPattern.exec(text);
  return match === null || match[0].length !== text.length ? undefined : tokenOf(match);
}
