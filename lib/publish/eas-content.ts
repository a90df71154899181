import { encodeAbiParameters, encodePacked, keccak256, parseAbiParameters, stringToBytes, zeroAddress, type Hex } from 'viem';
import { canonicalText } from '../text/canonical';

/** The EAS schema Verity's attestations use (issue 9): the content hash readers check, and the model shown to them. */
export const contentSchema = 'bytes32 contentHash,string model';

/**
 * The UID SchemaRegistry gives a schema: keccak256(abi.encodePacked(schema,
 * resolver, revocable)). The content schema has no resolver; attestations
 * made by `verity attest` are revocable.
 */
export function schemaUidOf({ schema, revocable = true }: { schema: string; revocable?: boolean }): Hex {
  return keccak256(encodePacked(['string', 'address', 'bool'], [schema, zeroAddress, revocable]));
}

/** keccak256 of the UTF-8 of the canonical text (spec §4, §5): what an EAS attestation's contentHash must be. */
export function contentHashOf(text: string): Hex {
  return keccak256(stringToBytes(canonicalText(text)));
}

/** The attestation data of the content schema for `text`. */
export function encodeContentData({ text, model }: { text: string; model: string }): Hex {
  return encodeAbiParameters(parseAbiParameters(contentSchema), [contentHashOf(text), model]);
}
