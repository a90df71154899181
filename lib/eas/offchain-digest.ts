import { bytesToHex, hashTypedData, hexToBytes, type Address, type Hex } from 'viem';
import { checkedBytes, checkedUint } from './encoding';
import type { OffchainField, OffchainLayout, OffchainMessage } from './offchain-layouts';

export type OffchainDomain = {
  name: string;
  version: string;
  chainId: bigint;
  verifyingContract: Address;
};

export type HashOffchainAttestationParameters = {
  domain: OffchainDomain;
  layout: OffchainLayout;
  message: OffchainMessage;
};

export type HashOffchainAttestationReturnType = Uint8Array;

/**
 * The EIP-712 digest the attester signed, by viem's `hashTypedData`, under
 * the struct `layout` names (ethers, and so the SDK, ignores the declared
 * `primaryType`). Each signed field is checked first, so that a missing or
 * oversized one throws OffchainFieldError naming it; addresses and bytes go
 * in lower case, as their bytes (the SDK checks no checksum here).
 */
export function hashOffchainAttestation({ domain, layout, message }: HashOffchainAttestationParameters): HashOffchainAttestationReturnType {
  const digest = hashTypedData({
    domain: {
      name: domain.name,
      version: domain.version,
      chainId: checkedUint('domain chainId', domain.chainId, 256),
      verifyingContract: bytesToHex(checkedBytes('domain verifyingContract', domain.verifyingContract, 20)),
    },
    types: { [layout.structName]: layout.fields.map(({ name, type }) => ({ name, type })) },
    primaryType: layout.structName,
    message: Object.fromEntries(layout.fields.map((field) => [field.name, checkedValue(field, message)])),
  });
  return hexToBytes(digest);
}

function checkedValue({ name, type }: OffchainField, message: OffchainMessage): bigint | Hex | boolean {
  const value = message[name];
  switch (type) {
    case 'uint16':
    case 'uint64':
      return checkedUint(name, value as bigint | undefined, type === 'uint16' ? 16 : 64);
    case 'bytes32':
      return bytesToHex(checkedBytes(name, value as Hex | undefined, 32));
    case 'address':
      return bytesToHex(checkedBytes(name, value as Hex | undefined, 20));
    case 'bool':
      return Boolean(value);
    case 'bytes':
      return bytesToHex(checkedBytes(name, value as Hex | undefined));
  }
}
