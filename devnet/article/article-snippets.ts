import { BaseError } from '../../lib/errors';
import type { ProofType } from '../../lib/envelope/schema';
import type { VerdictState } from '../../lib/verdict/states';
import { easModel } from '../cases/eas-offchain';
import { ogModel, signNewsBrief } from '../cases/og-inference';
import type { Scenario, ScenarioContext } from '../cases/types';
import { encodeContentData } from '../producers/eas-data';
import { envelopeJson } from '../producers/embed';
import { easOffchainEnvelope, signOffchainAttestation } from '../producers/eas-offchain';
import { ogTeeEnvelope } from '../producers/og-tee';
import { devnetPrivateKeys } from '../keys';
import { articleElement, type ArticleElementParameters } from './article-element';

/** The snippets of the article page, in page order; the page puts each in its place by id. */
export const articleSnippetIds = [
  'headline',
  'standfirst',
  'summary-button',
  'timeline',
  'gate-facts',
  'council-figures',
  'arabic-summary',
  'chinese-summary',
  'wire-copy',
  'letters-summary',
  'related-link',
  'gale-warning',
  'river-clean-up',
  'air-quality',
  'ferries',
  'reader-question',
  'partner',
] as const;
export type ArticleSnippetId = (typeof articleSnippetIds)[number];

/** One AI snippet of the article page and the verdict a correct verifier gives it. */
export type ArticleSnippet = {
  id: ArticleSnippetId;
  proofType: ProofType;
  expectedState: VerdictState;
  /** Where it sits and what happened to it, for the tables that compare. */
  about: string;
  /** The snippet, self-contained (a script form brings its script). */
  html: string;
};

export class MissingDemoScenarioError extends BaseError {
  override name = 'MissingDemoScenarioError';
}

export type BuildArticleSnippetsParameters = {
  context: ScenarioContext;
  /** The demo's scenarios: the article quotes two of their on-chain proofs (see below). */
  scenarios: readonly Scenario[];
};

/**
 * Makes the article's proofs. Sends no transaction, so the demo's block
 * layout (buildScenarios) holds: everything new is signed off chain (og-tee
 * without settlement, eas-offchain), and the two anchored proofs are the
 * demo's own — an on-chain attestation that is final, and the batch in the
 * newest block, which keeps the article's pending snippet pending until
 * `mine()`, like the demo's. The failures are the demo's cases in a
 * newsroom's words: a TEE since disabled (invalid), a chain the reader's
 * configuration does not know (unavailable), a proof cut short (malformed).
 */
