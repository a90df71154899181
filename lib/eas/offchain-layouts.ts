import { keccak256, stringToBytes } from 'viem';
import { BaseError } from '../errors';
import type { OffchainAttestation } from '../envelope/schema';

/** Off-chain attestation versions the EAS SDK signs and verifies. */
export type OffchainAttestationVersion = 0 | 1 | 2;

export type TypedDataField = { readonly name: string; readonly type: string };

export type OffchainMessage = OffchainAttestation['message'];

/** A field the SDK's layouts sign: a message key and one of the six types they use. */
export type OffchainField = {
  readonly name: keyof OffchainMessage;
  readonly type: 'uint16' | 'uint64' | 'bytes32' | 'address' | 'bool' | 'bytes';
};

/**
 * One EIP-712 layout the EAS SDK accepts: the single struct in `types`, and
 * the `primaryType` the attestation must declare beside it. The digest uses
 * the struct's own name, whatever `primaryType` says (ethers ignores it).
 */
export type OffchainLayout = {
  readonly primaryType: string;
  readonly structName: string;
  readonly fields: readonly OffchainField[];
  /** keccak256 of the EIP-712 type encoding, computed once. */
  readonly typeHash: Uint8Array;
};

const legacyFields: readonly OffchainField[] = [
  { name: 'schema', type: 'bytes32' },
  { name: 'recipient', type: 'address' },
  { name: 'time', type: 'uint64' },
  { name: 'expirationTime', type: 'uint64' },
  { name: 'revocable', type: 'bool' },
  { name: 'refUID', type: 'bytes32' },
  { name: 'data', type: 'bytes' },
];
const version1Fields: readonly OffchainField[] = [{ name: 'version', type: 'uint16' }, ...legacyFields];
const version2Fields: readonly OffchainField[] = [...version1Fields, { name: 'salt', type: 'bytes32' }];

function layout(primaryType: string, structName: string, fields: readonly OffchainField[]): OffchainLayout {
  const encodedType = `${structName}(${fields.map(({ name, type }) => `${type} ${name}`).join(',')})`;
  return { primaryType, structName, fields, typeHash: keccak256(stringToBytes(encodedType), 'bytes') };
}

/**
 * The layouts the SDK's `verifyOffchainAttestationSignature` accepts for each
 * version (its OFFCHAIN_ATTESTATION_TYPES); the first is the one it signs
 * with. Legacy attestations were produced by three generations of tooling.
 */
export const offchainLayouts: { readonly [version in OffchainAttestationVersion]: readonly OffchainLayout[] } = {
  0: [
    layout('Attestation', 'Attestation', legacyFields),
    layout('Attestation', 'Attest', legacyFields),
    layout('Attest', 'Attest', legacyFields),
  ],
  1: [layout('Attest', 'Attest', version1Fields)],
  2: [layout('Attest', 'Attest', version2Fields)],
};

export type FindOffchainLayoutParameters = {
  version: OffchainAttestationVersion;
  primaryType: string;
  types: Readonly<Record<string, readonly TypedDataField[]>>;
};

/**
 * The layout that `primaryType` and `types` spell exactly (same single
 * struct, same fields in the same order), as the SDK's deep equality
 * demands; undefined when there is none for the version.
 */
export function findOffchainLayout({ version, primaryType, types }: FindOffchainLayoutParameters): OffchainLayout | undefined {
  const structNames = Object.keys(types);
  if (structNames.length !== 1) return undefined;
  const structName = structNames[0]!;
  const fields = types[structName]!;
  return offchainLayouts[version].find(
    (candidate) =>
      candidate.primaryType === primaryType &&
      candidate.structName === structName &&
      candidate.fields.length === fields.length &&
      candidate.fields.every((field, index) => field.name === fields[index]!.name && field.type === fields[index]!.type),
  );
}

export type GetOffchainVersionParameters = {
  /** The top-level `version` the SDK writes beside the signed object since late 2023. */
  version?: number | undefined;
  /** `message.version`: all the EAS explorer's exports and older SDK releases carry. */
  message: { version?: bigint | undefined };
};

export type GetOffchainVersionReturnType =
  | { ok: true; version: OffchainAttestationVersion }
  /** `field` is where the fault is, as a path in the attestation; `reason` one phrase naming the values. */
  | { ok: false; field: readonly ['version'] | readonly ['message', 'version']; reason: string };

/**
 * The attestation's version (spec §3c): its top-level `version`, else
 * `message.version`, else 0 (the legacy layout, which signs no version).
 * Two versions that differ leave it unknown: the UID and the types would
 * be read by one and the signed message say the other.
 */
export function getOffchainVersion({ version, message }: GetOffchainVersionParameters): GetOffchainVersionReturnType {
  if (version !== undefined && message.version !== undefined && BigInt(version) !== message.version) {
    return { ok: false, field: ['version'], reason: `is ${version} but message.version is ${message.version}: an attestation has one version` };
  }
  const read = BigInt(version ?? message.version ?? 0n);
  if (read < 0n || read > 2n) {
    return { ok: false, field: version === undefined ? ['message', 'version'] : ['version'], reason: `is ${read}, not an EAS off-chain attestation version (0, 1 or 2)` };
  }
  return { ok: true, version: Number(read) as OffchainAttestationVersion };
}

/** An attestation whose version cannot be read (getOffchainVersion says why); the envelope schema refuses these. */
export class OffchainVersionError extends BaseError {
  override name = 'OffchainVersionError';

  constructor({ field, reason }: { field: readonly string[]; reason: string }) {
    super(`The attestation's ${field.join('.')} ${reason}.`);
  }
}

/** getOffchainVersion for an attestation that passed the envelope schema; throws OffchainVersionError otherwise. */
export function offchainVersionOf(attestation: GetOffchainVersionParameters): OffchainAttestationVersion {
  const read = getOffchainVersion(attestation);
  if (!read.ok) throw new OffchainVersionError(read);
  return read.version;
}
