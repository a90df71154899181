import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { AttesterKeyError } from './eas-errors';

/** A secp256k1 private key as people write it: 64 hex digits, with or without 0x. */
const privateKeyPattern = /^(0x)?[0-9a-fA-F]{64}$/;

/** Whether `text` could be a private key: such text never belongs on a command line, where shells and process lists keep it. */
export function looksLikePrivateKey(text: string): boolean {
  return privateKeyPattern.test(text.trim());
}

export type AttesterAccountParameters = {
  /** The key file's content or the environment variable's value. */
  key: string;
  /** Where it came from, named in errors (`--key-file attester.key`, `VERITY_ATTESTER_KEY`). */
  source: string;
};

/** The attester's account from its private key (hex, 0x optional, surrounding whitespace ignored). Throws AttesterKeyError. */
export function attesterAccount({ key, source }: AttesterAccountParameters): PrivateKeyAccount {
  const text = key.trim();
  if (text === '') throw new AttesterKeyError(`${source} is empty: it must hold the attester's private key`, { field: 'key' });
  if (!privateKeyPattern.test(text)) {
    throw new AttesterKeyError(`${source} does not hold a private key: expected 64 hex digits (0x optional)`, { field: 'key' });
  }
  try {
    return privateKeyToAccount((text.startsWith('0x') ? text : `0x${text}`) as `0x${string}`);
  } catch (error) {
    // Zero, or not below the curve order.
    throw new AttesterKeyError(`${source} is not a valid secp256k1 private key`, { field: 'key', cause: error });
  }
}
