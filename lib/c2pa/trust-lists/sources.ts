/** The lists refreshed from where the C2PA publishes them (lib/c2pa/trust-lists/README.md). */
export const trustListSources = {
  /** The C2PA Trust List: the anchors of conforming signers. */
  official: 'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TRUST-LIST.pem',
  /** The C2PA TSA Trust List: the time-stamping authorities whose time stamps count. */
  tsa: 'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TSA-TRUST-LIST.pem',
} as const;

export type TrustListId = keyof typeof trustListSources;

/** When the copies shipped in lib/c2pa/trust-lists/ were published (the source commit's date). */
export const shippedTrustListsDate = '2026-08-21';
