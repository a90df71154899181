import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { decodeAttestationData } from '../eas/decode-data';
import { AttestationDataError, InvalidSchemaError } from '../eas/errors';
import { readEasExplorerLink } from '../eas/explorer-link';
import { parseSchema } from '../eas/schema';
import { verifyOffchainAttestation } from '../eas/verify-offchain-attestation';
import { validateEnvelope } from '../envelope/decode';
import type { EasOffchainProof } from '../envelope/schema';
import { contentHashOf, contentSchema, schemaUidOf } from './eas-content';
import { AttestationSignatureError, ContentHashMismatchError } from './eas-errors';
import { checkEnvelope, type PublishEnvelope, type TextFormat } from './envelope';
import { InvalidFieldError } from './publish-errors';

export type ReadEasOffchainAttestationParameters = {
  /**
   * The attestation as a publisher has it: the EAS SDK's signed object
   * (bigints or strings), the explorer's JSON export `{ sig, signer }`,
   * either as JSON text, or an explorer share link (`…/offchain/url/#attestation=…`).
   */
  input: unknown;
  /** The attester's address; needed when the input does not carry it (the SDK's object). */
  signer?: string | undefined;
};

export type ReadEasOffchainAttestationReturnType = {
  /** JSON-ready: the SDK's bigints as decimal strings (spec §3c). */
  attestation: Record<string, unknown>;
  signer: Address;
};

/** The attestation and its signer from any of the forms EAS tools hand out. Throws InvalidFieldError naming what is missing. */
export function readEasOffchainAttestation({ input, signer }: ReadEasOffchainAttestationParameters): ReadEasOffchainAttestationReturnType {
  let value = input;
  if (typeof value === 'string') {
    const link = readEasExplorerLink(value);
    if (link !== undefined) {
      if (!link.ok) throw new InvalidFieldError(`Cannot read the EAS explorer link: ${link.reason}`, { field: 'attestation' });
      value = { sig: link.envelope.proof.attestation, signer: link.envelope.proof.signer };
    } else {
      try {
        value = JSON.parse(value);
      } catch {
        throw new InvalidFieldError('The attestation is neither JSON (the SDK object or the explorer export) nor an EAS explorer share link', {
          field: 'attestation',
        });
      }
    }
  }
  if (!isObject(value)) throw new InvalidFieldError('The attestation must be a JSON object', { field: 'attestation' });

  const json = toJson(value);
  // The explorer's export and share links package the attestation with its signer.
  const packaged = isObject(json.sig) ? { attestation: json.sig, carried: json.signer } : { attestation: json, carried: undefined };
  const carried = typeof packaged.carried === 'string' ? packaged.carried : undefined;
  if (signer !== undefined && carried !== undefined && signer.toLowerCase() !== carried.toLowerCase()) {
    throw new InvalidFieldError(`The signer given (${signer}) is not the one the attestation names (${carried})`, { field: 'signer' });
  }
  const address = signer ?? carried;
  if (address === undefined) {
    throw new InvalidFieldError("The attestation does not say who signed it: give the attester's address (signer)", { field: 'signer' });
  }
  if (!isAddress(address)) throw new InvalidFieldError(`signer must be a 0x address, not "${address}"`, { field: 'signer' });
  return { attestation: packaged.attestation as Record<string, unknown>, signer: getAddress(address) };
}

export type EasOffchainEnvelopeParameters = ReadEasOffchainAttestationReturnType & {
  /** The text being published: the attestation's contentHash must be keccak256(UTF-8 of canonical(text)). */
  text: string;
  /** `markdown` when the text is Markdown: the envelope then carries it as `text` with `"format": "markdown"`. */
  format?: TextFormat;
  /** The model name shown to readers. */
  model?: string;
  /**
   * The attestation's schema string, when it is not the content schema
   * (`bytes32 contentHash,string model`); it must have a `bytes32 contentHash` field.
   */
  schema?: string;
};

export type EasOffchainEnvelopeReturnType = {
  envelope: PublishEnvelope;
  /** The text the attestation binds, which the page must show. */
  signedText: string;
};

