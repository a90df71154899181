/** Where image trust is kept in storage.local; a module of its own, so scripts outside the bundle (tests, the bench) can name them without the shipped lists. */
/** The reader's own anchors for Content Credentials: PEM text, every block a certificate (written by the options page). */
export const imageAnchorsKey = 'verity.c2pa.anchors';
/** Whether the reader turned on the retired interim list (a boolean; off when absent). */
export const interimListKey = 'verity.c2pa.interimList';
/** The refreshed lists: a TrustListStatus for each TrustListId. */
export const trustListsKey = 'verity.c2pa.trustLists';
