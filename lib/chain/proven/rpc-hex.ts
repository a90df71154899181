import { z } from 'zod';

/** The hex forms a JSON-RPC answer's fields take, checked before a proof is rebuilt from them. */
export const quantity = z.string().regex(/^0x[0-9a-fA-F]{1,64}$/, 'is not a hex quantity');
export const bytes = z.string().regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'is not hex bytes');
export const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'is not an address');
export const hash32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'is not a 32-byte hash');