export async function buildArticleSnippets({ context, scenarios }: BuildArticleSnippetsParameters): Promise<ArticleSnippet[]> {
  const { clients, contracts, chainId, tees } = context;
  const trustedDomain = { address: contracts.eas, version: contracts.easVersion, chainId };
  const time = BigInt(context.now() - 600);

  const ogTee = async (topic: string, output: string, { shown = output, tee = tees.active, onChain = chainId } = {}) => {
    const inference = await signNewsBrief({ context, tee, topic, output });
    return { proofType: 'og-tee' as const, shown, envelope: ogTeeEnvelope({ chainId: onChain, registry: contracts.teeRegistry, inference, model: ogModel }) };
  };
  const easOffchain = async (text: string, { shown = text, attester = 'trustedAttester' as 'trustedAttester' | 'untrustedAttester' } = {}) => {
    const attestation = await signOffchainAttestation({
      domain: trustedDomain,
      attesterPrivateKey: devnetPrivateKeys[attester],
      schema: contracts.schemas.content,
      data: encodeContentData({ signedText: text, model: easModel }),
      time,
    });
    const envelope = easOffchainEnvelope({ attestation, signer: clients.accounts[attester].address, model: easModel });
    return { proofType: 'eas-offchain' as const, shown, envelope };
  };
  const demoEnvelope = (id: string) => {
    const scenario = scenarios.find((candidate) => candidate.id === id);
    if (scenario?.envelope === undefined || scenario.proofType === null) throw new MissingDemoScenarioError(`The article quotes the demo scenario "${id}", which has no envelope`);
    return { proofType: scenario.proofType, envelope: scenario.envelope };
  };

  type Made = { proofType: ProofType; envelope: ArticleElementParameters['envelope']; shown: ArticleElementParameters['shown'] };
  const snippet = (
    id: ArticleSnippetId,
    expectedState: VerdictState,
    about: string,
    { proofType, envelope, shown }: Made,
    element: Omit<ArticleElementParameters, 'id' | 'envelope' | 'shown'>,
  ): ArticleSnippet => ({ id, proofType, expectedState, about, html: articleElement({ id, envelope, shown, ...element }) });

  const councilSigned = 'The council says the barrier cost £48 million, of which £12 million came from the national flood fund.';
  const lettersSummary = await ogTee(
    "readers' letters",
    'Most readers who wrote in welcomed the barrier; several asked why the harbour wall path has to close whenever the gates are shut.',
  );
  const riverParagraphs = [
    'The river clean-up collected more than two tonnes of litter over three days.',
    'Organisers thanked the 400 volunteers and said the next clean-up is planned for October.',
  ];

  return [
    snippet(
      'headline',
      'verified',
      'Headline (h1)',
      await ogTee('the harbour barrier headline', 'Storm surge puts the new harbour barrier to its first test, and it holds'),
      { form: 'attribute-json', tag: 'h1' },
    ),
    snippet(
      'standfirst',
      'verified',
      'Standfirst',
      await easOffchain('The flood gates closed for the first time on Tuesday night as a 1.9-metre surge reached the old town, and the streets behind them stayed dry.'),
      { form: 'attribute-base64url', attributes: { class: 'standfirst' } },
    ),
    snippet(
      'summary-button',
      'verified',
      'Label of a button',
      await easOffchain('Read the summary: what the barrier changes for the old town'),
      { form: 'attribute-json', tag: 'button', attributes: { type: 'button', class: 'summary-toggle', 'aria-expanded': 'false', 'aria-controls': 'summary-panel' } },
    ),
    snippet(
      'timeline',
      'verified',
      'Timeline in the body (script form)',
      await ogTee(
        'the night of the surge',
        'Forecasters issued the surge warning at four in the afternoon. The gates began to close at 9.10 pm, were fully shut by 9.40, and opened again at first light once the tide had turned.',
      ),
      { form: 'script' },
    ),
    snippet(
      'gate-facts',
      'verified',
      'The first sentence of a paragraph, the rest written by the reporter',
      await easOffchain('Each of the twelve steel gates weighs 40 tonnes and takes half an hour to swing shut.'),
      { form: 'attribute-json', tag: 'span' },
    ),
    snippet(
      'council-figures',
      'altered',
      'Body paragraph, a figure edited after signing',
      await ogTee('the cost of the barrier', councilSigned, { shown: councilSigned.replace('£12 million', '£2 million') }),
      { form: 'attribute-json' },
    ),
    snippet(
      'arabic-summary',
      'verified',
      'Arabic summary, right to left',
      await ogTee('the story in Arabic', 'صمد الحاجز الجديد في الميناء أمام العاصفة، وبقيت شوارع البلدة القديمة جافة.'),
      { form: 'attribute-base64url', attributes: { dir: 'rtl', lang: 'ar' } },
    ),
    snippet(
      'chinese-summary',
      'verified',
      'Chinese summary',
      await easOffchain('新建的港口防洪闸首次经受风暴潮考验，老城区的街道保持干燥。'),
      { form: 'attribute-json', attributes: { lang: 'zh' } },
    ),
    snippet(
      'wire-copy',
      'unavailable',
      "News agency copy, anchored on a chain the reader's configuration does not name",
      await ogTee('the sea wall at Port Ellery', "Across the bay, Port Ellery's sea wall also held overnight, though its promenade stays shut until the debris is cleared.", {
        onChain: context.unconfiguredChainId,
      }),
      { form: 'attribute-json' },
    ),
    snippet(
      'letters-summary',
      'malformed',
      'Summary of letters, its proof cut at 255 characters by the publishing system',
      { ...lettersSummary, envelope: envelopeJson(lettersSummary.envelope).slice(0, 255) },
      { form: 'attribute-json' },
    ),
    snippet(
      'related-link',
      'verified',
      'Summary that is a link',
      await ogTee("last winter's floods", "Last winter's floods cost shop owners on Quay Street an estimated £3 million in repairs."),
      { form: 'attribute-json', tag: 'a', attributes: { href: '#archive', class: 'related' } },
    ),
    snippet(
      'gale-warning',
      'invalid',
      'In brief, signed by an enclave since disabled',
      await ogTee('the gale warning', 'Gales of up to 60 mph are forecast along the coast on Friday night, and the gates may close again at the evening high tide.', {
        tee: tees.disabled,
      }),
      { form: 'attribute-json' },
    ),
    snippet('river-clean-up', 'verified', 'In brief, two paragraphs (on-chain attestation)', {
      ...demoEnvelope('eas-onchain-attribute-json'),
      shown: { html: riverParagraphs.map((paragraph) => `<p>${paragraph}</p>`).join('') },
    }, { form: 'attribute-json', tag: 'div' }),
    snippet('air-quality', 'pending', 'In brief, settled in the newest block', {
      ...demoEnvelope('og-tee-pending-batch'),
      shown: "Results of the city's annual air-quality survey will be published in full next Tuesday.",
    }, { form: 'attribute-base64url' }),
    snippet(
      'ferries',
      'verified',
      'In brief, token in a link',
      await ogTee('island ferries', 'Ferries to the islands return to their normal timetable on Thursday after two days of cancellations.'),
      { form: 'link' },
    ),
    snippet(
      'reader-question',
      'verified',
      'Answer to a reader, text token',
      await easOffchain('Sandbags handed out on Monday can be returned to the council depot on Mill Lane until the end of the month.'),
      { form: 'text-token' },
    ),
    snippet(
      'partner',
      'untrusted',
      'Partner content, signed by someone not trusted',
      await easOffchain('Protect your home this winter: flood doors fitted in a day, with nothing to pay up front.', { attester: 'untrustedAttester' }),
      { form: 'attribute-json' },
    ),
  ];
}
