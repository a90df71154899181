import { keccak256, stringToBytes, type Hex } from 'viem';
import { canonicalText } from '../../lib/text/canonical';
import { contentSchema, schemaWithoutContentHash } from '../deploy';
import { easSdk } from './eas-sdk';

/** keccak256 of the UTF-8 canonical text (spec §4): what an EAS content proof attests. */
export function easContentHash(signedText: string): Hex {
  return keccak256(stringToBytes(canonicalText(signedText)));
}

export type EncodeContentDataParameters = { signedText: string; model: string };

/** Attestation data under `contentSchema`: the content hash of the text and the model. */
export function encodeContentData({ signedText, model }: EncodeContentDataParameters): Hex {
  return new easSdk.SchemaEncoder(contentSchema).encodeData([
    { name: 'contentHash', type: 'bytes32', value: easContentHash(signedText) },
    { name: 'model', type: 'string', value: model },
  ]) as Hex;
}

export type EncodeDataWithoutContentHashParameters = { prompt: string; model: string };

/** Attestation data under `schemaWithoutContentHash`: it names a prompt, never the content. */
export function encodeDataWithoutContentHash({ prompt, model }: EncodeDataWithoutContentHashParameters): Hex {
  return new easSdk.SchemaEncoder(schemaWithoutContentHash).encodeData([
    { name: 'promptHash', type: 'bytes32', value: keccak256(stringToBytes(prompt)) },
    { name: 'model', type: 'string', value: model },
  ]) as Hex;
}
