import { stringToHex, type Hash } from 'viem';
import { newsBriefRequest, ogModel } from '../../devnet/cases/og-inference';
import { waitForSuccess, type DevnetClients } from '../../devnet/clients';
import type { DevnetContracts } from '../../devnet/deploy';
import { generateTeeKey, type TeeKey } from '../../devnet/keys';
import { ogReference } from '../../devnet/producers/embed';
import { buildSettlementBatch, ogSettlementEnvelope, sendBatchSettlement, sendIndividualSettlement } from '../../devnet/producers/og-settlement';
import { ogTeeEnvelope, signTeeInference, type OgTeeSettlement, type TeeInference } from '../../devnet/producers/og-tee';
import { heartbeatTee, registerTee } from '../../devnet/registry';
import type { ProofSet } from './proof-set';
import { newsBrief } from './sentences';

export type ProduceOgProofsParameters = {
  clients: DevnetClients;
  contracts: DevnetContracts;
  chainId: number;
  /** Proofs per set. */
  count: number;
};

export type OgProofSets = { bare: ProofSet; individual: ProofSet; batch: ProofSet; settlement: ProofSet };

type SignedOutput = { output: string; inference: TeeInference };

/**
 * A new TEE on the trusted registry (registered, heartbeat sent) and
 * `count` distinct inferences it signed for each og set: bare, settled one
 * per transaction, and settled together in one batch. The og-settlement set
 * references the individual settlements.
 */
export async function produceOgProofs({ clients, contracts, chainId, count }: ProduceOgProofsParameters): Promise<OgProofSets> {
  const tee = await generateTeeKey();
  const registry = { clients, wallet: clients.wallets.deployer, registry: contracts.teeRegistry };
  await registerTee({ ...registry, publicKey: tee.publicKey });
  await heartbeatTee({ ...registry, teeId: tee.teeId });

  const bare = await signOutputs({ tee, series: 'og-tee', count });
  const individual = await signOutputs({ tee, series: 'settled', count });
  const batched = await signOutputs({ tee, series: 'batched', count });

  // Sent one after another (anvil mines each at once), then awaited together.
  const settlementTxs: Hash[] = [];
  for (const { inference } of individual) {
    settlementTxs.push(
      await sendIndividualSettlement({
        wallet: clients.wallets.deployer,
        relay: contracts.settlementRelay,
        inference,
        ethAddress: clients.accounts.trustedAttester.address,
        walrusBlobId: stringToHex(`walrus-bench-${inference.outputHash}`),
      }),
    );
  }
  const batch = buildSettlementBatch(batched.map(({ inference }) => inference));
  const batchTx = await sendBatchSettlement({ wallet: clients.wallets.deployer, relay: contracts.settlementRelay, batch, walrusBlobId: stringToHex('walrus-bench-batch') });
  await Promise.all([...settlementTxs, batchTx].map((hash) => waitForSuccess({ clients, hash, what: 'Settling a bench inference' })));

  const ogTeeProof = ({ output, inference }: SignedOutput, settlement?: OgTeeSettlement) => ({
    envelope: ogTeeEnvelope({ chainId, registry: contracts.teeRegistry, inference, settlement, model: ogModel }),
    shown: output,
  });
  const relay = contracts.settlementRelay;
  return {
    bare: { name: 'og-tee, bare', proofType: 'og-tee', proofs: bare.map((signed) => ogTeeProof(signed)) },
    individual: {
      name: 'og-tee, individual settlement',
      proofType: 'og-tee',
      proofs: individual.map((signed, index) => ogTeeProof(signed, { relay, tx: settlementTxs[index]! })),
    },
    batch: {
      name: 'og-tee, batch settlement',
      proofType: 'og-tee',
      proofs: batched.map((signed, index) => ogTeeProof(signed, { relay, tx: batchTx, root: batch.root, proof: batch.proof(index) })),
    },
    settlement: {
      name: 'og-settlement',
      proofType: 'og-settlement',
      proofs: individual.map(({ output }, index) => ({
        envelope: ogSettlementEnvelope({ chainId, tx: settlementTxs[index]!, model: ogModel }),
        shown: output,
        reference: ogReference({ chainId, tx: settlementTxs[index]! }),
      })),
    },
  };
}

async function signOutputs({ tee, series, count }: { tee: TeeKey; series: string; count: number }): Promise<SignedOutput[]> {
  const timestamp = Math.floor(Date.now() / 1000) - 120;
  return Promise.all(
    Array.from({ length: count }, async (_, index): Promise<SignedOutput> => {
      const output = newsBrief(series, index);
      const request = newsBriefRequest(`${series} story ${index + 1}`);
      return { output, inference: await signTeeInference({ tee, request, output, timestamp }) };
    }),
  );
}
