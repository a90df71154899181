import type { ImageVerdict } from '../lib/c2pa/image-verdict';
import type { ImageState } from '../lib/c2pa/validation-states';
import type { TrustConfigProvenance } from '../lib/trust/layer';
import type { PageProof } from '../lib/extract/page-proof';
import type { PastedKind } from '../lib/paste/classify-paste';
import type { Report } from '../lib/report/schema';
import type { TrustConfig } from '../lib/trust/schema';
import type { TrustRequest } from '../lib/trust/trust-request';
import type { RenderingDoubt } from '../lib/verdict/rendering-doubts';
import type { VerdictState } from '../lib/verdict/states';
import type { Verdict } from '../lib/verdict/types';
import type { ModelClaim } from '../lib/verdict/model-claim';
import type { SignerName } from '../lib/verdict/origin-facts';

/** A line of text drawn in a frame's viewport, in CSS pixels, as it goes between frames. */
export type TextLine = { x: number; y: number; width: number; height: number };

/**
 * Where a snippet's text is drawn in the outermost window a content script
 * could read, for the parent of another origin around it to look at
 * (entrypoints/content/outer-frames.ts).
 */
export type TextAroundFrame = {
  /** How many readable frames up from the sender's that window is: 0 for the sender's own. */
  levels: number;
  lines: TextLine[];
  /** Hit-test boxes that pass clicks through too. */
  seeThrough: boolean;
  /** The least opacity the frames around that window may draw the text at, together, before it is too faint to confirm (1: none to spare). */
  leastOpacity: number;
};

/** A label a window posts a frame of its own to name its element there: 128 random bits in hex. */
export const frameLabelPattern = /^[0-9a-f]{32}$/;

/** What the pages around a frame do to a snippet; `untested` when one of them had no place of it in its viewport to hit-test. */
export type LookAroundFrameAnswer = { doubts: RenderingDoubt[]; untested?: true };

/** Lines of one `look-around-frame` at most: as many as a reading hit-tests. */
export const maxLinesAroundFrame = 40;

/** Image URLs in one `check-page-images` at most; a frame with more near the viewport at once sends several. */
export const maxPageImageBatch = 100;

/** One image with Content Credentials a tab's page showed, as the popup lists it. */
export type TabImage = {
  url: string;
  state: ImageState;
  /** The manifest's AI marker, told only where its signature holds (as on the badge). */
  ai: boolean;
  /** lib/c2pa/image-words.ts: "Made with AI — signed by …", or the failure's reason. */
  headline: string;
};

/** What the popup lists for one proof of a tab. */
export type TabProof = {
  id: string;
  form: PageProof['form'];
  excerpt: string;
  /** Absent while the proof is being checked. */
  verdict?: Verdict;
  /** The address of the frame it is in, when not the top frame's document. */
  frameUrl?: string;
  /** False when the tab's stored bytes refused it: listed, but Verity kept nothing the inspector could show. */
  kept?: false;
};

export type TabState = {
  url: string;
  proofs: TabProof[];
  /** Proofs on the page beyond the per-page cap. */
  notChecked: number;
};

/**
 * What a page did against Verity's own display, as its content scripts saw
 * it (docs/protocol.md, "A page against Verity's badges"). Counts, and what
 * the first look-alikes say: the popup says it in a sentence and lists them.
 */
export type PageIntegrity = {
  /** Badges the page kept taking off, or moving from where they belong, past the times Verity puts them back. */
  badgesKeptOff: number;
  /** Badges hidden, faded out or covered where they were placed, while their snippet shows. */
  badgesHidden: number;
  /** The card was closed, or drawn over, as it opened. */
  cardHidden: boolean;
  /** Elements the page drew that pass for Verity's badge. */
  lookAlikes: number;
  /** What the first of them say, as the page wrote it (a label, a title or their text): for the popup to quote. */
  lookAlikeWords: string[];
};

/** Look-alikes quoted in a report, and the characters of each: the page's words, kept short. */
export const lookAlikeWordsLimits = { count: 5, length: 60 } as const;

