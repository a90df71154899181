import { waitForSuccess } from '../clients';
import { encodeContentData } from '../producers/eas-data';
import { attestationUid, sendAttestation } from '../producers/eas-onchain';
import { easReference, embedEnvelope, ogReference, tokenSnippet } from '../producers/embed';
import { buildSettlementBatch, sendBatchSettlement, sendIndividualSettlement } from '../producers/og-settlement';
import { ogTeeEnvelope } from '../producers/og-tee';
import { easModel } from './eas-offchain';
import { ogModel, signNewsBrief } from './og-inference';
import type { Scenario, ScenarioContext } from './types';

/**
 * Proofs anchored in the newest block. Call last: every anchor goes into one
 * block mined on purpose, so with `confirmations: 2` these are pending until
 * one more block is mined, and everything before (at least two blocks
 * older, see startDevnet) is final.
 */
export async function pendingScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, tees, chainId } = context;
  const batchOutput = "Results of the city's annual air-quality survey will be published in full next Tuesday.";
  const settlementOutput = 'The new pedestrian crossing outside the primary school comes into use on Monday morning.';
  const attestedText = 'Registration for the half marathon opens at noon today, with 5,000 places available.';
  const batchInference = await signNewsBrief({ context, tee: tees.active, topic: 'the air-quality survey', output: batchOutput, ageSeconds: 30 });
  const settledInference = await signNewsBrief({ context, tee: tees.active, topic: 'the school crossing', output: settlementOutput, ageSeconds: 30 });
  const batch = buildSettlementBatch([
    batchInference,
    await signNewsBrief({ context, tee: tees.active, topic: 'a reader question', output: 'The recycling centre opens at 8 am.', ageSeconds: 30 }),
  ]);

  const hashes = await inOneBlock(context, async () => ({
    batch: await sendBatchSettlement({ wallet: clients.wallets.deployer, relay: contracts.settlementRelay, batch, walrusBlobId: context.walrusBlobId('batch-pending') }),
    settlement: await sendIndividualSettlement({
      wallet: clients.wallets.deployer,
      relay: contracts.settlementRelay,
      inference: settledInference,
      ethAddress: clients.accounts.trustedAttester.address,
      walrusBlobId: context.walrusBlobId('individual-pending'),
    }),
    attestation: await sendAttestation({
      wallet: clients.wallets.trustedAttester,
      eas: contracts.eas,
      schema: contracts.schemas.content,
      data: encodeContentData({ signedText: attestedText, model: easModel }),
    }),
  }));
  await waitForSuccess({ clients, hash: hashes.batch, what: 'Settling the pending batch' });
  await waitForSuccess({ clients, hash: hashes.settlement, what: 'Settling the pending inference' });
  const attestation = await waitForSuccess({ clients, hash: hashes.attestation, what: 'Attesting the pending text' });

  const reason = 'Valid, but its anchor is in the newest block: fewer confirmations than the configuration asks for.';
  const batchEnvelope = ogTeeEnvelope({
    chainId,
    registry: contracts.teeRegistry,
    inference: batchInference,
    settlement: { relay: contracts.settlementRelay, tx: hashes.batch, root: batch.root, proof: batch.proof(0) },
    model: ogModel,
  });
  return [
    {
      id: 'og-tee-pending-batch',
      title: 'Batch settled in the newest block',
      proofType: 'og-tee',
      form: 'attribute-json',
      expectedState: 'pending',
      reason,
      envelope: batchEnvelope,
      html: embedEnvelope({ form: 'attribute-json', envelope: batchEnvelope, shown: batchOutput, id: 'og-tee-pending-batch' }),
    },
    {
      id: 'og-settlement-pending',
      title: 'Settled in the newest block',
      proofType: 'og-settlement',
      form: 'short-ref',
      expectedState: 'pending',
      reason,
      html: tokenSnippet({ token: ogReference({ chainId, tx: hashes.settlement }), shown: settlementOutput }),
    },
    {
      id: 'eas-onchain-pending',
      title: 'Attested in the newest block',
      proofType: 'eas-onchain',
      form: 'short-ref',
      expectedState: 'pending',
      reason,
      html: tokenSnippet({ token: easReference({ chainId, uid: attestationUid({ receipt: attestation, eas: contracts.eas }) }), shown: attestedText }),
    },
  ];
}

/** Runs `send` with automining off, then mines everything it sent as one block. */
async function inOneBlock<result>({ clients }: ScenarioContext, send: () => Promise<result>): Promise<result> {
  await clients.test.setAutomine(false);
  try {
    const sent = await send();
    await clients.test.mine({ blocks: 1 });
    return sent;
  } finally {
    await clients.test.setAutomine(true);
  }
}
