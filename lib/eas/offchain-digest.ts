import { keccak256, stringToBytes, type Address, type Hex } from 'viem';
import { checkedBytes, checkedUint, writeUint } from './encoding';
import type { OffchainField, OffchainLayout, OffchainMessage } from './offchain-layouts';

export type OffchainDomain = {
  name: string;
  version: string;
  chainId: bigint;
  verifyingContract: Address;
};

const domainTypeHash = keccak256(
  stringToBytes('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)'),
  'bytes',
);

/**
 * Domain separators by domain. A page's attestations almost all share one
 * domain, so each is hashed once; the bound keeps a hostile page from
 * growing the map without end.
 */
const domainSeparators = new Map<string, Uint8Array>();
const maxDomainSeparators = 256;

function domainSeparatorOf(domain: OffchainDomain): Uint8Array {
  const key = JSON.stringify([domain.name, domain.version, String(domain.chainId), domain.verifyingContract.toLowerCase()]);
  const cached = domainSeparators.get(key);
  if (cached) return cached;

  const encoded = new Uint8Array(5 * 32);
  encoded.set(domainTypeHash, 0);
  encoded.set(keccak256(stringToBytes(domain.name), 'bytes'), 32);
  encoded.set(keccak256(stringToBytes(domain.version), 'bytes'), 64);
  writeUint(encoded, 96, 32, checkedUint('domain chainId', domain.chainId, 256));
  encoded.set(checkedBytes('domain verifyingContract', domain.verifyingContract, 20), 128 + 12);
  const separator = keccak256(encoded, 'bytes');

  if (domainSeparators.size >= maxDomainSeparators) domainSeparators.clear();
  domainSeparators.set(key, separator);
  return separator;
}

export type HashOffchainAttestationParameters = {
  domain: OffchainDomain;
  layout: OffchainLayout;
  message: OffchainMessage;
};

export type HashOffchainAttestationReturnType = Uint8Array;

/**
 * The EIP-712 digest the attester signed: `0x1901 ‖ domainSeparator ‖
 * hashStruct(message)` under `layout`. The same bytes as viem's
 * `hashTypedData`, without its per-call type parsing. Throws
 * OffchainFieldError when a field the layout signs is missing or does not
 * fit its type.
 */
export function hashOffchainAttestation({ domain, layout, message }: HashOffchainAttestationParameters): HashOffchainAttestationReturnType {
  const encoded = new Uint8Array(32 * (layout.fields.length + 1));
  encoded.set(layout.typeHash, 0);
  layout.fields.forEach((field, index) => encodeField(encoded, 32 * (index + 1), field, message));

  const digestInput = new Uint8Array(2 + 32 + 32);
  digestInput[0] = 0x19;
  digestInput[1] = 0x01;
  digestInput.set(domainSeparatorOf(domain), 2);
  digestInput.set(keccak256(encoded, 'bytes'), 34);
  return keccak256(digestInput, 'bytes');
}

/** Writes the 32-byte EIP-712 encoding of one field at `offset`. */
function encodeField(target: Uint8Array, offset: number, { name, type }: OffchainField, message: OffchainMessage): void {
  const value = message[name];
  switch (type) {
    case 'uint16':
    case 'uint64':
      writeUint(target, offset, 32, checkedUint(name, value as bigint | undefined, type === 'uint16' ? 16 : 64));
      return;
    case 'bytes32':
      target.set(checkedBytes(name, value as Hex | undefined, 32), offset);
      return;
    case 'address':
      target.set(checkedBytes(name, value as Hex | undefined, 20), offset + 12);
      return;
    case 'bool':
      target[offset + 31] = value ? 1 : 0;
      return;
    case 'bytes':
      target.set(keccak256(checkedBytes(name, value as Hex | undefined), 'bytes'), offset);
      return;
  }
}
