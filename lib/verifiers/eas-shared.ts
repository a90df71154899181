import { keccak256, stringToBytes, type Address, type Hex } from 'viem';
import { schemaRegistryAbi } from '../abi/eas';
import { ChainUnavailableError, ContractRevertedError } from '../chain/errors';
import { readAfterHead, type ReadOutcome } from '../chain/read-outcome';
import type { ChainReader, PinnedBlock } from '../chain/types';
import { decodeAttestationData, type DecodedField } from '../eas/decode-data';
import { AttestationDataError, InvalidSchemaError } from '../eas/errors';
import { parseSchema } from '../eas/schema';
import type { Envelope } from '../envelope/schema';
import { canonicalText } from '../text/canonical';
import type { EasConfig, TrustConfig } from '../trust/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, CheckId, VerdictFacts } from '../verdict/types';
import { hashMismatchDetail } from './hash-mismatch';

/**
 * What a failed read means for check `id`. An outage is `unavailable`, never
 * `invalid`; a revert is the contract's own answer. Anything else is a fault
 * on our side, so it only says the check could not be made.
 */
export function readFailedCheck(id: CheckId, error: unknown, revertedDetail: string): Check {
  if (error instanceof ContractRevertedError) return failed(id, `${revertedDetail} (${error.details}).`, 'invalid');
  return unavailableCheck(id, error);
}

/** Check `id` could not be made because a read failed. */
export function unavailableCheck(id: CheckId, error: unknown): Check {
  if (error instanceof ChainUnavailableError) return unreachable(id, error.message);
  return unreachable(id, `Could not read the chain: ${error instanceof Error ? error.message : String(error)}`);
}

/** The EAS contracts the trust configuration names for `chainId`, if any. */
export function easConfigOf(trust: TrustConfig, chainId: number): EasConfig | undefined {
  return trust.eas[String(chainId)];
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Facts about the chain every read was made on. */
export function chainFacts({ reader, head }: { reader: ChainReader; head: ReadOutcome<PinnedBlock> }): VerdictFacts {
  return {
    chainId: reader.chainId,
    chainName: reader.config.name,
    ...(head.ok && { blockNumber: head.value.number.toString() }),
    ...(head.ok && reader.readBasis?.() !== undefined && { readBasis: reader.readBasis()! }),
  };
}

/** A date for people from unix seconds; seconds beyond what a Date holds are shown as they are. */
export function describeTime(seconds: bigint): string {
  return seconds <= 8_640_000_000_000n ? new Date(Number(seconds) * 1000).toISOString() : `unix time ${seconds}`;
}

/** Unix seconds as a JSON-safe number, when exact. */
export function safeSeconds(seconds: bigint): number | undefined {
  return seconds <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seconds) : undefined;
}

export type SchemaRecord = { uid: Hex; resolver: Address; revocable: boolean; schema: string };

export type ReadSchemaParameters = {
  reader: ChainReader;
  head: ReadOutcome<PinnedBlock>;
  /** The configured SchemaRegistry: never one named by the page. */
  registry: Address;
  schemaUid: Hex;
};

export function readSchema({ reader, head, registry, schemaUid }: ReadSchemaParameters): Promise<ReadOutcome<SchemaRecord>> {
  return readAfterHead(head, () => reader.readContract({ address: registry, abi: schemaRegistryAbi, functionName: 'getSchema', args: [schemaUid.toLowerCase() as Hex] }));
}

export type SchemaChecksParameters = {
  schemaRecord: ReadOutcome<SchemaRecord>;
  schemaUid: Hex;
  /** The attestation's ABI-encoded data. */
  data: Hex;
  /** The envelope, which says where `signedText` came from: its own `text`, or the text as shown. */
  envelope: Pick<Envelope, 'text'>;
  signedText: string;
};

export type SchemaChecksReturnType = {
  /** `schema`, then `content-binding`. */
  checks: [Check, Check];
  facts: VerdictFacts;
};