/**
 * An `eas-offchain` envelope (spec §3c) for an attestation of `text`.
 * Before anything is made, the envelope must be one readers accept, the
 * UID and EIP-712 signature must hold as the EAS SDK checks them, and the
 * attested contentHash must be that of the text (spec §4); otherwise a
 * PublishError names the field at fault.
 */
export function easOffchainEnvelope({ attestation, signer, text, format = 'plain', model, schema }: EasOffchainEnvelopeParameters): EasOffchainEnvelopeReturnType {
  const proof = { type: 'eas-offchain', attestation, signer };
  const validated = validateEnvelope({ v: 1, proof });
  if (!validated.ok) throw new InvalidFieldError(`The attestation would not be accepted by readers: ${validated.reason}`, { field: fieldOf(validated.reason) });
  const parsed = validated.envelope.proof as EasOffchainProof;

  const checked = verifyOffchainAttestation({ attestation: parsed.attestation, signer });
  if (!checked.uid.ok) throw new AttestationSignatureError(`The attestation's uid does not hold: ${checked.uid.reason}`, { field: 'attestation.uid' });
  if (!checked.signature.ok) {
    throw new AttestationSignatureError(`The attestation's signature does not verify for ${signer}: ${checked.signature.reason}`, { field: 'attestation.signature' });
  }
  checkContentHash({ data: parsed.attestation.message.data, schemaUid: parsed.attestation.message.schema, schema, text });

  const envelope = checkEnvelope({
    v: 1,
    proof,
    ...(format === 'markdown' && { text, format: 'markdown' as const }),
    ...(model !== undefined && { model }),
  });
  return { envelope, signedText: text };
}

export type CheckContentHashParameters = {
  data: Hex;
  schemaUid: Hex;
  /** The schema string; by default the content schema, which `schemaUid` must then name. */
  schema?: string | undefined;
  text: string;
};

/** The attestation data's contentHash must be keccak256(UTF-8 of canonical(text)). Throws a PublishError naming the field. */
export function checkContentHash({ data, schemaUid, schema, text }: CheckContentHashParameters): void {
  if (schema === undefined) {
    const known = [true, false].some((revocable) => schemaUidOf({ schema: contentSchema, revocable }) === schemaUid.toLowerCase());
    if (!known) {
      throw new InvalidFieldError(`The attestation's schema ${schemaUid} is not "${contentSchema}": give its schema string (schema) so its contentHash can be read`, {
        field: 'attestation.message.schema',
      });
    }
  }
  let contentHash: Hex;
  try {
    const parameters = parseSchema(schema ?? contentSchema);
    const fields = decodeAttestationData({ parameters, data });
    const field = fields.find(({ name, type }) => name === 'contentHash' && type === 'bytes32');
    if (field === undefined) throw new InvalidFieldError(`The schema "${schema}" has no "bytes32 contentHash" field: readers cannot bind it to a text`, { field: 'schema' });
    contentHash = field.value as Hex;
  } catch (error) {
    if (error instanceof InvalidSchemaError) throw new InvalidFieldError(error.message, { field: 'schema', cause: error });
    if (error instanceof AttestationDataError) throw new InvalidFieldError(error.message, { field: 'attestation.message.data', cause: error });
    throw error;
  }
  const expected = contentHashOf(text);
  if (contentHash.toLowerCase() !== expected) {
    throw new ContentHashMismatchError(
      `The attestation's contentHash ${contentHash} is not that of this text (${expected}): it attests another text, or the text was changed`,
      { field: 'contentHash' },
    );
  }
}

/** `proof.attestation.message.time: must be …` → `attestation.message.time`. */
function fieldOf(reason: string): string {
  const path = /^proof\.([\w.[\]]+):/.exec(reason);
  return path ? path[1]! : 'attestation';
}

/** The SDK's bigints as decimal strings, as the envelope writes them. */
function toJson(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_key, member: unknown) => (typeof member === 'bigint' ? member.toString() : member))) as Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
