import { keccak256, stringToBytes, type Address, type ByteArray, type Hex, type TransactionReceipt } from 'viem';
import { ChainUnavailableError, ContractRevertedError } from '../chain/errors';
import type { ReadOutcome } from '../chain/read-outcome';
import type { ChainReader, PinnedBlock } from '../chain/types';
import type { Envelope } from '../envelope/schema';
import { teeMessageHash } from '../og/message-hash';
import { verifyTeeSignature } from '../og/signature';
import { keyFingerprint, teeIdOf } from '../og/tee-key';
import type { ChainConfig, OpenGradientConfig, TrustConfig } from '../trust/schema';
import { failed, informational, passed, skipped, unreachable } from '../verdict/check';
import type { Check, CheckId, VerdictFacts } from '../verdict/types';
import { hashMismatchDetail } from './hash-mismatch';
import type { RegistryInterface, TeeRegistryReads } from './og-registry';

/**
 * What a failed read means for check `id`: it could not be made. A real
 * TEERegistry never reverts its views (an unknown TEE reads as empty), so a
 * revert means the address is not a working registry — a configuration
 * fault, not evidence against the content.
 */
export function readFailedCheck(id: CheckId, error: unknown): Check {
  return unreachable(id, readFailureDetail(error));
}

function readFailureDetail(error: unknown): string {
  if (error instanceof ContractRevertedError) return 'The TEE registry reverted the call, so it does not answer as a TEERegistry.';
  if (error instanceof ChainUnavailableError) return asSentence(error.message);
  return asSentence(`Could not read the chain: ${error instanceof Error ? error.message : String(error)}`);
}

/** Check details are sentences; the reader's messages may lack the full stop. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The OpenGradient contracts the trust configuration names for `chainId`, if any. */
export function openGradientConfigOf(trust: TrustConfig, chainId: number): OpenGradientConfig | undefined {
  return trust.opengradient[String(chainId)];
}

export function isConfiguredRelay(openGradient: OpenGradientConfig | undefined, relay: Address): boolean {
  return openGradient?.settlementRelays.some((configured) => configured.toLowerCase() === relay.toLowerCase()) ?? false;
}

export function relayTrustedCheck({ openGradient, relay, chainId }: { openGradient: OpenGradientConfig | undefined; relay: Address; chainId: number }): Check {
  return isConfiguredRelay(openGradient, relay)
    ? passed('relay-trusted', `Relay ${relay} is a configured settlement relay.`)
    : failed('relay-trusted', `Relay ${relay} is not a settlement relay the trust configuration names for chain ${chainId}.`, 'untrusted');
}

export type TeeChecksParameters = {
  reads: TeeRegistryReads;
  teeId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  timestamp: number | bigint;
  /** The raw signature bytes; undefined when the proof's base64 does not decode. */
  signature: ByteArray | undefined;
};

export type TeeChecksReturnType = {
  /** tee-key, tee-enabled, tee-active and signature, in that order. */
  checks: Check[];
  keyFingerprint?: string;
  teeActive?: boolean;
};

/**
 * Checks a TEE signature against the registry: the key is registered under
 * `teeId` and hashes to it, the TEE is enabled, and the signature holds.
 * Whether the TEE is active now is reported but decides nothing: content a
 * TEE signed before it went quiet is still genuine.
 */
export async function teeChecks({ reads, teeId, inputHash, outputHash, timestamp, signature }: TeeChecksParameters): Promise<TeeChecksReturnType> {
  const messageHash = teeMessageHash({ inputHash, outputHash, timestamp });
  const [publicKey, enabled, active] = await Promise.all([reads.publicKey, reads.enabled, reads.active]);

  if (publicKey.ok && publicKey.value.value === '0x') {
    const unknown = 'The TEE is unknown to the registry.';
    return {
      checks: [
        failed('tee-key', unknown, 'invalid'),
        skipped('tee-enabled', unknown),
        skipped('tee-active', unknown),
        signature ? skipped('signature', 'No registered key to check it with.') : unreadableSignatureCheck(),
      ],
    };
  }

  let key: Hex | undefined;
  let fingerprint: string | undefined;
  let keyCheck: Check;
  if (!publicKey.ok) {
    keyCheck = readFailedCheck('tee-key', publicKey.error);
  } else if (teeIdOf(publicKey.value.value) !== teeId.toLowerCase()) {
    keyCheck = failed('tee-key', "The registry's key for this TEE does not hash to the TEE id", 'invalid');
  } else {
    key = publicKey.value.value;
    fingerprint = keyFingerprint(key);
    keyCheck = passed('tee-key', `Registered key, SHA-256 ${fingerprint.slice(0, 16)}…${interfaceNote(publicKey.value.from)}`);
  }

  const enabledCheck = !enabled.ok
    ? readFailedCheck('tee-enabled', enabled.error)
    : enabledVerdict(enabled.value.value, enabled.value.from);

  // Informational, so even an outage reading it must not make the verdict unavailable.
  const activeCheck = !active.ok
    ? skipped('tee-active', `Not read, informational only: ${readFailureDetail(active.error)}`)
    : active.value.value === undefined
      ? skipped('tee-active', 'The registry has no heartbeat view (the interface before 2026-03-10); informational only.')
      : active.value.value
        ? informational('tee-active', true, 'Enabled, on approved code, with a recent heartbeat.')
        : informational('tee-active', false, 'No recent heartbeat: the TEE is not serving now; what it signed before is still genuine.');

  let signatureCheck: Check;
  if (!signature) signatureCheck = unreadableSignatureCheck();
  else if (!key) signatureCheck = skipped('signature', 'No registered key to check it with.');
  else if (await verifyTeeSignature({ publicKeyDer: key, messageHash, signature }))
    signatureCheck = passed('signature', 'RSA-PSS signature by the registered TEE key.');
  else signatureCheck = failed('signature', 'The signature does not verify with the registered TEE key.', 'invalid');

  return {
    checks: [keyCheck, enabledCheck, activeCheck, signatureCheck],
    ...(fingerprint && { keyFingerprint: fingerprint }),
    ...(active.ok && active.value.value !== undefined && { teeActive: active.value.value }),
  };
}

