import { z } from 'zod';
import { getOffchainVersion } from '../eas/offchain-layouts';
import { maxSignedTextLength } from './limits';
import { address, base64, bytes32, bytes32AsWritten, chainId, hexBytes, uint, unixSeconds } from './primitives';

/** The proof types of envelope version 1 (spec §3). */
export const proofTypes = ['og-tee', 'og-settlement', 'eas-offchain', 'eas-onchain', 'erc7007'] as const;
export type ProofType = (typeof proofTypes)[number];

/** A Merkle proof longer than this cannot come from a real batch (2^64 leaves). */
export const maxMerkleProofLength = 64;

const individualSettlement = z.strictObject({ relay: address, tx: bytes32 });
const batchSettlement = z.strictObject({
  relay: address,
  tx: bytes32,
  root: bytes32,
  proof: z.array(bytes32).max(maxMerkleProofLength, `must have at most ${maxMerkleProofLength} hashes`),
});

export const ogTeeProof = z.object({
  type: z.literal('og-tee'),
  chainId,
  registry: address,
  teeId: bytes32,
  inputHash: bytes32,
  outputHash: bytes32,
  timestamp: unixSeconds,
  signature: base64,
  // Batch first: an object with root and proof is a batch, never an individual one with extras.
  settlement: z.union([batchSettlement, individualSettlement]).optional(),
});

export const ogSettlementProof = z.object({
  type: z.literal('og-settlement'),
  chainId,
  tx: bytes32,
  logIndex: z.number().int().nonnegative().optional(),
});

const typedDataField = z.object({ name: z.string(), type: z.string() });

/** The signed off-chain attestation as the EAS SDK produces it (spec §3c). */
export const offchainAttestation = z.object({
  domain: z.object({
    name: z.string(),
    version: z.string(),
    chainId: uint,
    verifyingContract: address,
  }),
  primaryType: z.string(),
  types: z.record(z.string(), z.array(typedDataField)),
  message: z.object({
    version: uint.optional(),
    schema: bytes32AsWritten,
    recipient: address,
    time: uint,
    expirationTime: uint,
    revocable: z.boolean(),
    refUID: bytes32,
    data: hexBytes,
    // Versions 0 and 1 sign no salt; the SDK's link decoder writes null there.
    salt: bytes32.nullable().transform((salt) => salt ?? undefined).optional(),
  }),
  signature: z.object({ r: bytes32, s: bytes32, v: z.number().int().min(0).max(255) }),
  uid: bytes32,
  version: z.number().int().min(0).max(2).optional(),
}).superRefine((attestation, context) => {
  // One version, read as spec §3c says: a conflict makes the attestation malformed.
  const version = getOffchainVersion(attestation);
  if (!version.ok) context.addIssue({ code: 'custom', path: [...version.field], message: version.reason });
}, { when: ({ issues }) => issues.length === 0 });

export const easOffchainProof = z.object({
  type: z.literal('eas-offchain'),
  attestation: offchainAttestation,
  signer: address,
});

export const easOnchainProof = z.object({
  type: z.literal('eas-onchain'),
  chainId,
  uid: bytes32,
  eas: address.optional(),
});

export const erc7007Proof = z.object({
  type: z.literal('erc7007'),
  chainId,
  contract: address,
  tokenId: uint,
  prompt: hexBytes,
  proof: hexBytes,
  /** The transaction that minted the token or added its AIGC data: where its record is read. */
  tx: bytes32.optional(),
});

export const proof = z.discriminatedUnion('type', [
  ogTeeProof,
  ogSettlementProof,
  easOffchainProof,
  easOnchainProof,
  erc7007Proof,
]);

/** Longest signed text accepted in an envelope, in UTF-16 code units. */
export const maxTextLength = maxSignedTextLength;

export const envelope = z.object({
  v: z.literal(1),
  proof,
  text: z.string().max(maxTextLength, `must be at most ${maxTextLength} characters`).optional(),
  model: z.string().max(200, 'must be at most 200 characters').optional(),
  /** "markdown" when `text` is Markdown (spec §4); any other value reads as plain, since Markdown is tried anyway. */
  format: z.string().max(40, 'must be at most 40 characters').optional(),
  target: z.string().max(1_000, 'must be at most 1,000 characters').optional(),
});

export type Envelope = z.infer<typeof envelope>;
export type Proof = z.infer<typeof proof>;
export type OgTeeProof = z.infer<typeof ogTeeProof>;
export type OgSettlementProof = z.infer<typeof ogSettlementProof>;
export type EasOffchainProof = z.infer<typeof easOffchainProof>;
export type OffchainAttestation = z.infer<typeof offchainAttestation>;
export type EasOnchainProof = z.infer<typeof easOnchainProof>;
export type Erc7007Proof = z.infer<typeof erc7007Proof>;
