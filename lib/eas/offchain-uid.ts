import { bytesToHex, encodePacked, keccak256, stringToHex, zeroAddress, type Address, type Hex } from 'viem';
import { checkedBytes, checkedUint } from './encoding';
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
 * Addresses and bytes go in lower case, as their bytes: the SDK does not
 * check an address's checksum here.
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
  const fields: [type: string, value: unknown][] = [
    ...(version === 0 ? [] : [['uint16', version] as [string, unknown]]),
    ['bytes', stringToHex(schema)],
    ['address', bytesToHex(checkedBytes('recipient', recipient, 20))],
    ['address', zeroAddress], // the attester
    ['uint64', checkedUint('time', time, 64)],
    ['uint64', checkedUint('expirationTime', expirationTime, 64)],
    ['bool', revocable],
    ['bytes32', bytesToHex(checkedBytes('refUID', refUID, 32))],
    ['bytes', bytesToHex(checkedBytes('data', data))],
    ...(version === 2 ? [['bytes32', bytesToHex(checkedBytes('salt', salt, 32))] as [string, unknown]] : []),
    ['uint32', 0], // the bump
  ];
  return keccak256(encodePacked(fields.map(([type]) => type), fields.map(([, value]) => value)));
}
