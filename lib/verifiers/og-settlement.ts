import { readAfterHead, settle } from '../chain/read-outcome';
import { hexToBytes, keccak256, stringToBytes, type Hex } from 'viem';
import type { OgSettlementProof } from '../envelope/schema';
import { parseIndividualSettlementLogs, type IndividualSettlementLog } from '../og/settlement-logs';
import type { OpenGradientConfig } from '../trust/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { chainFacts, confirmationsCheck, contentBindingCheck, explorerTxUrl, isConfiguredRelay, openGradientConfigOf, readFailedCheck, relayTrustedCheck, safeSeconds, settledReceipt, skippedTeeChecks, teeChecks, type TeeChecksReturnType } from './og-shared';
import { readTeeRegistry } from './og-registry';
import type { ProofVerifier } from './types';

/**
 * Verifies an `og-settlement` reference (spec §3b): everything but the chain
 * and transaction comes from the IndividualSettlement log, which a
 * configured relay must have emitted; the TEE behind it is then checked
 * against the configured registry, exactly as for `og-tee`.
 */
export const verifyOgSettlement: ProofVerifier<OgSettlementProof> = async ({ proof, envelope, signedText, trust, chains }) => {
  const facts: VerdictFacts = {
    chainId: proof.chainId,
    tx: proof.tx,
    ...(envelope.model !== undefined && { model: envelope.model }),
  };

  const reader = chains.reader(proof.chainId);
  if (!reader) {
    return {
      checks: [
        unreachable('chain', `Chain ${proof.chainId} is not in the trust configuration.`),
        skipped('settlement-log', `Chain ${proof.chainId} is not configured.`),
        ...logDependentChecksSkipped(`Chain ${proof.chainId} is not configured.`),
      ],
      facts,
    };
  }

  const head = await settle(() => reader.head());
  const receipt = await readAfterHead(head, () => reader.getTransactionReceipt(proof.tx));
  const openGradient = openGradientConfigOf(trust, proof.chainId);
  const explorerUrl = explorerTxUrl(reader.config, proof.tx);
  const readerFacts: VerdictFacts = {
    ...chainFacts({ reader, head }),
    requiredConfirmations: reader.config.confirmations,
    ...(explorerUrl && { explorerUrl }),
  };
  Object.assign(facts, readerFacts);
  const chainCheck = passed('chain', `${reader.config.name} (chain ${proof.chainId}).`);

  const settled = settledReceipt(receipt);
  if ('check' in settled) {
    facts.rpcs = reader.endpoints();
    return { checks: [chainCheck, settled.check, ...logDependentChecksSkipped('No settlement log to read.')], facts };
  }
  facts.anchorBlock = settled.receipt.blockNumber.toString();

  const log = selectSettlementLog({
    logs: parseIndividualSettlementLogs({ logs: settled.receipt.logs }),
    logIndex: proof.logIndex,
    textHash: keccak256(stringToBytes(signedText)),
    openGradient,
  });
  if (!log) {
    const detail =
      proof.logIndex === undefined
        ? 'No IndividualSettlement log in this transaction.'
        : `Log ${proof.logIndex} of this transaction is not an IndividualSettlement log.`;
    facts.rpcs = reader.endpoints();
    return { checks: [chainCheck, failed('settlement-log', detail, 'invalid'), ...logDependentChecksSkipped('No settlement log to read.')], facts };
  }

  // The second round of reads: the TEE is only known from the log.
  const registryReads = openGradient ? readTeeRegistry({ reader, head, registry: openGradient.teeRegistry, teeId: log.teeId }) : undefined;
  const contentBinding = contentBindingCheck({ envelope, signedText, outputHash: log.outputHash });
  // A receipt is only read once the head is known, so the head is always there.
  const confirmations: { check: Check; confirmations?: number } = head.ok
    ? confirmationsCheck({ head: head.value, anchorBlock: settled.receipt.blockNumber, required: reader.config.confirmations })
    : { check: readFailedCheck('confirmations', head.error) };
  const tee: TeeChecksReturnType = registryReads
    ? await teeChecks({
        reads: registryReads,
        teeId: log.teeId,
        inputHash: log.inputHash,
        outputHash: log.outputHash,
        timestamp: log.timestamp,
        signature: hexToBytes(log.signature),
      })
    : { checks: skippedTeeChecks(`No TEE registry is configured for chain ${proof.chainId}.`) };

  const timestamp = safeSeconds(log.timestamp);
  const logFacts: VerdictFacts = {
    logIndex: log.logIndex,
    relay: log.relay,
    teeId: log.teeId,
    ...(timestamp !== undefined && { timestamp }),
    ...(openGradient && { registry: openGradient.teeRegistry }),
    ...(confirmations.confirmations !== undefined && { confirmations: confirmations.confirmations }),
    ...(tee.keyFingerprint && { keyFingerprint: tee.keyFingerprint }),
    ...(tee.teeActive !== undefined && { teeActive: tee.teeActive }),
    rpcs: reader.endpoints(),
  };
  Object.assign(facts, logFacts);
  return {
    checks: [
      chainCheck,
      passed('settlement-log', `IndividualSettlement log ${log.logIndex} in block ${settled.receipt.blockNumber}.`),
      relayTrustedCheck({ openGradient, relay: log.relay, chainId: proof.chainId }),
      registryTrustedCheck({ openGradient, chainId: proof.chainId }),
      ...tee.checks,
      contentBinding,
      confirmations.check,
    ],
    facts,
  };
};

type SelectSettlementLogParameters = {
  logs: IndividualSettlementLog[];
  logIndex: number | undefined;
  /** keccak256 of the signed text. */
  textHash: Hex;
  openGradient: OpenGradientConfig | undefined;
};

/**
 * The log the reference means. With `logIndex`, that log or none. Without,
 * a transaction may settle several outputs, so prefer the log that settles
 * this text, then one from a configured relay, then the first: the one that
 * can verify if any can, and otherwise the one whose failure says most.
 */
function selectSettlementLog({ logs, logIndex, textHash, openGradient }: SelectSettlementLogParameters): IndividualSettlementLog | undefined {
  if (logIndex !== undefined) return logs.find((log) => log.logIndex === logIndex);
  const rank = (log: IndividualSettlementLog) =>
    (log.outputHash.toLowerCase() === textHash ? 2 : 0) + (isConfiguredRelay(openGradient, log.relay) ? 1 : 0);
  return logs.reduce<IndividualSettlementLog | undefined>((best, log) => (!best || rank(log) > rank(best) ? log : best), undefined);
}

/** Only the configured registry counts for a reference: the page names none. */
function registryTrustedCheck({ openGradient, chainId }: { openGradient: OpenGradientConfig | undefined; chainId: number }): Check {
  return openGradient
    ? passed('registry-trusted', `Checked against the configured TEE registry ${openGradient.teeRegistry}.`)
    : failed('registry-trusted', `No TEE registry is configured for chain ${chainId}.`, 'untrusted');
}

/** Every check that needs the settlement log, when there is none to read. */
function logDependentChecksSkipped(detail: string): Check[] {
  return [
    skipped('relay-trusted', detail),
    skipped('registry-trusted', detail),
    ...skippedTeeChecks(detail),
    skipped('content-binding', detail),
    skipped('confirmations', detail),
  ];
}
