import { zeroHash, type Hex, type TransactionReceipt } from 'viem';
import { easAbi } from '../abi/eas';
import { parseBatchSettlementLogs, parseIndividualSettlementLogs } from '../og/settlement-logs';
import type { TrustConfig } from '../trust/schema';
import { easConfigOf, sameAddress } from '../verifiers/eas-shared';
import { isConfiguredRelay, openGradientConfigOf } from '../verifiers/og-shared';
import { parseAttestedLogs } from './attested-logs';
import { ContractRevertedError } from './errors';
import { settle, type ReadOutcome } from './read-outcome';
import { shortHex } from './short-hex';
import type { ChainAccess, ChainReader } from './types';

/**
 * What a reference names on a chain. `chainId` when the reference tells
 * which chain: a transaction link on the configured explorer of exactly one
 * chain, an easscan.org link whose subdomain names a network.
 */
export type ChainReference =
  | { kind: 'transaction'; hash: Hex; chainId?: number }
  | { kind: 'attestation'; uid: Hex; chainId?: number }
  /** A bare hash: a transaction hash or an attestation UID, on any configured chain. */
  | { kind: 'hash'; value: Hex };

export type ResolvedProof = {
  /** What it is, for a heading: "EAS attestation 0x1234…abcd on Base". */
  label: string;
  /** The envelope (JSON) the proof stands for, to verify as any other. */
  raw: string;
};

export type ResolveReferenceParameters = {
  reference: ChainReference;
  trust: TrustConfig;
  /** The pass's chains: the proofs found are best verified with the same access, at the same pinned blocks. */
  chains: ChainAccess;
};

export type ResolveReferenceReturnType = Promise<
  | { ok: true; proofs: ResolvedProof[] }
  /** `unavailable` when some chain could not be asked: the reference may be there. */
  | { ok: false; reason: string; unavailable?: true }
>;

/** What one chain said about the reference. */
type ChainAnswer =
  | { outcome: 'proofs'; proofs: ResolvedProof[] }
  /** Found, but nothing there can be verified: the reason says why. */
  | { outcome: 'no-proof'; reason: string }
  | { outcome: 'absent' }
  | { outcome: 'unavailable'; error: string };

/**
 * The proofs a transaction, an attestation UID or a bare hash stands for,
 * as envelopes: IndividualSettlement logs of a configured OpenGradient
 * relay (`og-settlement`) and attestations on the configured EAS
 * (`eas-onchain`). A chain named by the reference is the only one asked;
 * otherwise every configured chain is, at once, and the first to find
 * proofs answers. It never says "not found" while a chain that was to be
 * asked could not be: that is `unavailable`. Never throws.
 */
export async function resolveReference({ reference, trust, chains }: ResolveReferenceParameters): ResolveReferenceReturnType {
  const { hash, lookForTransaction, lookForAttestation, chainId } = lookupOf(reference);
  const named = chainId !== undefined ? [chainId] : Object.keys(trust.chains).map(Number);
  const readers = named.flatMap((id) => {
    const reader = chains.reader(id);
    return reader ? [reader] : [];
  });
  if (chainId !== undefined && readers.length === 0) {
    return { ok: false, reason: `Chain ${chainId} is not in the trust configuration: add it in the options to look this up.` };
  }
  // An attestation is only looked for where an EAS contract is configured.
  const asked = lookForTransaction ? readers : readers.filter((reader) => easConfigOf(trust, reader.chainId) !== undefined);
  if (asked.length === 0) {
    return {
      ok: false,
      reason: readers.length === 0 ? 'No chain is configured to look this up on.' : `No EAS contract is configured for ${chainList(readers)}.`,
    };
  }

  const reads = asked.map(async (reader): Promise<ChainAnswer> => {
    try {
      return await lookUp({ reader, trust, hash, lookForTransaction, lookForAttestation });
    } catch (error) {
      return { outcome: 'unavailable', error: messageOf(error) };
    }
  });
  // A transaction hash or UID is one chain's: once a chain has its proofs, a slow or unreachable one cannot add to them.
  const firstFound = await new Promise<ChainAnswer | undefined>((resolve) => {
    for (const read of reads) void read.then((answer) => answer.outcome === 'proofs' && resolve(answer));
    void Promise.all(reads).then(() => resolve(undefined));
  });
  if (firstFound?.outcome === 'proofs') return { ok: true, proofs: firstFound.proofs };
  const answers = await Promise.all(reads);
  const explained = answers.flatMap((answer) => (answer.outcome === 'no-proof' ? [answer.reason] : []));
  if (explained.length > 0) return { ok: false, reason: explained.join(' ') };

  const what = `${lookForTransaction ? (lookForAttestation ? 'transaction or EAS attestation' : 'transaction') : 'EAS attestation'} ${shortHex(hash)}`;
  const absent = asked.filter((_, index) => answers[index]!.outcome === 'absent');
  const failed = asked.flatMap((reader, index) => {
    const answer = answers[index]!;
    return answer.outcome === 'unavailable' ? [`${reader.config.name} (${answer.error})`] : [];
  });
  if (failed.length > 0) {
    const notFound = absent.length > 0 ? `; not found on ${chainList(absent)}` : '';
    return { ok: false, unavailable: true, reason: `Could not look up ${what} on ${listed(failed)}${notFound}.` };
  }
  return { ok: false, reason: `${what[0]!.toUpperCase()}${what.slice(1)} not found on ${chainList(absent)}.` };
}

type Lookup = { hash: Hex; lookForTransaction: boolean; lookForAttestation: boolean; chainId: number | undefined };

