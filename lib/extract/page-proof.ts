import type { RenderingDoubt } from '../verdict/rendering-doubts';
import type { ShownLink } from '../text/markdown-links';
import type { LocateProblem } from './locate-proofs';

/**
 * One proof as the content script found it. The content script does not
 * decode or validate (that needs zod, which stays out of every page); it
 * sends what it read and the worker decides.
 */
export type PageProof = {
  /** Unique within the page for its lifetime, e.g. "p12". */
  id: string;
  form: 'attribute' | 'script' | 'text';
  /** The envelope as found: JSON, base64url, or a text-form token. */
  raw: string;
  /** Canonical text of the snippet (spec §5). */
  shownText: string;
  /** Canonical text of what the browser renders of the snippet. */
  renderedText: string;
  /** What the browser could not confirm about how that text is drawn; absent when it confirmed all of it. */
  renderingDoubts?: RenderingDoubt[];
  /** The links and images the snippet shows, for signed Markdown (spec §4); absent where no page was read (pasted, shared). */
  links?: ShownLink[];
  /**
   * Why the proof cannot be read as it stands: too large to send (then `raw`
   * is only a preview), a proof script that is not JSON, or a script entry
   * whose target matches nothing.
   */
  problem?: LocateProblem;
  /**
   * Present (false) when the snippet could not be read in full: nothing can
   * be compared, and the texts sent are only its start.
   */
  shownTextComplete?: false;
};
