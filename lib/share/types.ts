import type { PageProof } from '../extract/page-proof';

/**
 * What a share link carries in its fragment: the proof as found and the
 * text it was shown with, never a verdict. Whoever opens the link has
 * their own extension verify it against the chain.
 */
export type SharedProof = {
  proof: Omit<PageProof, 'id'>;
  /** The page it was found on, when there was one; shown, never trusted. */
  pageUrl?: string;
};
