import { readAfterHead, type ReadOutcome, settle } from '../chain/read-outcome';
import { bytesToHex, type ByteArray, type Hex, type TransactionReceipt } from 'viem';
import type { ChainReader, PinnedBlock } from '../chain/types';
import type { OgTeeProof } from '../envelope/schema';
import { base64ToBytes } from '../encoding/base64';
import { processMerkleProof, settlementLeafHash } from '../og/merkle';
import { parseBatchSettlementLogs, parseIndividualSettlementLogs, type IndividualSettlementLog } from '../og/settlement-logs';
import type { OpenGradientConfig } from '../trust/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { chainFacts, confirmationsCheck, contentBindingCheck, explorerTxUrl, openGradientConfigOf, readFailedCheck, relayTrustedCheck, settledReceipt, skippedTeeChecks, teeChecks } from './og-shared';
import { readTeeRegistry } from './og-registry';
import type { ProofVerifier } from './types';

type Settlement = NonNullable<OgTeeProof['settlement']>;
type BatchSettlement = Extract<Settlement, { root: Hex }>;

/**
 * Verifies an `og-tee` proof (spec §3a): the TEE's registered key signed
 * (inputHash, outputHash, timestamp), the signed text hashes to outputHash,
 * and, when a settlement is named, the relay settled exactly this output.
 */
export const verifyOgTee: ProofVerifier<OgTeeProof> = async ({ proof, envelope, signedText, trust, chains }) => {
  const { settlement } = proof;
  const batch = settlement && isBatch(settlement) ? settlement : undefined;
  const facts: VerdictFacts = {
    chainId: proof.chainId,
    teeId: proof.teeId,
    registry: proof.registry,
    timestamp: proof.timestamp,
    ...(envelope.model !== undefined && { model: envelope.model }),
    ...(settlement && { tx: settlement.tx, relay: settlement.relay }),
    ...(batch && { merkleRoot: batch.root, merklePath: batch.proof }),
  };

  const reader = chains.reader(proof.chainId);
  if (!reader) {
    // Only what needs no chain can be checked; those local checks can still fail definitely.
    const signature = decodeSignature(proof.signature);
    const notRun = `Chain ${proof.chainId} is not configured.`;
    return {
      checks: [
        unreachable('chain', `Chain ${proof.chainId} is not in the trust configuration.`),
        skipped('registry-trusted', notRun),
        ...skippedTeeChecks(notRun),
        contentBindingCheck({ envelope, signedText, outputHash: proof.outputHash }),
        ...(settlement
          ? [
              skipped('relay-trusted', notRun),
              ...(batch ? [merkleProofCheck({ proof, batch, signature })] : []),
              skipped('settlement-log', notRun),
              skipped('confirmations', notRun),
            ]
          : []),
      ],
      facts,
    };
  }

  // Read first: once the head is known, every read of this proof starts in
  // the same tick, so reads of concurrent verifiers share one JSON-RPC batch.
  const head = await settle(() => reader.head());
  const registryReads = readTeeRegistry({ reader, head, registry: proof.registry, teeId: proof.teeId });
  const receiptRead = settlement ? readAfterHead(head, () => reader.getTransactionReceipt(settlement.tx)) : undefined;

  // Compute while waiting.
  const openGradient = openGradientConfigOf(trust, proof.chainId);
  const signature = decodeSignature(proof.signature);
  const contentBinding = contentBindingCheck({ envelope, signedText, outputHash: proof.outputHash });
  const merkleProof = batch ? merkleProofCheck({ proof, batch, signature }) : undefined;
  const tee = await teeChecks({
    reads: registryReads,
    teeId: proof.teeId,
    inputHash: proof.inputHash,
    outputHash: proof.outputHash,
    timestamp: proof.timestamp,
    signature,
  });

  const checks: Check[] = [
    passed('chain', `${reader.config.name} (chain ${proof.chainId}).`),
    registryTrustedCheck({ openGradient, registry: proof.registry, chainId: proof.chainId }),
    ...tee.checks,
    contentBinding,
  ];
  const readFacts: VerdictFacts = {
    ...chainFacts({ reader, head }),
    ...(tee.keyFingerprint && { keyFingerprint: tee.keyFingerprint }),
    ...(tee.teeActive !== undefined && { teeActive: tee.teeActive }),
  };
  Object.assign(facts, readFacts);

  if (settlement && receiptRead) {
    const settled = settlementChecks({ reader, head, proof, settlement, openGradient, signature, receipt: await receiptRead });
    checks.push(settled.relayTrusted, ...(merkleProof ? [merkleProof] : []), settled.settlementLog, settled.confirmations);
    Object.assign(facts, settled.facts);
  }
  facts.rpcs = reader.endpoints();
  return { checks, facts };
};

