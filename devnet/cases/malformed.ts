import { attributeSnippet, envelopeJson, tokenSnippet } from '../producers/embed';
import type { Scenario, ScenarioContext } from './types';

/** Envelopes a verifier must report as malformed, with the reason, never crash on. */
export function malformedScenarios(context: ScenarioContext): Scenario[] {
  const { chainId, contracts } = context;
  const zeroHash = `0x${'0'.repeat(64)}`;
  const base = { expectedState: 'malformed' as const };
  return [
    {
      ...base,
      id: 'malformed-bad-json',
      title: 'Attribute JSON cut short',
      proofType: null,
      form: 'attribute-json',
      reason: 'The attribute starts like JSON but does not parse.',
      html: attributeSnippet({ value: `{"v":1,"proof":{"type":"eas-onchain","chainId":${chainId},"uid":"${zeroHash}"`, shown: 'A snippet whose proof was cut off by a content management system.' }),
    },
    {
      ...base,
      id: 'malformed-unknown-type',
      title: 'Unknown proof type',
      proofType: null,
      form: 'attribute-json',
      reason: 'Version 1 has no proof type "zk-inference".',
      html: attributeSnippet({
        value: envelopeJson({ v: 1, proof: { type: 'zk-inference', chainId, circuit: zeroHash } }),
        shown: 'A snippet that claims a kind of proof this version does not define.',
      }),
    },
    {
      ...base,
      id: 'malformed-unknown-version',
      title: 'Unknown envelope version',
      proofType: 'eas-onchain',
      form: 'attribute-json',
      reason: 'Only envelope version 1 exists.',
      html: attributeSnippet({
        value: envelopeJson({ v: 2, proof: { type: 'eas-onchain', chainId, uid: zeroHash } }),
        shown: 'A snippet from a producer that writes a future envelope version.',
      }),
    },
    {
      ...base,
      id: 'malformed-bad-hex',
      title: 'teeId with 63 hex digits',
      proofType: 'og-tee',
      form: 'attribute-json',
      reason: 'A bytes32 field must be 0x and exactly 64 hex digits.',
      html: attributeSnippet({
        value: envelopeJson({
          v: 1,
          proof: {
            type: 'og-tee',
            chainId,
            registry: contracts.teeRegistry,
            teeId: `0x${'a'.repeat(63)}`,
            inputHash: zeroHash,
            outputHash: zeroHash,
            timestamp: 1_700_000_000,
            signature: 'AAAA',
          },
        }),
        shown: 'A snippet whose proof has a hash one digit short.',
      }),
    },
    {
      ...base,
      id: 'malformed-token-not-json',
      title: 'Text token whose body is not JSON',
      proofType: null,
      form: 'text-token',
      reason: 'The token body is valid base64url, but it decodes to "not json at all".',
      html: tokenSnippet({ token: `ai-proof:v1:${Buffer.from('not json at all').toString('base64url')}`, shown: 'A post with a broken proof token.' }),
    },
  ];
}