/** A verdict state and its count, worst first, for summaries. */
export type StateCounts = Partial<Record<VerdictState, number>>;

/** One piece of a checked quote, and the proof whose signed text holds it (spec of the quote check: lib/quote/check-quote.ts). */
export type QuotePartResult = {
  /** The piece of the quote, canonical text. */
  text: string;
  /** The page's id of the proof whose signed text holds this piece; null when none does. */
  proofId: string | null;
  /** How the piece is held: character for character, or in wording only (spec §4); null when it is not. */
  match: 'exact' | 'wording' | null;
  /** That proof's verdict, when it has one. */
  state?: VerdictState;
  confidence?: number;
  /** The start of that proof's snippet text, to name it. */
  excerpt?: string;
  /** Who that proof names as standing behind its text (a verdict that holds: vouches; otherwise only claims to). */
  signer?: SignerName;
  /** The model someone claims made that text: a claim, never a checked fact. */
  model?: ModelClaim;
};

/**
 * The answer to "Verify selection" (and to a plain text pasted in the
 * popup): does a proof on the page sign this text, and what is that
 * proof's verdict? It never claims more than the proofs do: `state` is
 * the verdict of the proof(s) that hold the quote, and absent when none
 * does.
 */
export type SelectionCheck = {
  pageUrl: string;
  /** ms since the epoch. */
  checkedAt: number;
  /** The selection's canonical text (cut at the quote limit). */
  quote: string;
  /** Ids of the page's proofs whose snippet the selection lies in or touches. */
  within: string[];
  /**
   * - `in-signed-text`: the selection lies in a snippet whose proof signs it.
   * - `not-in-signed-text`: it lies in a snippet with a proof, but that proof does not sign the selected words.
   * - `not-checked`: it lies in a snippet whose proof the tab's budget kept Verity from checking; `unavailable`, whatever other proofs sign.
   * - `found-in-proof`: outside any snippet, one proof of the page signs it (quote check).
   * - `found-in-other-snippet`: it lies in a snippet with a proof, but (some of) its words are signed only by the proof of another snippet; no state but the selected snippet's failure.
   * - `spans-proofs`: it runs across snippets; each piece is signed by one of them.
   * - `partly-signed`: some pieces are signed by proofs of the page, others by none.
   * - `not-signed`: no proof of the page signs it.
   * - `no-proofs`: the page has no proofs to look in.
   * - `unreadable`: no selection could be read (an empty selection, a page Verity cannot run on).
   *
   * How they are decided (entrypoints/background/selection/selection-check.ts): the quote is
   * looked for in the signed text of every proof of the page that has a
   * verdict showing what it signs (an envelope's `text`; the shown text
   * only when the verdict is verified, pending or untrusted); a piece of
   * fewer than three words of a longer quote counts as unsigned, being in
   * almost any text. One proof holding the whole quote gives
   * `in-signed-text` when it is a proof of a snippet the selection touches,
   * else `found-in-proof`.
   */
  outcome: 'in-signed-text' | 'not-in-signed-text' | 'not-checked' | 'found-in-proof' | 'found-in-other-snippet' | 'spans-proofs' | 'partly-signed' | 'not-signed' | 'no-proofs' | 'unreadable';
  parts: QuotePartResult[];
  /** The worst verdict among the proofs that hold the quote (or the selected snippet's failure; `unavailable` for `not-checked`); absent when none does. */
  state?: VerdictState;
  /** The lowest confidence among them. */
  confidence?: number;
  /** One sentence a reader understands. */
  summary: string;
  /**
   * A citation of the selected words to paste (lib/report/quote-citation.ts),
   * with share links; absent when no proof of the page holds any of them.
   */
  citation?: string;
};

/** A proof checked on its own, outside any page: pasted, shared or resolved from a reference. */
export type StandaloneResult = {
  /** What it is, for a heading: "EAS attestation 0x12…ab on Base", "Envelope (og-tee)". */
  label: string;
  proof: PageProof;
  verdict: Verdict;
};