function isBatch(settlement: Settlement): settlement is BatchSettlement {
  return 'root' in settlement;
}

function decodeSignature(base64: string): ByteArray | undefined {
  try {
    return base64ToBytes(base64);
  } catch {
    return undefined;
  }
}

function registryTrustedCheck({ openGradient, registry, chainId }: { openGradient: OpenGradientConfig | undefined; registry: Hex; chainId: number }): Check {
  if (!openGradient) return failed('registry-trusted', `No TEE registry is configured for chain ${chainId}.`, 'untrusted');
  return openGradient.teeRegistry.toLowerCase() === registry.toLowerCase()
    ? passed('registry-trusted', `${registry} is the configured TEE registry.`)
    : failed('registry-trusted', `${registry} is not the configured TEE registry (${openGradient.teeRegistry}).`, 'untrusted');
}

/** Local: the proof's own path must lead from this output's leaf to the root it names. */
function merkleProofCheck({ proof, batch, signature }: { proof: OgTeeProof; batch: BatchSettlement; signature: ByteArray | undefined }): Check {
  if (!signature) return skipped('merkle-proof', 'The signature is not valid base64, so the leaf cannot be formed.');
  const leaf = settlementLeafHash({ ...proof, signature });
  const root = processMerkleProof({ leaf, proof: batch.proof });
  return root === batch.root.toLowerCase()
    ? passed('merkle-proof', `This output is a leaf of the batch with root ${batch.root}.`)
    : failed('merkle-proof', `The Merkle proof leads to ${root}, not to the batch root ${batch.root}.`, 'invalid');
}

type SettlementChecksParameters = {
  reader: ChainReader;
  head: ReadOutcome<PinnedBlock>;
  proof: OgTeeProof;
  settlement: Settlement;
  openGradient: OpenGradientConfig | undefined;
  signature: ByteArray | undefined;
  receipt: ReadOutcome<TransactionReceipt | null>;
};

type SettlementChecksReturnType = {
  relayTrusted: Check;
  settlementLog: Check;
  confirmations: Check;
  facts: VerdictFacts;
};

/**
 * The named relay must have settled this very output in the named
 * transaction. An unconfigured relay is still checked, so a settlement that
 * does not hold is `invalid` rather than merely `untrusted`.
 */
