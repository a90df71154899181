import { readAfterHead, type ReadOutcome, settle } from '../chain/read-outcome';
import { zeroHash, type Address, type Hex } from 'viem';
import { easAbi } from '../abi/eas';
import { ContractRevertedError } from '../chain/errors';
import type { EasOnchainProof } from '../envelope/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { attesterTrustedCheck, chainFacts, describeTime, easConfigOf, expiryCheck, readFailedCheck, readSchema, safeSeconds, sameAddress, schemaChecks, unavailableCheck } from './eas-shared';
import type { ProofVerifier } from './types';

/** EAS.getAttestation's struct; `uid` is zero when there is no such attestation. */
type OnchainAttestation = {
  uid: Hex;
  schema: Hex;
  time: bigint;
  expirationTime: bigint;
  revocationTime: bigint;
  refUID: Hex;
  recipient: Address;
  attester: Address;
  revocable: boolean;
  data: Hex;
};

/** The checks after `chain`, in the order they are reported. */
const onchainCheckIds = ['eas-trusted', 'attestation', 'schema', 'content-binding', 'revocation', 'expiry', 'attester-trusted', 'confirmations'] as const;

/**
 * Verifies an `eas-onchain` proof (spec §3d): the attestation exists on the
 * configured EAS contract with enough confirmations, its schema is
 * registered and binds the signed text, it is neither revoked nor expired,
 * and its attester is trusted.
 */
export const verifyEasOnchain: ProofVerifier<EasOnchainProof> = async ({ proof, envelope, signedText, trust, chains }) => {
  const { chainId, uid } = proof;
  const facts: VerdictFacts = { chainId, uid };
  const reader = chains.reader(chainId);
  if (!reader) {
    const notConfigured = `Chain ${chainId} is not configured.`;
    return {
      checks: [unreachable('chain', `Chain ${chainId} is not in the trust configuration.`), ...onchainCheckIds.map((id) => skipped(id, notConfigured))],
      facts,
    };
  }

  const chainCheck = passed('chain', `${reader.config.name} (chain ${chainId}).`);
  const easConfig = easConfigOf(trust, chainId);
  if (!easConfig || (proof.eas !== undefined && !sameAddress(proof.eas, easConfig.eas))) {
    const untrusted = easConfig
      ? `The proof names ${proof.eas}, not the configured EAS contract (${easConfig.eas}).`
      : `No EAS contract is configured for chain ${chainId}.`;
    const notRead = 'Not read: the EAS contract is not trusted.';
    return {
      checks: [chainCheck, failed('eas-trusted', untrusted, 'untrusted'), ...onchainCheckIds.slice(1).map((id) => skipped(id, notRead))],
      facts: { ...facts, chainName: reader.config.name },
    };
  }

  // Read first: once the head is known, both attestation reads start in the
  // same tick, so reads of concurrent verifiers share one JSON-RPC batch.
  const head = await settle(() => reader.head());
  const required = reader.config.confirmations;
  const readAttestation = (blockNumber?: bigint) =>
    readAfterHead(head, () =>
      reader.readContract({ address: easConfig.eas, abi: easAbi, functionName: 'getAttestation', args: [uid], ...(blockNumber !== undefined && { blockNumber }) }),
    );
  const current = readAttestation();
  // `required` confirmations: the attestation already exists in block head − required + 1.
  let confirmed: Promise<ReadOutcome<OnchainAttestation>> | undefined = current;
  if (head.ok && required > 1) {
    const block = head.value.number - BigInt(required) + 1n;
    confirmed = block < 0n ? undefined : readAttestation(block);
  }

  const checks: Check[] = [chainCheck, passed('eas-trusted', `${easConfig.eas} is the configured EAS contract.`)];
  Object.assign(facts, chainFacts({ reader, head }), { requiredConfirmations: required });

  const attestation = await current;
  if (!attestation.ok || !isAttestation(attestation.value, uid)) {
    const attestationCheck = attestation.ok
      ? failed('attestation', 'There is no attestation with this UID on the configured EAS contract.', 'invalid')
      : readFailedCheck('attestation', attestation.error, 'The EAS contract reverted getAttestation()');
    const notRead = attestation.ok ? 'There is no attestation to check.' : 'Needs the attestation, which could not be read.';
    checks.push(attestationCheck, ...onchainCheckIds.slice(2).map((id) => skipped(id, notRead)));
    return { checks, facts: { ...facts, rpcs: reader.endpoints() } };
  }

  const record: OnchainAttestation = attestation.value;
  const schemaRead = readSchema({ reader, head, registry: easConfig.schemaRegistry, schemaUid: record.schema });
  const attester = attesterTrustedCheck({ trust, attester: record.attester });
  const schema = schemaChecks({ schemaRecord: await schemaRead, schemaUid: record.schema, data: record.data, envelope, signedText });

  checks.push(
    passed('attestation', `Attested by ${record.attester} at ${describeTime(record.time)}.`),
    ...schema.checks,
    record.revocationTime !== 0n
      ? failed('revocation', `Revoked at ${describeTime(record.revocationTime)}.`, 'invalid')
      : passed('revocation', 'Not revoked.'),
    expiryCheck({ expirationTime: record.expirationTime, head }),
    attester.check,
    await confirmationsCheck({ confirmed, uid, required }),
  );
  Object.assign(facts, schema.facts, {
    attester: record.attester,
    ...(attester.label !== undefined && { signerLabel: attester.label }),
    ...(safeSeconds(record.time) !== undefined && { timestamp: safeSeconds(record.time) }),
    rpcs: reader.endpoints(),
  });
  return { checks, facts };
};

/** EAS answers a zeroed struct for an unknown UID, so a zero UID never names an attestation. */
function isAttestation(record: OnchainAttestation, uid: Hex): boolean {
  return record.uid !== zeroHash && record.uid.toLowerCase() === uid.toLowerCase();
}


type ConfirmationsCheckParameters = {
  /** The attestation as read `required − 1` blocks before the head; undefined when the chain is not that long yet. */
  confirmed: Promise<ReadOutcome<OnchainAttestation>> | undefined;
  uid: Hex;
  required: number;
};

async function confirmationsCheck({ confirmed, uid, required }: ConfirmationsCheckParameters): Promise<Check> {
  const pending = failed('confirmations', `Fewer than ${required} confirmations.`, 'pending');
  if (!confirmed) return pending;
  const earlier = await confirmed;
  // No answer there (the contract itself may be younger than that block) means no attestation yet.
  if (!earlier.ok) return earlier.error instanceof ContractRevertedError ? pending : unavailableCheck('confirmations', earlier.error);
  return isAttestation(earlier.value, uid)
    ? passed('confirmations', `At least ${required} confirmation${required === 1 ? '' : 's'}.`)
    : pending;
}
