import { readAfterHead, settle, type ReadOutcome } from '../chain/read-outcome';
import { stringToHex, zeroAddress, type Address, type Hex } from 'viem';
import { erc7007Abi } from '../abi/erc7007';
import { ContractRevertedError } from '../chain/errors';
import type { Erc7007Proof } from '../envelope/schema';
import { failed, passed, skipped, unreachable } from '../verdict/check';
import type { Check, VerdictFacts } from '../verdict/types';
import { chainFacts, readFailedCheck, sameAddress, unavailableCheck } from './eas-shared';
import { matchAigcRecord, readAigcRecordLogs, type AigcRecordLogs } from './erc7007-record';
import type { ProofVerifier } from './types';

/**
 * Verifies an `erc7007` proof (spec §3e). The contract's own
 * `verify(prompt, aigcData, proof)` view, with aigcData the UTF-8 bytes of
 * the signed text, must return true; but verify() binds nothing to a token
 * (real contracts return true for anything, or map unknown prompts to an
 * existing request), so the token must also exist (`ownerOf` answers) and
 * its AIGC record — an `AigcData` or draft `Mint` log of that contract —
 * must hold this prompt and this text. The contract must be one the trust
 * configuration names; an untrusted one is still asked, so that an
 * `invalid` proof is told from a merely `untrusted` one.
 *
 * The token id is a fact of the verdict only once its record binds the
 * text: a card, report or citation never shows an unbound token as the
 * proof's.
 */
export const verifyErc7007: ProofVerifier<Erc7007Proof> = async ({ proof, signedText, trust, chains }) => {
  const { chainId, contract, tokenId } = proof;
  const facts: VerdictFacts = { chainId, contract };
  const reader = chains.reader(chainId);
  if (!reader) {
    const notConfigured = `Chain ${chainId} is not configured.`;
    return {
      checks: [
        unreachable('chain', `Chain ${chainId} is not in the trust configuration.`),
        skipped('contract-trusted', notConfigured),
        skipped('erc7007-verify', notConfigured),
        skipped('erc7007-token', notConfigured),
        skipped('erc7007-record', notConfigured),
      ],
      facts,
    };
  }

  const aigcData = stringToHex(signedText);
  const head = await settle(() => reader.head());
  const verified = readAfterHead(head, () =>
    reader.readContract({ address: contract, abi: erc7007Abi, functionName: 'verify', args: [proof.prompt, aigcData, proof.proof] }),
  );
  const owner = readAfterHead(head, () => reader.readContract({ address: contract, abi: erc7007Abi, functionName: 'ownerOf', args: [tokenId] }));
  const recordLogs = readAfterHead(head, () => readAigcRecordLogs({ reader, contract, tokenId, tx: proof.tx }));

  const trusted = trust.erc7007[String(chainId)]?.some((configured) => sameAddress(configured, contract)) ?? false;
  const verifyOutcome = await verified;
  const tokenCheck = tokenExistsCheck({ owner: await owner, contract, tokenId });
  const recordCheck =
    tokenCheck.ok === false
      ? skipped('erc7007-record', `Token ${tokenId} does not exist, so it holds no AIGC record.`)
      : aigcRecordCheck({ recordLogs: await recordLogs, contract, tokenId, prompt: proof.prompt, aigcData, pinnedBlock: head.ok ? head.value.number : undefined });
  const checks: Check[] = [
    passed('chain', `${reader.config.name} (chain ${chainId}).`),
    trusted
      ? passed('contract-trusted', `${contract} is a configured ERC-7007 contract.`)
      : failed('contract-trusted', `${contract} is not an ERC-7007 contract the trust configuration names for chain ${chainId}.`, 'untrusted'),
    !verifyOutcome.ok
      ? readFailedCheck('erc7007-verify', verifyOutcome.error, 'The contract reverted verify()')
      : verifyOutcome.value
        ? passed('erc7007-verify', 'The contract verifies the proof for the signed text.')
        : failed('erc7007-verify', 'The contract does not verify the proof for the signed text.', 'invalid'),
    tokenCheck,
    recordCheck,
  ];
  return {
    checks,
    facts: { ...facts, ...(recordCheck.ok && { tokenId: tokenId.toString() }), ...chainFacts({ reader, head }), rpcs: reader.endpoints() },
  };
};

type TokenExistsCheckParameters = { owner: ReadOutcome<Address>; contract: Address; tokenId: bigint };

/** ERC-721's ownerOf reverts for a token that does not exist; some contracts answer the zero address instead. */
function tokenExistsCheck({ owner, contract, tokenId }: TokenExistsCheckParameters): Check {
  if (!owner.ok) {
    return owner.error instanceof ContractRevertedError
      ? failed('erc7007-token', `Token ${tokenId} does not exist on ${contract}: ownerOf() reverted (${owner.error.details}).`, 'invalid')
      : unavailableCheck('erc7007-token', owner.error);
  }
  if (sameAddress(owner.value, zeroAddress)) return failed('erc7007-token', `Token ${tokenId} does not exist on ${contract}: it has no owner.`, 'invalid');
  return passed('erc7007-token', `Token ${tokenId} exists (owner ${owner.value}).`);
}

type AigcRecordCheckParameters = {
  recordLogs: ReadOutcome<AigcRecordLogs>;
  contract: Address;
  tokenId: bigint;
  prompt: Hex;
  aigcData: Hex;
  pinnedBlock: bigint | undefined;
};

/** The token's AIGC record must hold this prompt and the signed text; any one record that does is enough. */
function aigcRecordCheck({ recordLogs, contract, tokenId, prompt, aigcData, pinnedBlock }: AigcRecordCheckParameters): Check {
  if (!recordLogs.ok) return readFailedCheck('erc7007-record', recordLogs.error, 'Reading the AIGC record failed');
  const found = recordLogs.value;
  if (found.kind !== 'logs') {
    const detail =
      found.kind === 'reverted'
        ? `Transaction ${found.tx} reverted, so it recorded nothing.`
        : `Transaction ${found.tx} is not on chain${pinnedBlock === undefined ? '' : ` by block ${pinnedBlock}`}.`;
    return failed('erc7007-record', detail, 'invalid');
  }

  const records = found.logs.flatMap((log) => {
    const match = matchAigcRecord({ log, contract, tokenId, prompt, aigcData });
    return match.ofToken ? [{ ...match, log }] : [];
  });
  const where = (log: { transactionHash: Hex | null; logIndex: number | null }) => `transaction ${log.transactionHash}, log ${log.logIndex}`;
  const binding = records.find((record) => record.promptMatches && record.aigcDataMatches);
  if (binding) return passed('erc7007-record', `Token ${tokenId}'s ${binding.event} record (${where(binding.log)}) holds this prompt and the signed text.`);

  const [other] = records;
  if (other) {
    const differs = [!other.promptMatches && 'another prompt', !other.aigcDataMatches && 'another text'].filter(Boolean).join(' and ');
    return failed('erc7007-record', `Token ${tokenId}'s ${other.event} record (${where(other.log)}) holds ${differs}: the token is not this content's.`, 'invalid');
  }
  const searched = found.tx ? `transaction ${found.tx}` : `the logs of ${contract} from block 0${pinnedBlock === undefined ? '' : ` to ${pinnedBlock}`}`;
  return failed('erc7007-record', `No AigcData or Mint record of token ${tokenId} in ${searched}: nothing binds this content to the token.`, 'invalid');
}
