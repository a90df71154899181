/**
 * Representative verdicts for the visual review and the component tests:
 * one of each state, with checks and facts as the verifiers write them.
 */
import type { TabProof, TabState } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import { failed, passed, skipped, unreachable } from '../../lib/verdict/check';
import type { Verdict } from '../../lib/verdict/types';

const hash = (digit: string) => `0x${digit.repeat(64)}` as `0x${string}`;
const address = (digit: string) => `0x${digit.repeat(40)}` as `0x${string}`;

export const settlementTx = '0x9f2c4e1a7b3d5f60c8e2a4b6d8f01a3c5e7092b4d6f8a0c2e4a6b8d0f2a4c6e8' as const;

const newsText =
  'The council approved the new cycle lanes on Tuesday, with construction expected to begin in the spring and finish before the end of next year.';

export const verifiedOgTee: Verdict = {
  state: 'verified',
  confidence: 90,
  proofType: 'og-tee',
  summary: 'Produced in an attested OpenGradient enclave and settled on chain.',
  checks: [
    passed('envelope', 'A version 1 og-tee envelope.'),
    passed('chain', 'OpenGradient devnet (chain 10740).'),
    passed('registry-trusted', '0x703cb174aeadb35d611858369b4b1111dc9abda6 is the configured TEE registry.'),
    passed('tee-key', 'Registered key, SHA-256 5b1f0e9ad3c4427e…'),
    passed('tee-enabled', 'The registry lists this TEE as enabled.'),
    passed('tee-active', 'Reported in 4 minutes ago.'),
    passed('signature', 'RSA-PSS signature by the registered TEE key.'),
    passed('content-binding', 'keccak256 of the signed text equals the signed outputHash.'),
    passed('rendering', 'Everything hashed is visible to readers.'),
    passed('relay-trusted', `Relay ${address('7')} is a configured settlement relay.`),
    passed('merkle-proof', `This output is a leaf of the batch with root ${hash('a')}.`),
    passed('settlement-log', 'Batch root settled in block 4821907 (log 3).'),
    passed('confirmations', '12 confirmations; 1 required.'),
  ],
  facts: {
    chainId: 10740,
    chainName: 'OpenGradient devnet',
    blockNumber: '4821919',
    anchorBlock: '4821907',
    confirmations: 12,
    requiredConfirmations: 1,
    tx: settlementTx,
    logIndex: 3,
    explorerUrl: `https://explorer.opengradient.ai/tx/${settlementTx}`,
    rpcs: ['https://ogevmdevnet.opengradient.ai'],
    model: 'meta-llama/Llama-3.1-70B-Instruct',
    timestamp: 1_763_980_800,
    teeId: hash('3'),
    keyFingerprint: '5b1f0e9ad3c4427e8a61f0d2b9c37e14a85d2f6c0b7e3a91d4c8f2e6a0b5d7c3',
    teeActive: true,
    registry: '0x703cb174aeadb35d611858369b4b1111dc9abda6',
    relay: address('7'),
    merkleRoot: hash('a'),
    merklePath: [hash('b'), hash('c'), hash('d')],
  },
  text: { signed: newsText, shown: newsText, match: 'shown-is-signed' },
};

const summaryShown =
  'Quarterly revenue rose 12% to $4.1bn, driven by subscriptions. Operating costs were flat, and the company raised its full-year outlook.';

export const pendingEas: Verdict = {
  state: 'pending',
  confidence: 65,
  proofType: 'eas-onchain',
  summary: 'The attestation is 3 blocks deep; 64 are needed before it counts as final.',
  checks: [
    passed('envelope', 'A version 1 eas-onchain envelope.'),
    passed('chain', 'Base (chain 8453).'),
    passed('eas-trusted', 'The configured EAS contract.'),
    passed('attestation', 'Attestation found on chain.'),
    passed('schema', 'The schema has a bytes32 contentHash field.'),
    passed('content-binding', 'contentHash equals keccak256 of the canonical signed text.'),
    passed('revocation', 'Not revoked.'),
    passed('expiry', 'Does not expire.'),
    passed('attester-trusted', 'Example Newsroom is a trusted attester.'),
    failed('confirmations', '3 confirmations; 64 required.', 'pending'),
  ],
  facts: {
    chainId: 8453,
    chainName: 'Base',
    blockNumber: '23817406',
    anchorBlock: '23817404',
    confirmations: 3,
    requiredConfirmations: 64,
    tx: hash('e'),
    rpcs: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
    attester: address('5'),
    signerLabel: 'Example Newsroom',
    uid: hash('4'),
    schemaUid: hash('6'),
    schema: 'bytes32 contentHash, string model, string publisher',
    schemaFields: [
      { name: 'contentHash', type: 'bytes32', value: hash('8') },
      { name: 'model', type: 'string', value: 'gpt-4.1' },
      { name: 'publisher', type: 'string', value: 'Example Newsroom' },
    ],
  },
  text: { signed: summaryShown, shown: summaryShown, match: 'shown-is-signed' },
};