/** Said of an answer from a registry of the older interface, so the reader knows which views were read. */
function interfaceNote(from: RegistryInterface): string {
  return from === 'legacy' ? ' (read with getPublicKey: the registry interface before 2026-03-10)' : '';
}

/** The old interface's isActive is the registry's on/off switch, so it answers what isTEEEnabled does now. */
function enabledVerdict(enabled: boolean, from: RegistryInterface): Check {
  if (from === 'legacy') {
    return enabled
      ? passed('tee-enabled', 'The registry lists this TEE as active (isActive, the interface before 2026-03-10: not disabled).')
      : failed('tee-enabled', 'The registry has deactivated this TEE (isActive is false; the interface before 2026-03-10).', 'invalid');
  }
  return enabled ? passed('tee-enabled', 'The registry lists this TEE as enabled.') : failed('tee-enabled', 'The registry has disabled this TEE.', 'invalid');
}

function unreadableSignatureCheck(): Check {
  return failed('signature', 'The signature is not valid base64.', 'invalid');
}

/** The four TEE checks, none run, for the same reason. */
export function skippedTeeChecks(detail: string): Check[] {
  return [skipped('tee-key', detail), skipped('tee-enabled', detail), skipped('tee-active', detail), skipped('signature', detail)];
}

export type ContentBindingCheckParameters = {
  /** The envelope, which says where `signedText` came from: its own `text`, or the text as shown. */
  envelope: Pick<Envelope, 'text'>;
  signedText: string;
  outputHash: Hex;
};

/** OpenGradient hashes the raw output, so the signed text is hashed as is, not canonicalised. */
export function contentBindingCheck({ envelope, signedText, outputHash }: ContentBindingCheckParameters): Check {
  return keccak256(stringToBytes(signedText)) === outputHash.toLowerCase()
    ? passed('content-binding', 'keccak256 of the signed text equals the signed outputHash.')
    : failed('content-binding', hashMismatchDetail({ envelope, target: 'the outputHash the TEE signed' }), 'altered');
}

/** The settlement transaction's receipt, or the failed check saying why there is none to use. */
export function settledReceipt(outcome: ReadOutcome<TransactionReceipt | null>): { receipt: TransactionReceipt } | { check: Check } {
  if (!outcome.ok) return { check: readFailedCheck('settlement-log', outcome.error) };
  if (!outcome.value) return { check: failed('settlement-log', 'Settlement transaction not found.', 'invalid') };
  if (outcome.value.status !== 'success') return { check: failed('settlement-log', 'The settlement transaction reverted.', 'invalid') };
  return { receipt: outcome.value };
}

export type ConfirmationsCheckParameters = {
  head: PinnedBlock;
  anchorBlock: bigint;
  required: number;
};

export type ConfirmationsCheckReturnType = { check: Check; confirmations: number };

/**
 * The anchor's block counts as one confirmation. A receipt can come from an
 * RPC ahead of the pinned head; its block then has no confirmations yet.
 */
export function confirmationsCheck({ head, anchorBlock, required }: ConfirmationsCheckParameters): ConfirmationsCheckReturnType {
  const confirmations = head.number >= anchorBlock ? Number(head.number - anchorBlock + 1n) : 0;
  const check =
    confirmations >= required
      ? passed('confirmations', `${confirmations} confirmations (${required} required).`)
      : failed('confirmations', `${confirmations} of ${required} confirmations.`, 'pending');
  return { check, confirmations };
}

/** Facts about the chain every read was made on. */
export function chainFacts({ reader, head }: { reader: ChainReader; head: ReadOutcome<PinnedBlock> }): VerdictFacts {
  return {
    chainId: reader.chainId,
    chainName: reader.config.name,
    ...(head.ok && { blockNumber: head.value.number.toString() }),
    ...(head.ok && reader.readBasis?.() !== undefined && { readBasis: reader.readBasis()! }),
  };
}

export function explorerTxUrl(config: ChainConfig, tx: Hex): string | undefined {
  return config.explorer ? `${config.explorer.replace(/\/+$/, '')}/tx/${tx}` : undefined;
}

/** Unix seconds from a uint256 log field, when a JSON number holds them exactly. */
export function safeSeconds(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}
