import { z } from 'zod';
import { address } from '../envelope/primitives';
import { listName } from './list-subscription';
import { chainIdKey, easConfig, openGradientConfig } from './schema';

const listAttester = z.looseObject({
  address,
  label: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  /** A page about the signer, for the reader who wants to know who they are. */
  url: z.string().url('must be a URL').refine((url) => /^https:\/\//i.test(url), 'must be an https URL').optional(),
});

/**
 * A trust list as its publisher serves it (spec §7). The contract sections
 * have the trust configuration's shapes, each entry complete: a list adds
 * entries, it does not patch the reader's (docs/protocol.md, "Trust lists").
 */
export const trustList = z.looseObject({
  name: listName,
  updated: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, such as "2026-12-01T09:00:00Z"' }),
  attesters: z.array(listAttester).max(10_000, 'must list at most 10,000 signers').default([]),
  opengradient: z.record(chainIdKey, openGradientConfig).default({}),
  eas: z.record(chainIdKey, easConfig).default({}),
  erc7007: z.record(chainIdKey, z.array(address)).default({}),
});

export type TrustList = z.infer<typeof trustList>;