function lookupOf(reference: ChainReference): Lookup {
  switch (reference.kind) {
    case 'transaction':
      return { hash: lower(reference.hash), lookForTransaction: true, lookForAttestation: false, chainId: reference.chainId };
    case 'attestation':
      return { hash: lower(reference.uid), lookForTransaction: false, lookForAttestation: true, chainId: reference.chainId };
    case 'hash':
      return { hash: lower(reference.value), lookForTransaction: true, lookForAttestation: true, chainId: undefined };
  }
}

type LookUpParameters = { reader: ChainReader; trust: TrustConfig; hash: Hex; lookForTransaction: boolean; lookForAttestation: boolean };

/** Both reads start together once the head is known, so they share one batch. Throws when a read could not be made. */
async function lookUp({ reader, trust, hash, lookForTransaction, lookForAttestation }: LookUpParameters): Promise<ChainAnswer> {
  await reader.head();
  const eas = easConfigOf(trust, reader.chainId);
  const receiptRead = lookForTransaction ? settle(() => reader.getTransactionReceipt(hash)) : undefined;
  const attestationRead =
    lookForAttestation && eas ? settle(() => reader.readContract({ address: eas.eas, abi: easAbi, functionName: 'getAttestation', args: [hash] })) : undefined;

  const fromReceipt = receiptRead ? receiptAnswer({ read: await receiptRead, reader, trust, hash }) : undefined;
  const fromAttestation = attestationRead ? attestationAnswer({ read: await attestationRead, reader, uid: hash }) : undefined;
  const answers = [fromReceipt, fromAttestation].filter((answer) => answer !== undefined);
  return (
    answers.find((answer) => answer.outcome === 'proofs') ??
    answers.find((answer) => answer.outcome === 'no-proof') ??
    answers.find((answer) => answer.outcome === 'unavailable') ?? { outcome: 'absent' }
  );
}

type ReceiptAnswerParameters = { read: ReadOutcome<TransactionReceipt | null>; reader: ChainReader; trust: TrustConfig; hash: Hex };

/** The proofs in a transaction's logs, or why it has none Verity can verify. */
function receiptAnswer({ read, reader, trust, hash }: ReceiptAnswerParameters): ChainAnswer {
  if (!read.ok) return { outcome: 'unavailable', error: messageOf(read.error) };
  if (read.value === null) return { outcome: 'absent' };
  const { chainId, config } = reader;
  const { logs } = read.value;
  const transaction = `Transaction ${shortHex(hash)} on ${config.name}`;

  const openGradient = openGradientConfigOf(trust, chainId);
  const settlements = parseIndividualSettlementLogs({ logs });
  const proofs: ResolvedProof[] = settlements
    .filter((log) => isConfiguredRelay(openGradient, log.relay))
    .map((log) => ({
      label: `OpenGradient settlement, log ${log.logIndex} of tx ${shortHex(hash)} on ${config.name}`,
      raw: JSON.stringify({ v: 1, proof: { type: 'og-settlement', chainId, tx: hash, logIndex: log.logIndex } }),
    }));
  const eas = easConfigOf(trust, chainId);
  const attestations = parseAttestedLogs({ logs });
  proofs.push(
    ...attestations
      .filter((log) => eas !== undefined && sameAddress(log.eas, eas.eas))
      .map((log) => ({ label: attestationLabel(log.uid, config.name), raw: attestationEnvelope(chainId, log.uid) })),
  );
  if (proofs.length > 0) return { outcome: 'proofs', proofs };

  const batches = parseBatchSettlementLogs({ logs }).filter((log) => isConfiguredRelay(openGradient, log.relay));
  if (batches.length > 0) {
    const [batch] = batches;
    return {
      outcome: 'no-proof',
      reason: `${transaction} settles a batch of ${batch!.batchSize} ${batch!.batchSize === 1n ? 'inference' : 'inferences'} (Merkle root ${shortHex(batch!.merkleRoot)}). A batch settlement cannot be verified on its own: paste the envelope of the inference, which carries its Merkle proof.`,
    };
  }
  if (settlements.length > 0) {
    return { outcome: 'no-proof', reason: `${transaction} has a settlement log from ${settlements[0]!.relay}, which is not a configured OpenGradient relay on ${config.name}.` };
  }
  if (attestations.length > 0) {
    return { outcome: 'no-proof', reason: `${transaction} has an attestation on ${attestations[0]!.eas}, which is not the configured EAS contract on ${config.name}.` };
  }
  return { outcome: 'no-proof', reason: `${transaction} carries no AI proof: no OpenGradient settlement and no EAS attestation.` };
}

type AttestationAnswerParameters = { read: ReadOutcome<{ uid: Hex }>; reader: ChainReader; uid: Hex };

function attestationAnswer({ read, reader, uid }: AttestationAnswerParameters): ChainAnswer {
  // A revert or an empty answer is the chain's: there is no such attestation on that contract.
  if (!read.ok) return read.error instanceof ContractRevertedError ? { outcome: 'absent' } : { outcome: 'unavailable', error: messageOf(read.error) };
  if (read.value.uid === zeroHash) return { outcome: 'absent' };
  return { outcome: 'proofs', proofs: [{ label: attestationLabel(uid, reader.config.name), raw: attestationEnvelope(reader.chainId, uid) }] };
}

function attestationLabel(uid: Hex, chainName: string): string {
  return `EAS attestation ${shortHex(uid)} on ${chainName}`;
}

function attestationEnvelope(chainId: number, uid: Hex): string {
  return JSON.stringify({ v: 1, proof: { type: 'eas-onchain', chainId, uid } });
}

function chainList(readers: readonly ChainReader[]): string {
  return listed(readers.map((reader) => reader.config.name));
}

/** `A`, `A and B`, `A, B and C`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function lower(hex: Hex): Hex {
  return hex.toLowerCase() as Hex;
}
