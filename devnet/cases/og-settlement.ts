import { parseEventLogs, type Hash } from 'viem';
import { settlementRelayAbi } from '../../lib/abi/settlement-relay';
import { waitForSuccess, type DevnetWalletClient } from '../clients';
import { embedEnvelope, linkSnippet, ogReference, tokenSnippet } from '../producers/embed';
import { buildSettlementBatch, ogSettlementEnvelope, sendBatchSettlement, sendIndividualSettlement } from '../producers/og-settlement';
import type { TeeInference } from '../producers/og-tee';
import type { TeeKey } from '../keys';
import { ogModel, signNewsBrief } from './og-inference';
import type { Scenario, ScenarioContext } from './types';

/** og-settlement proofs (spec §3b): references to IndividualSettlement logs. */
export async function ogSettlementScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, tees, chainId } = context;
  const sign = (tee: TeeKey, topic: string, output: string) => signNewsBrief({ context, tee, topic, output });
  const settle = async (inference: TeeInference, relay = contracts.settlementRelay, wallet: DevnetWalletClient = clients.wallets.deployer): Promise<Hash> => {
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
  const settled = async (tee: TeeKey, topic: string, output: string) => settle(await sign(tee, topic, output));
  const base = { proofType: 'og-settlement' as const };
  const scenarios: Scenario[] = [];

  const powerOutput = 'Crews restored power to all homes in the eastern districts overnight, the utility said early this morning.';
  scenarios.push({
    ...base,
    id: 'og-settlement-short-ref',
    title: 'Short reference in a post',
    form: 'short-ref',
    expectedState: 'verified',
    reason: 'The trusted relay settled this output, signed by an active TEE of the trusted registry.',
    html: tokenSnippet({ token: ogReference({ chainId, tx: await settled(tees.active, 'the power cut', powerOutput) }), shown: powerOutput }),
  });

  const budgetOutput = "The council's draft budget sets aside £2 million for repairs to school roofs and heating systems.";
  const budgetTx = await settled(tees.active, 'the draft budget', budgetOutput);
  const budgetReceipt = await clients.public.getTransactionReceipt({ hash: budgetTx });
  const [budgetLog] = parseEventLogs({ abi: settlementRelayAbi, eventName: 'IndividualSettlement', logs: budgetReceipt.logs });
  const budgetEnvelope = ogSettlementEnvelope({ chainId, tx: budgetTx, logIndex: budgetLog!.logIndex, model: ogModel });
  scenarios.push({
    ...base,
    id: 'og-settlement-attribute-json',
    title: 'Attribute, JSON, with logIndex',
    form: 'attribute-json',
    expectedState: 'verified',
    reason: 'The log at logIndex is an IndividualSettlement of the trusted relay for this exact text.',
    envelope: budgetEnvelope,
    html: embedEnvelope({ form: 'attribute-json', envelope: budgetEnvelope, shown: budgetOutput, id: 'og-settlement-attribute-json' }),
  });

  const poolOutput = 'Swimming lessons for beginners return to the community pool in May, with sessions for adults on Tuesday evenings.';
  scenarios.push({
    ...base,
    id: 'og-settlement-link',
    title: 'Short reference in a link',
    form: 'link',
    expectedState: 'verified',
    reason: 'The same reference as a post token, carried by a link instead.',
    html: linkSnippet({ token: ogReference({ chainId, tx: await settled(tees.active, 'swimming lessons', poolOutput) }), shown: poolOutput }),
  });

  const bakerySigned = 'The bakery on Mill Street celebrates 100 years of trading this Saturday with free tastings.';
  scenarios.push({
    ...base,
    id: 'og-settlement-altered',
    title: 'Text edited after settlement',
    form: 'short-ref',
    expectedState: 'altered',
    reason: "The shown text does not hash to the settled outputHash.",
    html: tokenSnippet({
      token: ogReference({ chainId, tx: await settled(tees.active, 'the bakery anniversary', bakerySigned) }),
      shown: bakerySigned.replace('free tastings', 'free bread for a year'),
    }),
  });

  // The relay records whatever the settler reports; here the signature belongs to another output.
  const tramOutput = 'Tram services will run every five minutes during the marathon on Sunday.';
  const tram = await sign(tees.active, 'the marathon trams', tramOutput);
  const unrelated = await sign(tees.active, 'a reader question', 'The marathon starts at 9 am.');
  scenarios.push({
    ...base,
    id: 'og-settlement-bad-signature',
    title: 'Settled with a signature over another output',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The settled hashes match the text, but the settled signature does not verify over them.',
    html: tokenSnippet({
      token: ogReference({ chainId, tx: await settle({ ...tram, signature: unrelated.signature, signatureBytes: unrelated.signatureBytes }) }),
      shown: tramOutput,
    }),
  });

  const gritOutput = 'Gritters will treat all main roads tonight as temperatures are forecast to fall below freezing.';
  scenarios.push({
    ...base,
    id: 'og-settlement-disabled-tee',
    title: 'Settled output of a disabled TEE',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The settled teeId belongs to a TEE the trusted registry has disabled.',
    html: tokenSnippet({ token: ogReference({ chainId, tx: await settled(tees.disabled, 'road gritting', gritOutput) }), shown: gritOutput }),
  });

  const hallOutput = 'The concert hall box office moves online only from next week, with phone bookings ending on Friday.';
  scenarios.push({
    ...base,
    id: 'og-settlement-unknown-tee',
    title: 'Settled output of an unregistered TEE',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The trusted registry has no public key for the settled teeId.',
    html: tokenSnippet({ token: ogReference({ chainId, tx: await settled(tees.unknown, 'the box office', hallOutput) }), shown: hallOutput }),
  });

  const batchOnly = buildSettlementBatch([await sign(tees.active, 'a reader question', 'Libraries lend board games too.')]);
  const batchOnlyTx = await sendBatchSettlement({ wallet: clients.wallets.deployer, relay: contracts.settlementRelay, batch: batchOnly, walrusBlobId: context.walrusBlobId('batch-c') });
  await waitForSuccess({ clients, hash: batchOnlyTx, what: 'Settling a batch' });
  const recyclingOutput = "The city's recycling centre now accepts small electrical items at no charge.";
  scenarios.push({
    ...base,
    id: 'og-settlement-no-log',
    title: 'Transaction with no IndividualSettlement log',
    form: 'short-ref',
    expectedState: 'invalid',
    reason: 'The transaction settled a batch root; it carries no IndividualSettlement log to read.',
    html: tokenSnippet({ token: ogReference({ chainId, tx: batchOnlyTx }), shown: recyclingOutput }),
  });

  const skateOutput = 'The ice rink in the park opens on the first of December with extended hours over the holidays.';
  const skateEnvelope = ogSettlementEnvelope({ chainId, tx: await settled(tees.active, 'the ice rink', skateOutput), logIndex: 7, model: ogModel });
  scenarios.push({
    ...base,
    id: 'og-settlement-wrong-log-index',
    title: 'logIndex that names no settlement log',
    form: 'attribute-json',
    expectedState: 'invalid',
    reason: 'The transaction has no IndividualSettlement log at logIndex 7.',
    envelope: skateEnvelope,
    html: embedEnvelope({ form: 'attribute-json', envelope: skateEnvelope, shown: skateOutput, id: 'og-settlement-wrong-log-index' }),
  });

  const rebateOutput = 'Every household in the district will receive a €500 energy rebate before the end of the month.';
  scenarios.push({
    ...base,
    id: 'og-settlement-rogue-relay',
    title: "Settled on the page's own relay",
    form: 'short-ref',
    expectedState: 'untrusted',
    reason: 'The only settlement log comes from a relay the trust configuration does not name.',
    html: tokenSnippet({
      token: ogReference({
        chainId,
        tx: await settle(await sign(tees.active, 'energy rebates', rebateOutput), contracts.rogue.settlementRelay, clients.wallets.rogue),
      }),
      shown: rebateOutput,
    }),
  });

  const marinaOutput = 'The marina will add forty visitor berths before the sailing season, the harbour master said.';
  scenarios.push({
    ...base,
    id: 'og-settlement-unconfigured-chain',
    title: 'Reference to a chain not in the configuration',
    form: 'short-ref',
    expectedState: 'unavailable',
    reason: 'The reference names a chain the trust configuration does not know.',
    html: tokenSnippet({
      token: ogReference({ chainId: context.unconfiguredChainId, tx: await settled(tees.active, 'the marina', marinaOutput) }),
      shown: marinaOutput,
    }),
  });
  return scenarios;
}
