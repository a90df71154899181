import { readAfterHead, settle } from '../chain/read-outcome';
import { getAddress } from 'viem';
import { easAbi } from '../abi/eas';
import type { EasOffchainProof } from '../envelope/schema';
import { verifyOffchainAttestation } from '../eas/verify-offchain-attestation';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { attesterTrustedCheck, chainFacts, describeTime, easConfigOf, expiryCheck, readFailedCheck, readSchema, safeSeconds, sameAddress, schemaChecks } from './eas-shared';
import type { ProofVerifier } from './types';

/**
 * Verifies an `eas-offchain` proof (spec §3c): the UID and EIP-712 signature
 * hold as the EAS SDK checks them, the signing domain is the configured EAS
 * contract on a configured chain, the attester is trusted, the schema is
 * registered and binds the signed text, and the attestation is neither
 * revoked off-chain nor expired. There is no on-chain anchor, so no
 * confirmations.
 */
export const verifyEasOffchain: ProofVerifier<EasOffchainProof> = async ({ proof, envelope, signedText, trust, chains }) => {
  const { attestation, signer } = proof;
  const { domain, message } = attestation;
  const chainId = domain.chainId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(domain.chainId) : undefined;
  const reader = chainId === undefined ? undefined : chains.reader(chainId);
  const easConfig = chainId === undefined ? undefined : easConfigOf(trust, chainId);
  const easTrusted = easConfig !== undefined && sameAddress(easConfig.eas, domain.verifyingContract);

  // Read first: once the head is known, every read of this proof starts in
  // the same tick, so reads of concurrent verifiers share one JSON-RPC batch.
  const head = reader ? await settle(() => reader.head()) : undefined;
  const schemaRead =
    reader && head && easConfig ? readSchema({ reader, head, registry: easConfig.schemaRegistry, schemaUid: message.schema }) : undefined;
  const revocationRead =
    reader && head && easConfig && easTrusted
      ? readAfterHead(head, () =>
          reader.readContract({ address: easConfig.eas, abi: easAbi, functionName: 'getRevokeOffchain', args: [signer, attestation.uid] }),
        )
      : undefined;

  // Compute while waiting.
  const local = verifyOffchainAttestation({ attestation, signer });
  const uidCheck = local.uid.ok
    ? passed('uid', `The UID matches the attestation's fields (version ${local.version}).`)
    : failed('uid', local.uid.reason, 'invalid');
  const signatureCheck = local.signature.ok
    ? passed('signature', `EIP-712 signature by ${getAddress(signer)}.`)
    : failed('signature', local.signature.reason, 'invalid');
  const attester = local.signature.ok
    ? attesterTrustedCheck({ trust, attester: signer })
    : { check: skipped('attester-trusted', 'The signature does not show who attested.') };

  const facts: VerdictFacts = {
    uid: attestation.uid,
    attester: signer,
    schemaUid: message.schema,
    ...(attester.label !== undefined && { signerLabel: attester.label }),
    ...(safeSeconds(message.time) !== undefined && { timestamp: safeSeconds(message.time) }),
  };

  const notConfigured = `Chain ${domain.chainId} is not configured.`;
  const checks: Check[] = [
    reader ? passed('chain', `${reader.config.name} (chain ${reader.chainId}).`) : unreachable('chain', `Chain ${domain.chainId} is not in the trust configuration.`),
    !reader
      ? skipped('eas-trusted', notConfigured)
      : easTrusted
        ? passed('eas-trusted', `Signed for ${domain.verifyingContract}, the configured EAS contract.`)
        : failed(
            'eas-trusted',
            easConfig
              ? `Signed for ${domain.verifyingContract}, not the configured EAS contract (${easConfig.eas}).`
              : `No EAS contract is configured for chain ${domain.chainId}.`,
            'untrusted',
          ),
    uidCheck,
    signatureCheck,
    attester.check,
  ];

  if (schemaRead) {
    const schema = schemaChecks({ schemaRecord: await schemaRead, schemaUid: message.schema, data: message.data, envelope, signedText });
    checks.push(...schema.checks);
    Object.assign(facts, schema.facts);
  } else {
    const why = reader ? `No SchemaRegistry is configured for chain ${domain.chainId}.` : notConfigured;
    checks.push(skipped('schema', why), skipped('content-binding', 'Needs the schema.'));
  }

  if (revocationRead) {
    const revoked = await revocationRead;
    checks.push(
      !revoked.ok
        ? readFailedCheck('revocation', revoked.error, 'The EAS contract reverted getRevokeOffchain()')
        : revoked.value !== 0n
          ? failed('revocation', `The attester revoked it at ${describeTime(revoked.value)}.`, 'invalid')
          : passed('revocation', 'Not revoked on the configured EAS contract.'),
    );
  } else {
    checks.push(skipped('revocation', reader ? 'Revocations are only read from the configured EAS contract.' : notConfigured));
  }
  checks.push(expiryCheck({ expirationTime: message.expirationTime, head }));

  if (reader && head) Object.assign(facts, chainFacts({ reader, head }), { rpcs: reader.endpoints() });
  else if (chainId !== undefined) facts.chainId = chainId;
  return { checks, facts };
};
