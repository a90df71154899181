import { z } from 'zod';
import { address } from '../envelope/primitives';

/** Chain ids are decimal strings in the configuration (spec §7). */
const chainIdKey = z.string().regex(/^[1-9][0-9]{0,15}$/, 'chain ids are decimal strings such as "1" or "31337"');

const rpcUrl = z
  .string()
  .url('must be a URL')
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL');

export const chainConfig = z.looseObject({
  name: z.string().min(1, 'must not be empty'),
  rpc: z.array(rpcUrl).min(1, 'needs at least one RPC URL'),
  confirmations: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10,000'),
  /** Base URL of a block explorer; links are `${explorer}/tx/HASH` and `${explorer}/address/ADDRESS`. */
  explorer: z.string().url('must be a URL').nullable(),
});

export const openGradientConfig = z.looseObject({
  teeRegistry: address,
  settlementRelays: z.array(address),
});

export const easConfig = z.looseObject({
  eas: address,
  schemaRegistry: address,
});

export const trustedAttester = z.looseObject({
  address,
  label: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

export const trustConfig = z.looseObject({
  chains: z.record(chainIdKey, chainConfig),
  opengradient: z.record(chainIdKey, openGradientConfig),
  eas: z.record(chainIdKey, easConfig),
  erc7007: z.record(chainIdKey, z.array(address)),
  trustedAttesters: z.array(trustedAttester),
});

export type TrustConfig = z.infer<typeof trustConfig>;
export type ChainConfig = z.infer<typeof chainConfig>;
export type OpenGradientConfig = z.infer<typeof openGradientConfig>;
export type EasConfig = z.infer<typeof easConfig>;
export type TrustedAttester = z.infer<typeof trustedAttester>;
