import { z } from 'zod';
import { address } from '../envelope/primitives';
import { c2paTrust } from './c2pa-trust';
import { trustListSubscriptions } from './list-subscription';

/** Chain ids are decimal strings in the configuration (spec §7). */
export const chainIdKey = z.string().regex(/^[1-9][0-9]{0,15}$/, 'chain ids are decimal strings such as "1" or "31337"');

/** Only http(s): an explorer link is opened by the user and an RPC is fetched; other schemes (javascript:, file:) have no business here. */
const httpUrl = z
  .string()
  .url('must be a URL')
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL');

/**
 * RPC URLs of one chain. A URL listed twice would let one server answer for
 * two and pass the cross-check alone, so repeats are rejected.
 */
const rpcUrls = z
  .array(httpUrl)
  .min(1, 'needs at least one RPC URL')
  .superRefine((urls, context) => {
    const firstIndex = new Map<string, number>();
    urls.forEach((url, index) => {
      const key = URL.canParse(url) ? new URL(url).href.toLowerCase() : url;
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else context.addIssue({ code: 'custom', path: [index], message: `is already listed (at ${first})` });
    });
  });

const chainFields = {
  name: z.string().min(1, 'must not be empty'),
  rpc: rpcUrls,
  confirmations: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10,000'),
  /** Base URL of a block explorer; links are `${explorer}/tx/HASH` and `${explorer}/address/ADDRESS`. */
  explorer: httpUrl.nullable(),
  /**
   * How reads are trusted (spec §7): `proofs` checks every answer against
   * the agreed block's header (state proofs, local execution, rebuilt
   * receipts), `quorum` has every deciding read agreed by two endpoints.
   * Missing: `quorum` (see readsOf); the built-in chains say which.
   */
  reads: z.enum(['proofs', 'quorum'], 'must be "proofs" or "quorum"').optional(),
};

export const chainConfig = z.looseObject({
  ...chainFields,
  // A chain without an explorer is common (local and private chains); no link is shown.
  explorer: chainFields.explorer.default(null),
});

const openGradientFields = {
  teeRegistry: address,
  settlementRelays: z.array(address),
};

export const openGradientConfig = z.looseObject(openGradientFields);

const easFields = {
  eas: address,
  schemaRegistry: address,
};

export const easConfig = z.looseObject(easFields);

export const trustedAttester = z.looseObject({
  address,
  label: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  /** A page about the signer (a trust list entry's `url`), shown as a link where the signer is named. */
  url: z.string().url('must be a URL').refine((url) => /^https:\/\//i.test(url), 'must be an https URL').optional(),
});

export const trustConfig = z.looseObject({
  chains: z.record(chainIdKey, chainConfig),
  opengradient: z.record(chainIdKey, openGradientConfig),
  eas: z.record(chainIdKey, easConfig),
  erc7007: z.record(chainIdKey, z.array(address)),
  trustedAttesters: z.array(trustedAttester),
  c2pa: c2paTrust.optional(),
  /** Lists subscribed to (spec §7), managed and the user's together (mergeTrustConfig). */
  trustLists: trustListSubscriptions.optional(),
  /**
   * Which values a trust list put here, by path (see listSourcesOf): set by
   * layerTrustLists on the effective configuration, never taken from a layer.
   */
  listSources: z.record(z.string(), z.string()).optional(),
});

/**
 * One layer of configuration as a file, a policy or the options page gives
 * it: every section and every field of a chain's entry may be missing, so a
 * layer can change one value of a built-in chain. Merged over the layers
 * below it (see mergeTrustConfig), the result must pass `trustConfig`.
 */
export const trustConfigInput = z.looseObject({
  chains: z.record(chainIdKey, z.looseObject(chainFields).partial()).optional(),
  opengradient: z.record(chainIdKey, z.looseObject(openGradientFields).partial()).optional(),
  eas: z.record(chainIdKey, z.looseObject(easFields).partial()).optional(),
  erc7007: z.record(chainIdKey, z.array(address)).optional(),
  trustedAttesters: z.array(trustedAttester).optional(),
  c2pa: c2paTrust.optional(),
  trustLists: trustListSubscriptions.optional(),
});

export type TrustConfig = z.infer<typeof trustConfig>;
export type TrustConfigInput = z.infer<typeof trustConfigInput>;
export type ChainConfig = z.infer<typeof chainConfig>;
export type OpenGradientConfig = z.infer<typeof openGradientConfig>;
export type EasConfig = z.infer<typeof easConfig>;
export type TrustedAttester = z.infer<typeof trustedAttester>;

/** How a chain's reads are trusted: a chain the configuration adds without saying is read by quorum (docs/protocol.md §6). */
export function readsOf(config: ChainConfig): 'proofs' | 'quorum' {
  return config.reads ?? 'quorum';
}
