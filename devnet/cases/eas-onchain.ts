import { keccak256, stringToBytes, type Hex } from 'viem';
import { canonicalText } from '../../lib/text/canonical';
import type { DevnetWalletClient } from '../clients';
import { encodeContentData, encodeDataWithoutContentHash } from '../producers/eas-data';
import { attest, easOnchainEnvelope, revokeAttestation } from '../producers/eas-onchain';
import { easReference, embedEnvelope, linkSnippet, tokenSnippet } from '../producers/embed';
import { easModel } from './eas-offchain';
import type { Scenario, ScenarioContext } from './types';

/** Seconds an expiring attestation lives before the chain is moved past it. */
const shortLifetime = 4n;

/** eas-onchain proofs (spec §3d) on the real EAS contracts. */
export async function easOnchainScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, chainId } = context;
  const attestText = (signedText: string, options: { wallet?: DevnetWalletClient; eas?: `0x${string}`; expirationTime?: bigint } = {}) =>
    attest({
      clients,
      wallet: options.wallet ?? clients.wallets.trustedAttester,
      eas: options.eas ?? contracts.eas,
      schema: contracts.schemas.content,
      data: encodeContentData({ signedText, model: easModel }),
      expirationTime: options.expirationTime,
    });
  const reference = (uid: Hex) => easReference({ chainId, uid });
  const base = { proofType: 'eas-onchain' as const };
  const scenarios: Scenario[] = [];

  // First, while the chain clock still matches the wall clock: an attestation that expires in seconds.
  const expiredText = 'Applications for the community garden plots close at midnight on Friday.';
  const latest = await clients.public.getBlock();
  const start = BigInt(Math.max(Number(latest.timestamp), context.now()));
  const expiredUid = await attestText(expiredText, { expirationTime: start + shortLifetime });
  await clients.test.increaseTime({ seconds: Number(shortLifetime) + 1 });
  await clients.test.mine({ blocks: 1 });

  const tideText = 'High tide on Saturday is at 11:40, and the harbour wall path will close for an hour around it.';
  scenarios.push({
    ...base,
    id: 'eas-onchain-short-ref',
    title: 'Short reference in a post',
    form: 'short-ref',
    expectedState: 'verified',
    reason: 'Attested on the trusted EAS by the trusted attester; contentHash is the hash of the canonical text.',
    html: tokenSnippet({ token: reference(await attestText(tideText)), shown: tideText }),
  });

  // No envelope text: the signed text is the canonical text of both paragraphs, joined by one space.
  const paragraphs = [
    'The river clean-up collected more than two tonnes of litter over three days.',
    'Organisers thanked the 400 volunteers and said the next clean-up is planned for October.',
  ];
  const cleanupUid = await attestText(canonicalText(paragraphs.join('\n')));
  const cleanupEnvelope = easOnchainEnvelope({ chainId, uid: cleanupUid, eas: contracts.eas, model: easModel });
  scenarios.push({
    ...base,
    id: 'eas-onchain-attribute-json',
    title: 'Attribute, JSON, on a two-paragraph block',
    form: 'attribute-json',
    expectedState: 'verified',
    reason: 'The canonical text of the whole block is what was attested; the optional eas field equals the configured EAS.',
    envelope: cleanupEnvelope,
    html: embedEnvelope({
      form: 'attribute-json',
      envelope: cleanupEnvelope,
      shown: { html: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('') },
      tag: 'div',
      id: 'eas-onchain-attribute-json',
    }),
  });

  const choirText = 'The youth choir won first prize at the national competition with a piece written by its own director.';
  scenarios.push({
    ...base,
    id: 'eas-onchain-link',
    title: 'Short reference in a link',
    form: 'link',
    expectedState: 'verified',
    reason: 'The same reference as a post token, carried by a link instead.',
    html: linkSnippet({ token: reference(await attestText(choirText)), shown: choirText }),
  });

  const stadiumSigned = 'The stadium roof repairs will finish in time for the first home game of the season.';
  scenarios.push({
    ...base,
    id: 'eas-onchain-altered',
    title: 'Text edited after attesting',
    form: 'short-ref',
    expectedState: 'altered',
    reason: 'The attestation is valid, but its contentHash is not the hash of the shown text.',
    html: tokenSnippet({
      token: reference(await attestText(stadiumSigned)),
      shown: stadiumSigned.replace('will finish in time for', 'will not be ready for'),
    }),
  });

  const revokedText = 'The new ferry terminal will open on 1 May with a ceremony at noon.';
  const revokedUid = await attestText(revokedText);
  await revokeAttestation({ clients, wallet: clients.wallets.trustedAttester, eas: contracts.eas, schema: contracts.schemas.content, uid: revokedUid });
  scenarios.push({
    ...base,
    id: 'eas-onchain-revoked',
    title: 'Revoked on chain',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The attestation has a revocationTime.',
    html: tokenSnippet({ token: reference(revokedUid), shown: revokedText }),
  });

  scenarios.push({
    ...base,
    id: 'eas-onchain-expired',
    title: 'Past its expiration time',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'expirationTime is before the timestamp of the latest block.',
    html: tokenSnippet({ token: reference(expiredUid), shown: expiredText }),
  });

  const ghostText = 'The old cinema on Bridge Street will reopen as a community arts centre next year.';
  scenarios.push({
    ...base,
    id: 'eas-onchain-unknown-uid',
    title: 'UID the EAS contract does not know',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The trusted EAS has no attestation with this UID.',
    html: tokenSnippet({ token: reference(keccak256(stringToBytes('verity devnet: an attestation that was never made'))), shown: ghostText }),
  });

  const noHashText = 'The summer reading challenge for children starts when the schools break up in July.';
  const noHashUid = await attest({
    clients,
    wallet: clients.wallets.trustedAttester,
    eas: contracts.eas,
    schema: contracts.schemas.withoutContentHash,
    data: encodeDataWithoutContentHash({ prompt: 'Write about the summer reading challenge.', model: easModel }),
  });
  scenarios.push({
    ...base,
    id: 'eas-onchain-schema-without-content-hash',
    title: 'Schema without contentHash',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The schema has no bytes32 contentHash field, so the attestation binds no content.',
    html: tokenSnippet({ token: reference(noHashUid), shown: noHashText }),
  });

  const strangerText = 'Water bills in the region will fall by a tenth from April, the supplier announced.';
  scenarios.push({
    ...base,
    id: 'eas-onchain-untrusted-attester',
    title: 'Attested by an attester nobody trusts',
    form: 'short-ref',
    expectedState: 'untrusted',
    reason: 'A valid attestation on the trusted EAS, by an attester not in trustedAttesters.',
    html: tokenSnippet({ token: reference(await attestText(strangerText, { wallet: clients.wallets.untrustedAttester })), shown: strangerText }),
  });

  const rogueText = 'The motorway will be closed in both directions all weekend for bridge inspections.';
  const rogueEnvelope = easOnchainEnvelope({
    chainId,
    uid: await attestText(rogueText, { eas: contracts.rogue.eas }),
    eas: contracts.rogue.eas,
    model: easModel,
  });
  scenarios.push({
    ...base,
    id: 'eas-onchain-rogue-eas',
    title: "Attested on the page's own EAS contract",
    form: 'attribute-json',
    expectedState: 'untrusted',
    reason: 'The envelope names an EAS contract the trust configuration does not name.',
    envelope: rogueEnvelope,
    html: embedEnvelope({ form: 'attribute-json', envelope: rogueEnvelope, shown: rogueText, id: 'eas-onchain-rogue-eas' }),
  });
  return scenarios;
}
