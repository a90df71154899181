import type { Address, Hex } from 'viem';
import { embedEnvelope, type EmbeddingForm, type ShownContent, type SnippetTag } from '../producers/embed';
import { encodeContentData, encodeDataWithoutContentHash } from '../producers/eas-data';
import {
  easOffchainEnvelope,
  revokeOffchainAttestation,
  signOffchainAttestation,
  type EasDomain,
  type SignedOffchainAttestation,
} from '../producers/eas-offchain';
import { easSdk } from '../producers/eas-sdk';
import { devnetPrivateKeys } from '../keys';
import type { Scenario, ScenarioContext } from './types';

/** The model named in EAS attestations of the demo. */
export const easModel = 'llama-3.3-70b-instruct';

type EasOffchainCase = {
  id: string;
  title: string;
  form: Exclude<EmbeddingForm, 'short-ref'>;
  expectedState: Scenario['expectedState'];
  reason: string;
  attestation: SignedOffchainAttestation;
  signer: Address;
  shown: ShownContent;
  text?: string;
  tag?: SnippetTag;
};

/** eas-offchain proofs (spec §3c), signed with the real EAS SDK. */
export async function easOffchainScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, chainId } = context;
  const trustedDomain: EasDomain = { address: contracts.eas, version: contracts.easVersion, chainId };
  const trustedAttester = clients.accounts.trustedAttester.address;
  const time = BigInt(context.now() - 300);
  const attestText = (signedText: string, options: { domain?: EasDomain; attesterPrivateKey?: Hex; time?: bigint; expirationTime?: bigint } = {}) =>
    signOffchainAttestation({
      domain: options.domain ?? trustedDomain,
      attesterPrivateKey: options.attesterPrivateKey ?? devnetPrivateKeys.trustedAttester,
      schema: contracts.schemas.content,
      data: encodeContentData({ signedText, model: easModel }),
      time: options.time ?? time,
      expirationTime: options.expirationTime,
    });
  const scenario = ({ id, title, form, expectedState, reason, attestation, signer, shown, text, tag }: EasOffchainCase): Scenario => {
    const envelope = easOffchainEnvelope({ attestation, signer, text, model: easModel });
    return { id, title, proofType: 'eas-offchain', form, expectedState, reason, envelope, html: embedEnvelope({ form, envelope, shown, id, tag }) };
  };

  const scenarios: Scenario[] = [];
  const verifiedForms = [
    ['eas-offchain-attribute-json', 'Attribute, JSON', 'attribute-json', 'Museums across the region will waive entry fees on the first Sunday of every month, starting in October.'],
    ['eas-offchain-attribute-base64url', 'Attribute, base64url', 'attribute-base64url', 'The regional rail operator will run longer trains on the coastal line after complaints about crowding at weekends.'],
    ['eas-offchain-text-token', 'Text token in a post', 'text-token', 'Our weather desk expects a dry, bright weekend with highs of 24 degrees on Saturday.'],
    ['eas-offchain-script', 'Script form with a target', 'script', 'The university will offer free evening courses in coding and languages to residents over 60.'],
  ] as const;
  for (const [id, title, form, text] of verifiedForms) {
    scenarios.push(
      scenario({
        id,
        title,
        form,
        expectedState: 'verified',
        reason: 'Signed off-chain by the trusted attester for the trusted EAS; contentHash is the hash of the canonical text.',
        attestation: await attestText(text),
        signer: trustedAttester,
        shown: text,
      }),
    );
  }

  const twoParagraphs = 'The new cycle hire scheme launches on Monday with 300 bikes.\n\nMembership costs £5 a month, and the first 30 minutes of every ride are free.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-two-paragraphs',
      title: 'Signed text with line breaks, shown as two paragraphs',
      form: 'attribute-json',
      tag: 'div',
      expectedState: 'verified',
      reason: 'The envelope text and the shown paragraphs have the same canonical text, which contentHash covers.',
      attestation: await attestText(twoParagraphs),
      signer: trustedAttester,
      text: twoParagraphs,
      shown: {
        html: '<p>The new cycle hire scheme launches on Monday with 300 bikes.</p><p>Membership costs £5 a month, and the first 30 minutes of every ride are free.</p>',
      },
    }),
  );

  const zooSigned = 'The zoo welcomed two red panda cubs this spring, and visitors can see them from next week.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-altered',
      title: 'Text edited after attesting',
      form: 'attribute-json',
      expectedState: 'altered',
      reason: 'The attestation is genuine, but its contentHash is not the hash of the shown text.',
      attestation: await attestText(zooSigned),
      signer: trustedAttester,
      shown: zooSigned.replace('two red panda cubs', 'two snow leopard cubs'),
    }),
  );

  // A forger swaps in data for their own text and recomputes the UID, but cannot re-sign.
  const forgedText = 'The harbour festival has been cancelled this year because of budget cuts.';
  const genuine = await attestText('The harbour festival returns this year with a bigger food market and fireworks on the Saturday night.');
  const forgedData = encodeContentData({ signedText: forgedText, model: easModel });
  const { message } = genuine;
  const forged: SignedOffchainAttestation = {
    ...genuine,
    message: { ...message, data: forgedData },
    uid: easSdk.Offchain.getOffchainUID(
      genuine.version,
      message.schema,
      message.recipient,
      message.time,
      message.expirationTime,
      message.revocable,
      message.refUID,
      forgedData,
      message.salt,
    ),
  };
  scenarios.push(
    scenario({
      id: 'eas-offchain-bad-signature',
      title: 'Data swapped after signing',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "The data and UID match the shown text, but the attester's signature does not cover them.",
      attestation: forged,
      signer: trustedAttester,
      shown: forgedText,
    }),
  );

  const revokedText = 'The mayor will present the new housing plan at a public meeting in the town hall on Thursday evening.';
  const revoked = await attestText(revokedText);
  await revokeOffchainAttestation({ clients, wallet: clients.wallets.trustedAttester, eas: contracts.eas, uid: revoked.uid as Hex });
  scenarios.push(
    scenario({
      id: 'eas-offchain-revoked',
      title: 'Revoked by the attester (revokeOffchain)',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The attester recorded an off-chain revocation of this UID on the trusted EAS.',
      attestation: revoked,
      signer: trustedAttester,
      shown: revokedText,
    }),
  );

  const expiredText = 'Early-bird tickets for the autumn book fair are on sale until the end of the week.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-expired',
      title: 'Attestation past its expiration time',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'expirationTime is an hour in the past.',
      attestation: await attestText(expiredText, { time: time - 7_200n, expirationTime: time - 3_600n }),
      signer: trustedAttester,
      shown: expiredText,
    }),
  );

  const noHashText = 'Beach lifeguards will be on duty every day from June until the end of September.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-schema-without-content-hash',
      title: 'Schema without contentHash',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The schema has no bytes32 contentHash field, so the attestation binds no content.',
      attestation: await signOffchainAttestation({
        domain: trustedDomain,
        attesterPrivateKey: devnetPrivateKeys.trustedAttester,
        schema: contracts.schemas.withoutContentHash,
        data: encodeDataWithoutContentHash({ prompt: 'Write about beach lifeguards.', model: easModel }),
        time,
      }),
      signer: trustedAttester,
      shown: noHashText,
    }),
  );

  const strangerText = 'Local elections have been moved to a date in early spring, a spokesperson said.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-untrusted-attester',
      title: 'Valid signature by an attester nobody trusts',
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: 'Cryptographically valid, but the attester is not in trustedAttesters.',
      attestation: await attestText(strangerText, { attesterPrivateKey: devnetPrivateKeys.untrustedAttester }),
      signer: clients.accounts.untrustedAttester.address,
      shown: strangerText,
    }),
  );

  const rogueText = 'All city parks will close at sunset from tomorrow until further notice.';
  scenarios.push(
    scenario({
      id: 'eas-offchain-rogue-eas',
      title: "Signed for the page's own EAS contract",
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: 'The EIP-712 domain names an EAS contract the trust configuration does not name.',
      attestation: await attestText(rogueText, { domain: { address: contracts.rogue.eas, version: contracts.easVersion, chainId } }),
      signer: trustedAttester,
      shown: rogueText,
    }),
  );
  return scenarios;
}