/** The answer to material pasted in the popup. */
export type PastedCheck =
  /** A proof (envelope, token, share link, or what a reference resolved to), verified. */
  | { kind: 'proofs'; input: PastedKind; results: StandaloneResult[] }
  /** A plain text without a proof: quote-checked against the proofs of the tab. */
  | { kind: 'quote'; check: SelectionCheck }
  /**
   * Nothing to verify, and why: empty input, an envelope that needs the text
   * it signs, a reference found on no configured chain, or (with
   * `unavailable`) a lookup that could not be made.
   */
  | { kind: 'problem'; input: PastedKind; message: string; unavailable?: true };


/**
 * Every message and its answer. Requests to the worker are accepted only
 * from the extension's own contexts (see isOwnSender); pages never reach it.
 */
export type WorkerMessages = {
  /** Content script: verify these proofs of the sender's tab. */
  'verify-proofs': {
    request: { pageUrl: string; proofs: PageProof[]; notChecked: number };
    response: { verdicts: { id: string; verdict: Verdict }[] };
  };
  /** Content script: these proofs left the page. */
  'forget-proofs': { request: { ids: string[] }; response: { ok: true } };
  /** Popup: everything known about a tab. */
  'tab-state': { request: { tabId: number }; response: TabState };
  /** Inspector: one proof with its verdict. */
  'proof-details': {
    request: { tabId: number; id: string };
    response: { pageUrl: string; proof: PageProof; verdict?: Verdict } | null;
  };
  /** Inspector: verify one proof again, ignoring cached verdicts. */
  'verify-again': { request: { tabId: number; id: string }; response: { verdict: Verdict } | null };
  /**
   * Content script: open the inspector on one proof of the sender's tab. A
   * page cannot open extension pages, and a content script knows no tab id.
   */
  'open-inspector': { request: { id: string }; response: { ok: true } };
  /** Content script: an image card's "Details" opens the inspector on that image (checked again there). */
  'open-image-inspector': { request: { url: string }; response: { ok: true } };
  /** Content script: a card's "Trust this signer…" opens the options page asking to trust this attester, contract or relay. */
  'open-trust-signer': { request: TrustRequest; response: { ok: true } };
  /** Popup: the last "Verify selection" answer in a tab. */
  'selection-check': { request: { tabId: number }; response: SelectionCheck | null };
  /** Popup: check pasted material; `tabId` names the tab whose proofs a plain text is looked for in. */
  'check-pasted': { request: { input: string; compareText?: string; tabId?: number }; response: PastedCheck };
  /** Inspector (share links): verify one proof on its own, with the text it is for. */
  'verify-standalone': {
    /** `pageUrl`: the page the share link names, kept in the history as the link's claim. */
    request: { proof: Omit<PageProof, 'id'>; pageUrl?: string };
    response: { verdict: Verdict };
  };
  /** Popup, inspector: a report of a tab's proofs, or of one of them; null when the tab or proof is gone. */
  report: { request: { tabId: number; proofId?: string }; response: Report | null };
  /** Options: can this RPC be reached, and is it the chain it claims? */
  'test-rpc': {
    request: { url: string; chainId: number };
    response: { ok: true; blockNumber: string; latencyMs: number } | { ok: false; error: string };
  };
  /**
   * Extension pages: check one image's Content Credentials (spec §9). `verdict` is null for an image
   * without a manifest; `engineMs` is the engine's time on it, absent when it was never read. The
   * verdict carries the engine's manifest store JSON, for the inspector. `shared`: opened from a share
   * link, so recorded in the history with the page the link names (`pageUrl`).
   */
  'check-image': { request: { url: string; pageUrl?: string; shared?: boolean }; response: { verdict: ImageVerdict | null; engineMs?: number } };
  /**
   * Content scripts: the images of the frame that came near the viewport since its last batch, refused whole
   * without the grant. Answered once their checks ended, or after a second with those that had
   * (background/images/page-image-batch.ts): `answered` lists the images with Content Credentials (one without
   * gets no badge, so it is not named); each that ends later comes as `page-image-checked` to the same frame.
   */
  'check-page-images': { request: { urls: string[] }; response: { answered: { url: string; verdict: ImageVerdict }[] } };
  /** Content script: what the page of this frame did against Verity's badges and card, all of it so far. */
  'page-integrity': { request: { integrity: PageIntegrity }; response: { ok: true } };
  /** Popup: what the tab's page (all its frames) did against Verity's badges and card; null when nothing. */
  'tab-integrity': { request: { tabId: number }; response: { integrity: PageIntegrity | null } };
  /**
   * Content script: what the page of another origin around the sender's frame (or around a readable frame `levels`
   * up) does to a snippet drawn at these lines; up the frames to the top. Each parent is asked `look-at-frame`.
   */
  'look-around-frame': { request: TextAroundFrame; response: LookAroundFrameAnswer };
  /** Content script: its parent window posted it this label (`expect-frame-label`), naming its frame element there. */
  'frame-label': { request: { label: string }; response: { ok: true } };
  /** Popup: the images with Content Credentials the tab's page showed, and how many of its images Verity could not read. */
  'tab-images': { request: { tabId: number }; response: { images: TabImage[]; unread: number } };
  /** Options: the effective configuration and where each part came from. */
  'trust-config': {
    request: Record<string, never>;
    response: {
      effective: TrustConfig;
      managed: unknown;
      managedError?: string;
      user: unknown;
      /** Which layer set each value of `effective`; a value with no entry is a built-in default. */
      provenance?: TrustConfigProvenance;
    };
  };
};