export const unavailableOgSettlement: Verdict = {
  state: 'unavailable',
  confidence: 0,
  proofType: 'og-settlement',
  summary: 'The RPC did not answer within 8 seconds (https://ogevmdevnet.opengradient.ai).',
  checks: [
    passed('envelope', 'A version 1 og-settlement envelope.'),
    passed('chain', 'OpenGradient devnet (chain 10740).'),
    unreachable('settlement-log', 'The RPC did not answer within 8 seconds (https://ogevmdevnet.opengradient.ai).'),
    skipped('relay-trusted', 'The settlement log could not be read.'),
    skipped('tee-key', 'The settlement log could not be read.'),
    skipped('signature', 'The settlement log could not be read.'),
    skipped('content-binding', 'The settlement log could not be read.'),
    skipped('confirmations', 'The settlement log could not be read.'),
  ],
  facts: { chainId: 10740, chainName: 'OpenGradient devnet', tx: hash('2') },
  text: { signed: 'Three things to know before you vote on Sunday.', shown: 'Three things to know before you vote on Sunday.', match: 'shown-is-signed' },
};

export const untrustedOffchain: Verdict = {
  state: 'untrusted',
  confidence: 24,
  proofType: 'eas-offchain',
  summary: `${address('9')} signed this attestation, but is not one of your trusted attesters.`,
  checks: [
    passed('envelope', 'A version 1 eas-offchain envelope.'),
    passed('signature', 'EIP-712 signature by 0x9999…9999.'),
    passed('uid', 'The UID matches the attestation.'),
    passed('content-binding', 'contentHash equals keccak256 of the canonical signed text.'),
    failed('attester-trusted', `${address('9')} is not in your trusted attesters.`, 'untrusted'),
    passed('expiry', 'Does not expire.'),
  ],
  facts: { attester: address('9'), schemaUid: hash('6') },
  text: { signed: 'A recipe for lemon tart, adapted for a smaller tin.', shown: 'A recipe for lemon tart, adapted for a smaller tin.', match: 'shown-is-signed' },
};

export const alteredSigned =
  'The study of 2,400 adults found no significant link between screen time and sleep quality, though the authors caution that the sample was limited to one city.';
export const alteredShown =
  'The study of 2,400 adults found a strong link between screen time and poor sleep quality, the authors said.';

export const alteredOgTee: Verdict = {
  state: 'altered',
  confidence: 0,
  proofType: 'og-tee',
  summary: 'The text on the page is not the text that was signed.',
  checks: [
    passed('envelope', 'A version 1 og-tee envelope.'),
    passed('chain', 'OpenGradient devnet (chain 10740).'),
    passed('registry-trusted', 'The configured TEE registry.'),
    passed('tee-key', 'Registered key, SHA-256 5b1f0e9ad3c4427e…'),
    passed('signature', 'RSA-PSS signature by the registered TEE key.'),
    passed('content-binding', 'keccak256 of the signed text equals the signed outputHash.'),
    failed('shown-text', 'The text on the page is not the text that was signed.', 'altered'),
  ],
  facts: { chainId: 10740, chainName: 'OpenGradient devnet', teeId: hash('3'), timestamp: 1_763_900_000, model: 'gpt-4.1-mini' },
  text: { signed: alteredSigned, shown: alteredShown, match: 'differs' },
};

export const invalidOgTee: Verdict = {
  state: 'invalid',
  confidence: 0,
  proofType: 'og-tee',
  summary: 'The signature does not verify with the registered TEE key.',
  checks: [
    passed('envelope', 'A version 1 og-tee envelope.'),
    passed('chain', 'OpenGradient devnet (chain 10740).'),
    passed('registry-trusted', 'The configured TEE registry.'),
    passed('tee-key', 'Registered key, SHA-256 5b1f0e9ad3c4427e…'),
    passed('tee-enabled', 'The registry lists this TEE as enabled.'),
    failed('signature', 'The signature does not verify with the registered TEE key.', 'invalid'),
    passed('content-binding', 'keccak256 of the signed text equals the signed outputHash.'),
  ],
  facts: { chainId: 10740, chainName: 'OpenGradient devnet', teeId: hash('3') },
  text: { signed: 'Markets closed higher.', shown: 'Markets closed higher.', match: 'shown-is-signed' },
};