function settlementChecks({ reader, head, proof, settlement, openGradient, signature, receipt }: SettlementChecksParameters): SettlementChecksReturnType {
  const relayTrusted = relayTrustedCheck({ openGradient, relay: settlement.relay, chainId: proof.chainId });
  const explorerUrl = explorerTxUrl(reader.config, settlement.tx);
  const facts: VerdictFacts = { requiredConfirmations: reader.config.confirmations, ...(explorerUrl && { explorerUrl }) };

  const settled = settledReceipt(receipt);
  if ('check' in settled) {
    return { relayTrusted, settlementLog: settled.check, confirmations: skipped('confirmations', 'No settlement to confirm.'), facts };
  }

  facts.anchorBlock = settled.receipt.blockNumber.toString();
  const found = isBatch(settlement)
    ? batchSettlementLogCheck({ receipt: settled.receipt, settlement })
    : individualSettlementLogCheck({ receipt: settled.receipt, settlement, proof, signature });
  if (found.logIndex === undefined) {
    return { relayTrusted, settlementLog: found.check, confirmations: skipped('confirmations', 'No matching settlement to confirm.'), facts };
  }
  facts.logIndex = found.logIndex;

  // A receipt is only read once the head is known, so the head is always there.
  if (!head.ok) return { relayTrusted, settlementLog: found.check, confirmations: readFailedCheck('confirmations', head.error), facts };
  const confirmations = confirmationsCheck({ head: head.value, anchorBlock: settled.receipt.blockNumber, required: reader.config.confirmations });
  facts.confirmations = confirmations.confirmations;
  return { relayTrusted, settlementLog: found.check, confirmations: confirmations.check, facts };
}

/** The settlement-log check, and the index of the log that matched, if one did. */
type SettlementLogCheckReturnType = { check: Check; logIndex?: number };

/** The relay's IndividualSettlement log in this transaction must carry exactly the proof's fields. */
function individualSettlementLogCheck({
  receipt,
  settlement,
  proof,
  signature,
}: {
  receipt: TransactionReceipt;
  settlement: Settlement;
  proof: OgTeeProof;
  signature: ByteArray | undefined;
}): SettlementLogCheckReturnType {
  const logs = parseIndividualSettlementLogs({ logs: receipt.logs, relay: settlement.relay });
  if (logs.length === 0) {
    return { check: failed('settlement-log', `No IndividualSettlement log from relay ${settlement.relay} in this transaction.`, 'invalid') };
  }
  // A transaction may settle several outputs: the closest log says best what differs.
  const [closest] = logs
    .map((log) => ({ log, differences: differingFields({ log, proof, signature }) }))
    .sort((a, b) => a.differences.length - b.differences.length);
  const { log, differences } = closest!;
  if (differences.length > 0) {
    return { check: failed('settlement-log', `The settlement log differs from the proof in ${differences.join(', ')}.`, 'invalid') };
  }
  return { check: passed('settlement-log', `Settled individually in block ${receipt.blockNumber} (log ${log.logIndex}).`), logIndex: log.logIndex };
}

function differingFields({ log, proof, signature }: { log: IndividualSettlementLog; proof: OgTeeProof; signature: ByteArray | undefined }): string[] {
  const differences: string[] = [];
  if (log.teeId.toLowerCase() !== proof.teeId.toLowerCase()) differences.push('teeId');
  if (log.inputHash.toLowerCase() !== proof.inputHash.toLowerCase()) differences.push('inputHash');
  if (log.outputHash.toLowerCase() !== proof.outputHash.toLowerCase()) differences.push('outputHash');
  if (log.timestamp !== BigInt(proof.timestamp)) differences.push('timestamp');
  if (!signature || log.signature.toLowerCase() !== bytesToHex(signature)) differences.push('signature');
  return differences;
}

/** The relay must have published the proof's root in this transaction. */
function batchSettlementLogCheck({ receipt, settlement }: { receipt: TransactionReceipt; settlement: BatchSettlement }): SettlementLogCheckReturnType {
  const logs = parseBatchSettlementLogs({ logs: receipt.logs, relay: settlement.relay });
  const log = logs.find((candidate) => candidate.merkleRoot.toLowerCase() === settlement.root.toLowerCase());
  if (log) return { check: passed('settlement-log', `Batch root settled in block ${receipt.blockNumber} (log ${log.logIndex}).`), logIndex: log.logIndex };
  return {
    check: failed(
      'settlement-log',
      logs.length === 0
        ? `No BatchSettlement log from relay ${settlement.relay} in this transaction.`
        : `The relay settled a different batch root in this transaction.`,
      'invalid',
    ),
  };
}