/** Messages the worker or popup sends to a tab's content script. */
export type ContentMessages = {
  /** Scroll to a proof's snippet and highlight it. */
  'reveal-proof': { request: { id: string }; response: { found: boolean } };
  /**
   * "Verify selection": what is selected in this frame, as canonical text,
   * and the ids of the proofs whose snippets it touches; null when nothing
   * is selected. The content script keeps the selection's place for the
   * card that shows the answer.
   */
  'read-selection': { request: Record<string, never>; response: { text: string; within: string[] } | null };
  /** Show the answer to "Verify selection" in a card by the selection. */
  'show-selection-check': { request: { check: SelectionCheck }; response: { shown: boolean } };
  /** The worker has a newer verdict (a pending one became final). */
  'verdict-updated': { request: { id: string; verdict: Verdict }; response: { ok: true } };
  /**
   * "Verify image with Verity" without the grant of image access: the image's bytes as this frame reads them
   * (same-origin, or CORS permitting), base64; or why they could not be read.
   */
  'read-image': { request: { url: string }; response: { bytes: string; contentType?: string } | { error: string } };
  /** A late answer to this frame's `check-page-images` (after its batch was answered): the image at `url` has Content Credentials. */
  'page-image-checked': { request: { url: string; verdict: ImageVerdict }; response: { ok: true } };
  /** "Verify image with Verity": show the answer on the image at `url` in this frame. */
  'show-image-check': { request: { url: string; verdict: ImageVerdict | null }; response: { shown: boolean } };
  /** How many images the frame's document holds (`document.images`): the popup offers image checks only where there are some. */
  'count-images': { request: Record<string, never>; response: { images: number } };
  /** Pass on to the worker (`frame-label`) the labels the parent window posts this frame for a while. */
  'expect-frame-label': { request: Record<string, never>; response: { listening: true } };
  /** Post a new label to each frame of the document: a frame's document tells the worker its own, which names its element here. */
  'label-frames': { request: Record<string, never>; response: { labels: string[] } };
  /**
   * What this document does to the frame element of one of its labels at these lines of the framed document's
   * viewport, as to text of its own (rendering honesty); `known` false when no label names a frame here now.
   * `around` for its own parent of another origin.
   */
  'look-at-frame': {
    request: { labels: string[] } & Omit<TextAroundFrame, 'levels'>;
    response: { known: boolean; doubts: RenderingDoubt[]; around?: TextAroundFrame; untested?: true };
  };
};

export type WorkerMessageType = keyof WorkerMessages;
export type ContentMessageType = keyof ContentMessages;

export type Message<map, type extends keyof map> = { type: type } & (map[type] extends { request: infer request } ? request : never);
export type Answer<map, type extends keyof map> = map[type] extends { response: infer response } ? response : never;