/**
 * The schema must be registered, parse, have a `bytes32 contentHash` field
 * and decode the data (spec §3); the attested contentHash must then equal
 * keccak256 of the UTF-8 of the canonical signed text (spec §4). The other
 * fields are decoded for display, and a string `model` field names the model.
 */
export function schemaChecks({ schemaRecord, schemaUid, data, envelope, signedText }: SchemaChecksParameters): SchemaChecksReturnType {
  const facts: VerdictFacts = { schemaUid };
  const decided = (schemaCheck: Check, contentDetail: string): SchemaChecksReturnType => ({
    checks: [schemaCheck, skipped('content-binding', contentDetail)],
    facts,
  });

  if (!schemaRecord.ok) {
    return decided(readFailedCheck('schema', schemaRecord.error, 'The SchemaRegistry reverted getSchema()'), 'Needs the schema, which could not be read.');
  }
  const record = schemaRecord.value;
  if (record.uid.toLowerCase() !== schemaUid.toLowerCase()) {
    return decided(failed('schema', `Schema ${schemaUid} is not registered in the configured SchemaRegistry.`, 'invalid'), 'No registered schema to decode the data with.');
  }
  facts.schema = record.schema;

  let fields: DecodedField[];
  try {
    const parameters = parseSchema(record.schema);
    if (!parameters.some((parameter) => parameter.name === 'contentHash' && parameter.type === 'bytes32')) {
      return decided(failed('schema', `The schema "${record.schema}" has no "bytes32 contentHash" field.`, 'invalid'), 'The schema binds no content.');
    }
    fields = decodeAttestationData({ parameters, data });
  } catch (error) {
    if (!(error instanceof InvalidSchemaError || error instanceof AttestationDataError)) throw error;
    return decided(failed('schema', `${error.message}.`, 'invalid'), 'The attestation data cannot be read.');
  }

  facts.schemaFields = fields.map(({ name, type, display }) => ({ name, type, value: display }));
  const model = fields.find((field) => field.name === 'model' && field.type === 'string' && field.value !== '');
  if (model) facts.model = model.value as string;

  const contentHash = fields.find((field) => field.name === 'contentHash' && field.type === 'bytes32')!.value as Hex;
  const expected = keccak256(stringToBytes(canonicalText(signedText)));
  const contentCheck =
    contentHash.toLowerCase() === expected
      ? passed('content-binding', 'keccak256 of the canonical signed text equals the attested contentHash.')
      : failed('content-binding', hashMismatchDetail({ envelope, target: 'the attested contentHash' }), 'altered');
  return { checks: [passed('schema', `Registered schema "${record.schema}".`), contentCheck], facts };
}

/** Expired when expirationTime is set and not after the pinned head's timestamp. */
export function expiryCheck({ expirationTime, head }: { expirationTime: bigint; head: ReadOutcome<PinnedBlock> | undefined }): Check {
  if (expirationTime === 0n) return passed('expiry', 'The attestation does not expire.');
  if (!head) return skipped('expiry', `Expires at ${describeTime(expirationTime)}; no chain to tell the time by.`);
  if (!head.ok) return unavailableCheck('expiry', head.error);
  return expirationTime <= head.value.timestamp
    ? failed('expiry', `The attestation expired at ${describeTime(expirationTime)}.`, 'invalid')
    : passed('expiry', `Valid until ${describeTime(expirationTime)}.`);
}

export type AttesterTrustedCheckReturnType = { check: Check; label?: string };

/** The attester must be one the trust configuration names (compared case-insensitively). */
export function attesterTrustedCheck({ trust, attester }: { trust: TrustConfig; attester: Address }): AttesterTrustedCheckReturnType {
  const trusted = trust.trustedAttesters.find((entry) => sameAddress(entry.address, attester));
  return trusted
    ? { check: passed('attester-trusted', `${trusted.label} (${attester}) is a trusted attester.`), label: trusted.label }
    : { check: failed('attester-trusted', `${attester} is not in the trusted attesters.`, 'untrusted') };
}
