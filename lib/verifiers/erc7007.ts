import { readAfterHead, settle } from '../chain/read-outcome';
import { stringToHex } from 'viem';
import { erc7007Abi } from '../abi/erc7007';
import type { Erc7007Proof } from '../envelope/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { chainFacts, readFailedCheck, sameAddress } from './eas-shared';
import type { ProofVerifier } from './types';

/**
 * Verifies an `erc7007` proof (spec §3e): the contract's own
 * `verify(prompt, aigcData, proof)` view, with aigcData the UTF-8 bytes of
 * the signed text, must return true, and the contract must be one the trust
 * configuration names. An untrusted contract is still asked: its answer
 * tells an `invalid` proof from a merely `untrusted` one.
 */
export const verifyErc7007: ProofVerifier<Erc7007Proof> = async ({ proof, signedText, trust, chains }) => {
  const { chainId, contract, tokenId } = proof;
  const facts: VerdictFacts = { chainId, contract, tokenId: tokenId.toString() };
  const reader = chains.reader(chainId);
  if (!reader) {
    const notConfigured = `Chain ${chainId} is not configured.`;
    return {
      checks: [
        unreachable('chain', `Chain ${chainId} is not in the trust configuration.`),
        skipped('contract-trusted', notConfigured),
        skipped('erc7007-verify', notConfigured),
      ],
      facts,
    };
  }

  const head = await settle(() => reader.head());
  const verified = readAfterHead(head, () =>
    reader.readContract({
      address: contract,
      abi: erc7007Abi,
      functionName: 'verify',
      args: [proof.prompt, stringToHex(signedText), proof.proof],
    }),
  );

  const trusted = trust.erc7007[String(chainId)]?.some((configured) => sameAddress(configured, contract)) ?? false;
  const outcome = await verified;
  const checks: Check[] = [
    passed('chain', `${reader.config.name} (chain ${chainId}).`),
    trusted
      ? passed('contract-trusted', `${contract} is a configured ERC-7007 contract.`)
      : failed('contract-trusted', `${contract} is not an ERC-7007 contract the trust configuration names for chain ${chainId}.`, 'untrusted'),
    !outcome.ok
      ? readFailedCheck('erc7007-verify', outcome.error, 'The contract reverted verify()')
      : outcome.value
        ? passed('erc7007-verify', 'The contract verifies the proof for the signed text.')
        : failed('erc7007-verify', 'The contract does not verify the proof for the signed text.', 'invalid'),
  ];
  return { checks, facts: { ...facts, ...chainFacts({ reader, head }), rpcs: reader.endpoints() } };
};
