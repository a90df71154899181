import { keccak256, stringToBytes, type Address, type Hex } from 'viem';
import { checkedBytes, checkedUint, writeUint } from './encoding';
import type { OffchainAttestationVersion } from './offchain-layouts';

export type GetOffchainUidParameters = {
  version: OffchainAttestationVersion;
  /**
   * The schema UID as written in the message. The SDK packs it as `bytes`
   * holding the UTF-8 of this hex string, not as its 32 bytes, so its
   * spelling (letter case included) is part of the UID.
   */
  schema: string;
  recipient: Address;
  time: bigint;
  expirationTime: bigint;
  revocable: boolean;
  refUID: Hex;
  data: Hex;
  /** Hashed by version 2 only, where it is required. */
  salt?: Hex | undefined;
};

export type GetOffchainUidReturnType = Hex;

/**
 * The UID of an off-chain attestation, as the EAS SDK's
 * `Offchain.getOffchainUID` computes it: keccak256 of the Solidity-packed
 * fields, laid out like an on-chain UID with a zero attester and a zero bump.
 * Throws OffchainFieldError when a field is missing or out of range (the SDK
 * throws too).
 */
export function getOffchainUid({
  version,
  schema,
  recipient,
  time,
  expirationTime,
  revocable,
  refUID,
  data,
  salt,
}: GetOffchainUidParameters): GetOffchainUidReturnType {
  const schemaBytes = stringToBytes(schema);
  const recipientBytes = checkedBytes('recipient', recipient, 20);
  const refUidBytes = checkedBytes('refUID', refUID, 32);
  const dataBytes = checkedBytes('data', data);
  const saltBytes = version === 2 ? checkedBytes('salt', salt, 32) : undefined;
  const timeValue = checkedUint('time', time, 64);
  const expirationValue = checkedUint('expirationTime', expirationTime, 64);

  const versionLength = version === 0 ? 0 : 2;
  const packed = new Uint8Array(
    versionLength + schemaBytes.length + 20 + 20 + 8 + 8 + 1 + 32 + dataBytes.length + (saltBytes?.length ?? 0) + 4,
  );
  let offset = 0;
  if (versionLength) writeUint(packed, offset, versionLength, BigInt(version));
  offset += versionLength;
  packed.set(schemaBytes, offset);
  offset += schemaBytes.length;
  packed.set(recipientBytes, offset);
  offset += 20 + 20; // then the zero attester
  writeUint(packed, offset, 8, timeValue);
  offset += 8;
  writeUint(packed, offset, 8, expirationValue);
  offset += 8;
  packed[offset] = revocable ? 1 : 0;
  offset += 1;
  packed.set(refUidBytes, offset);
  offset += 32;
  packed.set(dataBytes, offset);
  offset += dataBytes.length;
  if (saltBytes) packed.set(saltBytes, offset);
  // The trailing uint32 bump is zero, and the array is zero-filled.
  return keccak256(packed);
}
