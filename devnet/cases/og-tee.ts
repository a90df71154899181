import { waitForSuccess } from '../clients';
import { embedEnvelope, type EmbeddingForm } from '../producers/embed';
import type { EnvelopeInput } from '../producers/envelope-types';
import { buildSettlementBatch, sendBatchSettlement, sendIndividualSettlement } from '../producers/og-settlement';
import { ogTeeEnvelope, teeOutputHash, type OgTeeSettlement, type TeeInference } from '../producers/og-tee';
import type { TeeKey } from '../keys';
import { ogModel, signNewsBrief } from './og-inference';
import type { Scenario, ScenarioContext } from './types';

type OgTeeCase = {
  id: string;
  title: string;
  form: Exclude<EmbeddingForm, 'short-ref'>;
  expectedState: Scenario['expectedState'];
  reason: string;
  inference: TeeInference;
  shown: string | { html: string };
  text?: string;
  registry?: `0x${string}`;
  chainId?: number;
  settlement?: OgTeeSettlement;
};

/** og-tee proofs (spec §3a) in every form and every state they can reach. */
export async function ogTeeScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, tees } = context;
  const sign = (tee: TeeKey, topic: string, output: string) => signNewsBrief({ context, tee, topic, output });
  const scenario = ({ id, title, form, expectedState, reason, inference, shown, text, registry, chainId, settlement }: OgTeeCase): Scenario => {
    const envelope: EnvelopeInput = ogTeeEnvelope({
      chainId: chainId ?? context.chainId,
      registry: registry ?? contracts.teeRegistry,
      inference,
      settlement,
      text,
      model: ogModel,
    });
    return { id, title, proofType: 'og-tee', form, expectedState, reason, envelope, html: embedEnvelope({ form, envelope, shown, id }) };
  };
  const settleIndividually = async (inference: TeeInference, relay = contracts.settlementRelay, wallet = clients.wallets.deployer) => {
    const hash = await sendIndividualSettlement({
      wallet,
      relay,
      inference,
      ethAddress: clients.accounts.trustedAttester.address,
      walrusBlobId: context.walrusBlobId(`individual-${inference.outputHash}`),
    });
    await waitForSuccess({ clients, hash, what: 'Settling an inference' });
    return hash;
  };

  const scenarios: Scenario[] = [];
  const verifiedForms = [
    ['og-tee-attribute-json', 'Attribute, JSON', 'attribute-json', 'river levels after the storms', 'Rainfall across the northern valleys is expected to ease by Thursday, with river levels falling back below flood stage by the weekend.'],
    ['og-tee-attribute-base64url', 'Attribute, base64url', 'attribute-base64url', 'the bike lane pilot', 'The city council approved a two-year pilot that adds protected bike lanes to four downtown streets, starting in the spring.'],
    ['og-tee-script', 'Script form with a target', 'script', 'the summer festival', 'Ticket sales for the summer festival opened at nine and the first weekend sold out in under an hour, organisers said.'],
    ['og-tee-text-token', 'Text token in a post', 'text-token', "today's match", "Quick summary of today's match: the visitors led early, the hosts levelled after the break, and a late header settled it 2-1."],
    ['og-tee-link', 'Token in a link', 'link', 'library opening hours', 'Library opening hours will extend to 9 pm on weekdays from next month, after a survey showed strong demand for evening study space.'],
  ] as const;
  for (const [id, title, form, topic, output] of verifiedForms) {
    scenarios.push(
      scenario({ id, title, form, expectedState: 'verified', reason: 'Signed by an active TEE of the trusted registry; the text is what it signed.', inference: await sign(tees.active, topic, output), shown: output }),
    );
  }

  const markdown = 'The **harbour** reopened on Monday after a week of repairs, and the first ferries ran *on time*.';
  scenarios.push(
    scenario({
      id: 'og-tee-markdown',
      title: 'Markdown output shown as HTML',
      form: 'attribute-json',
      expectedState: 'verified',
      reason: 'The envelope carries the signed markdown; the page shows the same words without the markup (a wording match, lower confidence).',
      inference: await sign(tees.active, 'the harbour reopening', markdown),
      text: markdown,
      shown: { html: 'The <strong>harbour</strong> reopened on Monday after a week of repairs, and the first ferries ran <em>on time</em>.' },
    }),
  );

  const quietOutput = 'Analysts expect inflation to hold near 2.4 percent through the summer before easing slightly in the autumn.';
  scenarios.push(
    scenario({
      id: 'og-tee-quiet-tee',
      title: 'TEE enabled but no recent heartbeat',
      form: 'attribute-json',
      expectedState: 'verified',
      reason: 'The key is registered and enabled; the TEE is just not active now, which lowers confidence but does not void old outputs.',
      inference: await sign(tees.quiet, 'the inflation outlook', quietOutput),
      shown: quietOutput,
    }),
  );

  const individualOutput = 'A new footbridge linking the two halves of the old market square will open to walkers and cyclists in early June.';
  const individual = await sign(tees.active, 'the market square footbridge', individualOutput);
  scenarios.push(
    scenario({
      id: 'og-tee-individual-settlement',
      title: 'Settled individually on the trusted relay',
      form: 'attribute-json',
      expectedState: 'verified',
      reason: 'Signature, registry and the IndividualSettlement log of the trusted relay all agree.',
      inference: individual,
      shown: individualOutput,
      settlement: { relay: contracts.settlementRelay, tx: await settleIndividually(individual) },
    }),
  );

  // One batch holds three page inferences and one from elsewhere; a second batch is another root entirely.
  const batchOutputs = [
    'School meals in the district will include a daily vegetarian option from September, the education board confirmed.',
    'Water quality at all six public beaches met the excellent standard in this week\'s tests, the environment agency said.',
    'The orchestra announced a free open-air concert in the botanical gardens on the last Sunday of August.',
  ] as const;
  const batchInferences = [
    await sign(tees.active, 'school meals', batchOutputs[0]),
    await sign(tees.active, 'beach water quality', batchOutputs[1]),
    await sign(tees.active, 'the open-air concert', batchOutputs[2]),
    await sign(tees.active, 'a reader question', 'Bins are collected on Wednesdays in your area.'),
  ];
  const batch = buildSettlementBatch(batchInferences);
  const batchHash = await sendBatchSettlement({ wallet: clients.wallets.deployer, relay: contracts.settlementRelay, batch, walrusBlobId: context.walrusBlobId('batch-a') });
  await waitForSuccess({ clients, hash: batchHash, what: 'Settling a batch' });
  const otherBatch = buildSettlementBatch([
    await sign(tees.active, 'a reader question', 'The pool is closed on public holidays.'),
    await sign(tees.active, 'a reader question', 'Parking permits can be renewed online.'),
  ]);
  const otherBatchHash = await sendBatchSettlement({ wallet: clients.wallets.deployer, relay: contracts.settlementRelay, batch: otherBatch, walrusBlobId: context.walrusBlobId('batch-b') });
  await waitForSuccess({ clients, hash: otherBatchHash, what: 'Settling a batch' });

  scenarios.push(
    scenario({
      id: 'og-tee-batch-settlement',
      title: 'Settled in a batch (Merkle proof)',
      form: 'attribute-json',
      expectedState: 'verified',
      reason: 'The leaf of this inference is in the batch whose root the trusted relay settled.',
      inference: batchInferences[0]!,
      shown: batchOutputs[0],
      settlement: { relay: contracts.settlementRelay, tx: batchHash, root: batch.root, proof: batch.proof(0) },
    }),
  );

  const alteredSigned = 'Profits at the cooperative rose 4 percent in the third quarter, helped by strong sales of winter produce.';
  scenarios.push(
    scenario({
      id: 'og-tee-altered',
      title: 'Text edited after signing',
      form: 'attribute-json',
      expectedState: 'altered',
      reason: 'The signature is genuine, but keccak256 of the shown text is not the signed outputHash.',
      inference: await sign(tees.active, 'the cooperative results', alteredSigned),
      shown: alteredSigned.replace('4 percent', '40 percent'),
    }),
  );

  const museumSigned = 'The museum will close for renovation from 1 March to 30 April.';
  scenarios.push(
    scenario({
      id: 'og-tee-text-differs',
      title: 'Shown text differs from the envelope text',
      form: 'attribute-base64url',
      expectedState: 'altered',
      reason: 'The envelope text is signed, but the page shows different words.',
      inference: await sign(tees.active, 'the museum renovation', museumSigned),
      text: museumSigned,
      shown: 'The museum will close for renovation from 1 March to 30 June.',
    }),
  );

  // A forger rewrites the text and its outputHash but cannot re-sign.
  const genuineAirport = await sign(tees.active, 'airport passenger numbers', 'The regional airport expects passenger numbers to grow by 3 percent this year.');
  const forgedAirport = 'The regional airport expects passenger numbers to double this year.';
  scenarios.push(
    scenario({
      id: 'og-tee-bad-signature',
      title: 'Forged output hash, original signature',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The outputHash matches the shown text, but the TEE signature does not cover it.',
      inference: { ...genuineAirport, outputHash: teeOutputHash(forgedAirport) },
      shown: forgedAirport,
    }),
  );

  const disabledOutput = 'Volunteers planted 1,200 trees along the river path over the weekend, completing the first phase of the green corridor.';
  scenarios.push(
    scenario({
      id: 'og-tee-disabled-tee',
      title: 'TEE disabled in the registry',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The signing TEE has been disabled in the trusted registry.',
      inference: await sign(tees.disabled, 'tree planting', disabledOutput),
      shown: disabledOutput,
    }),
  );

  const unknownOutput = 'The night bus network will add two routes serving the hospital and the university campus from October.';
  scenarios.push(
    scenario({
      id: 'og-tee-unknown-tee',
      title: 'TEE unknown to the registry',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The trusted registry has no public key for this teeId.',
      inference: await sign(tees.unknown, 'night buses', unknownOutput),
      shown: unknownOutput,
    }),
  );

  scenarios.push(
    scenario({
      id: 'og-tee-bad-merkle-proof',
      title: 'Merkle proof of another leaf',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The root was settled, but the proof does not lead from this leaf to it.',
      inference: batchInferences[1]!,
      shown: batchOutputs[1],
      settlement: { relay: contracts.settlementRelay, tx: batchHash, root: batch.root, proof: batch.proof(2) },
    }),
  );

  scenarios.push(
    scenario({
      id: 'og-tee-batch-root-mismatch',
      title: 'Batch transaction settled another root',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "The proof leads to the envelope's root, but the named transaction settled a different root.",
      inference: batchInferences[2]!,
      shown: batchOutputs[2],
      settlement: { relay: contracts.settlementRelay, tx: otherBatchHash, root: batch.root, proof: batch.proof(2) },
    }),
  );

  const marketOutput = "The farmers' market moves indoors to the old tram depot for the winter season, starting on the first Saturday of November.";
  const market = await sign(tees.active, "the farmers' market", marketOutput);
  const otherSettled = await sign(tees.active, 'a reader question', 'The town hall is open until 4 pm on Fridays.');
  scenarios.push(
    scenario({
      id: 'og-tee-settlement-mismatch',
      title: 'Settlement log of another inference',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "The named transaction's IndividualSettlement log carries different hashes.",
      inference: market,
      shown: marketOutput,
      settlement: { relay: contracts.settlementRelay, tx: await settleIndividually(otherSettled) },
    }),
  );

  const roadOutput = 'Road resurfacing on the coast road will run overnight for two weeks to keep daytime traffic moving.';
  scenarios.push(
    scenario({
      id: 'og-tee-settlement-missing',
      title: 'Settlement transaction without a settlement log',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'The named transaction exists but emitted no IndividualSettlement log.',
      inference: await sign(tees.active, 'road resurfacing', roadOutput),
      shown: roadOutput,
      settlement: { relay: contracts.settlementRelay, tx: tees.registrationTx },
    }),
  );

  const rogueOutput = 'Breaking: the central bank has cut interest rates by a full percentage point in an emergency move this morning.';
  scenarios.push(
    scenario({
      id: 'og-tee-rogue-registry',
      title: "Key from the page's own registry",
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: 'Internally consistent, but the registry is not in the trust configuration.',
      inference: await sign(tees.rogue, 'interest rates', rogueOutput),
      registry: contracts.rogue.teeRegistry,
      shown: rogueOutput,
    }),
  );

  const parkingOutput = 'Parking in the old town will be free after 6 pm for the rest of the year, the council confirmed.';
  const parking = await sign(tees.active, 'old town parking', parkingOutput);
  scenarios.push(
    scenario({
      id: 'og-tee-rogue-relay',
      title: "Settled on the page's own relay",
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: 'The signature is genuine, but the settlement relay is not in the trust configuration.',
      inference: parking,
      shown: parkingOutput,
      settlement: {
        relay: contracts.rogue.settlementRelay,
        tx: await settleIndividually(parking, contracts.rogue.settlementRelay, clients.wallets.rogue),
      },
    }),
  );

  const tramOutput = 'The night tram will run every twenty minutes on Fridays and Saturdays from next week.';
  scenarios.push(
    scenario({
      id: 'og-tee-legacy-registry',
      title: 'Key from a registry of the older interface',
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: 'The registry only has the views of before 2026-03-10 (getPublicKey, isActive); they are read instead and the signature holds, but this registry is not in the trust configuration.',
      inference: await sign(tees.legacy, 'the night tram', tramOutput),
      registry: contracts.legacyTeeRegistry,
      shown: tramOutput,
    }),
  );

  const stadiumOutput = 'The stadium roof will be replaced over the winter, and home games move to the athletics ground until March.';
  scenarios.push(
    scenario({
      id: 'og-tee-not-a-registry',
      title: 'Registry address that is no registry',
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: "The page names its own contract as the registry, and it has neither interface's views: nothing could be checked, so the confidence is 0.",
      inference: await sign(tees.rogue, 'the stadium roof', stadiumOutput),
      registry: contracts.rogue.settlementRelay,
      shown: stadiumOutput,
    }),
  );

  const ferryOutput = 'The ferry timetable changes on Sunday, with an extra sailing at 7 am on weekdays.';
  scenarios.push(
    scenario({
      id: 'og-tee-unconfigured-chain',
      title: 'Chain not in the configuration',
      form: 'attribute-json',
      expectedState: 'unavailable',
      reason: 'The proof names a chain the trust configuration does not know, so nothing can be checked.',
      inference: await sign(tees.active, 'the ferry timetable', ferryOutput),
      chainId: context.unconfiguredChainId,
      shown: ferryOutput,
    }),
  );
  return scenarios;
}
