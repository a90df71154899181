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

/**
 * What an image's share link carries: the image's address, never its bytes
 * nor a verdict. Whoever opens it has their own Verity fetch the image and
 * check its Content Credentials (spec §9).
 */
export type SharedImage = {
  image: { url: string };
  /** The page it was seen on, when there was one; shown, never trusted. */
  pageUrl?: string;
};

/** What a share link carries: a proof, or an image. */
export type SharedItem = SharedProof | SharedImage;
