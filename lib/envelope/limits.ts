/**
 * Bounds on what a page can make the extension do. Every one is checked
 * before the expensive step it guards, so a hostile page costs at most
 * these amounts of work.
 */

/**
 * Largest envelope, in UTF-8 bytes of its raw form (attribute value or
 * token body): room for a signed text of about 190,000 ASCII characters in
 * JSON (140,000 in base64url), while a page cannot make us parse megabytes.
 */
export const maxEnvelopeBytes = 262_144;

/** Largest script-form element, in UTF-8 bytes: several full-size envelopes. */
export const maxScriptBytes = 4 * maxEnvelopeBytes;

/** Envelopes read from one script element; a CMS groups a page's proofs, not thousands. */
export const maxEnvelopesPerScript = 100;

/** Snippets examined per page (or per finder); real pages carry far fewer, and each costs RPC calls. */
export const maxSnippetsPerPage = 500;

/** Longest signed text an envelope may carry, in UTF-16 code units (the schema enforces it). */
export const maxSignedTextLength = 200_000;

/**
 * Raw text read from one snippet for its canonical text, in UTF-16 code
 * units: five times the longest signed text, to leave room for source
 * indentation and markup whitespace that canonicalisation collapses.
 */
export const maxShownTextScan = 5 * maxSignedTextLength;

/**
 * Raw text read for the canonical texts of all the snippets one finder (one
 * page) reports, so hundreds of nested snippets over one huge text cannot
 * multiply the work.
 */
export const maxShownTextScanPerPage = 20 * maxShownTextScan;

/** Longest script-form `target` selector that is queried; the schema's own bound. */
export const maxTargetSelectorLength = 1_000;

/** Characters of a proof's raw form kept for display. */
export const maxRawDisplayLength = 200;