export const malformedVerdict: Verdict = {
  state: 'malformed',
  confidence: 0,
  proofType: null,
  summary: 'proof.outputHash: must be 0x and exactly 64 hex digits',
  checks: [failed('envelope', 'proof.outputHash: must be 0x and exactly 64 hex digits', 'malformed')],
  facts: {},
  text: { signed: null, shown: 'Summary generated by our assistant.', match: 'shown-is-signed' },
};

export const wordingVerified: Verdict = {
  state: 'verified',
  confidence: 75,
  proofType: 'eas-onchain',
  summary: 'Attested by Example Newsroom. The wording matches; formatting differs.',
  checks: [
    passed('envelope', 'A version 1 eas-onchain envelope.'),
    passed('content-binding', 'contentHash equals keccak256 of the canonical signed text.'),
    passed('shown-text', 'Matches in wording; punctuation or markup differ.'),
    passed('attester-trusted', 'Example Newsroom is a trusted attester.'),
  ],
  facts: { chainId: 1, chainName: 'Ethereum', attester: address('5'), signerLabel: 'Example Newsroom', uid: hash('4') },
  text: {
    signed: '**Key points:** rates *held* at 4.5%; next review in June.',
    shown: 'Key points: rates held at 4.5% — next review in June.',
    match: 'wording',
  },
};

const proof = (id: string, verdict: Verdict | undefined, excerpt: string, form: TabProof['form'] = 'attribute'): TabProof => ({
  id,
  form,
  excerpt,
  ...(verdict && { verdict }),
});

export const mixedTab: TabState = {
  url: 'https://news.example.com/2025/11/city-council-cycle-lanes',
  proofs: [
    proof('p1', verifiedOgTee, verifiedOgTee.text.shown),
    proof('p2', pendingEas, pendingEas.text.shown, 'script'),
    proof('p3', alteredOgTee, alteredShown),
    proof('p4', unavailableOgSettlement, unavailableOgSettlement.text.shown, 'text'),
    proof('p5', untrustedOffchain, untrustedOffchain.text.shown),
    proof('p6', invalidOgTee, invalidOgTee.text.shown),
    proof('p7', malformedVerdict, malformedVerdict.text.shown),
  ],
  notChecked: 14,
};

export const checkingTab: TabState = {
  url: 'https://blog.example.org/ai-summaries',
  proofs: [
    proof('p1', verifiedOgTee, verifiedOgTee.text.shown),
    proof('p2', undefined, 'Our assistant summarised the three-hour hearing into five points for readers.'),
    proof('p3', undefined, 'Translated from the original German by a machine translation model.', 'text'),
  ],
  notChecked: 0,
};

export const allVerifiedTab: TabState = {
  url: 'https://news.example.com/markets',
  proofs: [proof('p1', verifiedOgTee, verifiedOgTee.text.shown), proof('p2', wordingVerified, wordingVerified.text.shown)],
  notChecked: 0,
};

export const emptyTab: TabState = { url: 'https://www.example.com/about', proofs: [], notChecked: 0 };

const envelopeJson = JSON.stringify({
  v: 1,
  model: 'meta-llama/Llama-3.1-70B-Instruct',
  proof: {
    type: 'og-tee',
    chainId: 10740,
    registry: '0x703cB174AEadB35D611858369B4b1111dC9Abda6',
    teeId: hash('3'),
    inputHash: hash('1'),
    outputHash: hash('f'),
    timestamp: 1_763_980_800,
    signature: 'mQ3m9rC1v0Vf2sJxkP8d7Q1bL4nYt6ZcWq2eR5uI9oA0hG3jK7lX8vB1nM4zS6dF2gH5jK8lQ1wE4rT7yU0iO3pA6sD9fG2hJ5kL8zX1cV4bN7mQ==',
    settlement: { relay: address('7'), tx: settlementTx, root: hash('a'), proof: [hash('b'), hash('c'), hash('d')] },
  },
});

export const verifiedPageProof: PageProof = {
  id: 'p1',
  form: 'attribute',
  raw: Buffer.from(envelopeJson).toString('base64url'),
  shownText: newsText,
  renderedText: newsText,
};

export const alteredPageProof: PageProof = {
  id: 'p3',
  form: 'attribute',
  raw: JSON.stringify({ v: 1, text: alteredSigned, proof: { type: 'og-tee', chainId: 10740 } }),
  shownText: alteredShown,
  renderedText: alteredShown,
};

export const malformedPageProof: PageProof = {
  id: 'p7',
  form: 'text',
  raw: 'ai-proof:v1:eyJ2IjoxLCJwcm9vZiI6eyJ0eXBlIjoib2ctdGVlIiwib3V0cHV0SGFzaCI6IjB4MTIzIn19',
  shownText: malformedVerdict.text.shown,
  renderedText: malformedVerdict.text.shown,
};
