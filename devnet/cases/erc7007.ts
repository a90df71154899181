import { slice, stringToHex, type Address, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import type { DevnetWalletClient } from '../clients';
import { embedEnvelope, type EmbeddingForm, type ShownContent } from '../producers/embed';
import { addAigcData, erc7007Envelope, mintAigcToken, signAigcProof } from '../producers/erc7007';
import type { Scenario, ScenarioContext } from './types';

export const erc7007Model = 'stable-diffusion-3.5-captioner';

type Erc7007Case = {
  id: string;
  title: string;
  form: Exclude<EmbeddingForm, 'short-ref'>;
  expectedState: Scenario['expectedState'];
  reason: string;
  contract: Address;
  tokenId: bigint;
  prompt: Hex;
  proof: Hex;
  tx?: Hex;
  shown: ShownContent;
  text?: string;
};

/**
 * erc7007 proofs (spec §3e): verify(prompt, UTF-8 of the signed text,
 * proof), and the token's on-chain AIGC record must hold that prompt and
 * text. The oracle contract's verify() checks a signature; the reference
 * flavours' (zkML with an accept-all verifier, opML) do not bind the text
 * to a token, which only the record check catches.
 */
export async function erc7007Scenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { clients, contracts, chainId } = context;
  let nextTokenId = 1n;
  /** Signs the text as the oracle and, when the contract accepts it, records it on the token. */
  const mintAigc = async (signedText: string, options: { oracle?: PrivateKeyAccount; contract?: Address; wallet?: DevnetWalletClient; record?: boolean } = {}) => {
    const prompt = stringToHex(`Caption the photo of the day in one sentence (${nextTokenId}).`);
    const aigcData = stringToHex(signedText);
    const proof = await signAigcProof({ oracle: options.oracle ?? clients.accounts.erc7007Oracle, prompt, aigcData });
    const tokenId = nextTokenId++;
    if (options.record ?? true) {
      await addAigcData({
        clients,
        wallet: options.wallet ?? clients.wallets.deployer,
        contract: options.contract ?? contracts.erc7007,
        tokenId,
        prompt,
        aigcData,
        proof,
      });
    }
    return { tokenId, prompt, proof };
  };
  const scenario = ({ id, title, form, expectedState, reason, contract, tokenId, prompt, proof, tx, shown, text }: Erc7007Case): Scenario => {
    const envelope = erc7007Envelope({ chainId, contract, tokenId, prompt, proof, tx, text, model: erc7007Model });
    return { id, title, proofType: 'erc7007', form, expectedState, reason, envelope, html: embedEnvelope({ form, envelope, shown, id }) };
  };

  const scenarios: Scenario[] = [];
  const verifiedForms = [
    ['erc7007-attribute-json', 'Attribute, JSON', 'attribute-json', 'Morning fog lifts over the old stone bridge as the first rowers head out on the river.'],
    ['erc7007-script', 'Script form with a target', 'script', 'A street musician plays the cello under the arches of the covered market at dusk.'],
    ['erc7007-attribute-base64url', 'Attribute, base64url', 'attribute-base64url', 'Children race paper boats along the canal during the spring fair.'],
  ] as const;
  let verifiedTokenId: bigint | undefined;
  for (const [id, title, form, text] of verifiedForms) {
    const minted = await mintAigc(text);
    verifiedTokenId ??= minted.tokenId;
    scenarios.push(
      scenario({
        id,
        title,
        form,
        expectedState: 'verified',
        reason: "The trusted contract's verify() accepts the oracle's proof for this text, and the token's AigcData record holds it.",
        contract: contracts.erc7007,
        ...minted,
        shown: text,
      }),
    );
  }

  // With the envelope text, verify() still passes and only the shown-text check fails.
  const gullSigned = 'A lone seagull watches the fishing boats return to the harbour at sunrise.';
  scenarios.push(
    scenario({
      id: 'erc7007-altered',
      title: 'Shown caption differs from the signed one',
      form: 'attribute-json',
      expectedState: 'altered',
      reason: 'verify() accepts the envelope text, but the page shows different words.',
      contract: contracts.erc7007,
      ...(await mintAigc(gullSigned)),
      text: gullSigned,
      shown: gullSigned.replace('at sunrise', 'at midnight'),
    }),
  );

  const wrongOracleText = 'Snow settles on the rooftops of the old town for the first time in five winters.';
  scenarios.push(
    scenario({
      id: 'erc7007-wrong-oracle',
      title: 'Proof signed by a key that is not the oracle',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'verify() returns false: the signature is not by the contract oracle.',
      contract: contracts.erc7007,
      ...(await mintAigc(wrongOracleText, { oracle: clients.accounts.untrustedAttester, record: false })),
      shown: wrongOracleText,
    }),
  );

  const truncatedText = 'Lanterns float above the lake during the festival of lights.';
  const truncated = await mintAigc(truncatedText);
  scenarios.push(
    scenario({
      id: 'erc7007-truncated-proof',
      title: 'Proof cut to 64 bytes',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'verify() returns false (it never reverts) for a proof that is not 65 bytes.',
      contract: contracts.erc7007,
      ...truncated,
      proof: slice(truncated.proof, 0, 64),
      shown: truncatedText,
    }),
  );

  const rogueText = 'Crowds gather as the famous clock tower is demolished to make way for a car park.';
  scenarios.push(
    scenario({
      id: 'erc7007-rogue-contract',
      title: "The page's own ERC-7007 contract",
      form: 'attribute-json',
      expectedState: 'untrusted',
      reason: "verify() of the page's contract accepts it and its token holds the text, but that contract is not in the trust configuration.",
      contract: contracts.rogue.erc7007,
      ...(await mintAigc(rogueText, { oracle: clients.accounts.rogue, contract: contracts.rogue.erc7007, wallet: clients.wallets.rogue })),
      shown: rogueText,
    }),
  );

  scenarios.push(...(await unboundTokenScenarios({ context, mintAigc, scenario, boundToken: verifiedTokenId! })));
  return scenarios;
}

type UnboundTokenScenariosParameters = {
  context: ScenarioContext;
  mintAigc: (signedText: string, options?: { record?: boolean }) => Promise<{ tokenId: bigint; prompt: Hex; proof: Hex }>;
  scenario: (parameters: Erc7007Case) => Scenario;
  /** A token of the oracle contract whose record holds another prompt and text. */
  boundToken: bigint;
};

/**
 * Proofs whose verify() is true but whose token does not exist or holds
 * other content, and the reference flavours' records (the zkML contract's
 * AigcData with aigcData in the data, the standard text's with it indexed,
 * the draft's Mint), each found through `tx` or by a log query.
 */
async function unboundTokenScenarios({ context, mintAigc, scenario, boundToken }: UnboundTokenScenariosParameters): Promise<Scenario[]> {
  const { clients, contracts } = context;
  const { zkml, zkmlIndexed, opml, draft } = contracts.erc7007Variants;
  const wallet = clients.wallets.deployer;
  const zkProof = stringToHex('devnet zkML proof: the accept-all verifier takes anything');
  const mint = (contract: Address, prompt: string, text: string) =>
    mintAigcToken({ clients, wallet, contract, prompt: stringToHex(prompt), aigcData: stringToHex(text), proof: zkProof });
  const scenarios: Scenario[] = [];

  const missingText = 'A fox crosses the frozen lake at dawn, leaving a single line of prints.';
  scenarios.push(
    scenario({
      id: 'erc7007-token-missing',
      title: 'Valid proof, but the token does not exist',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: 'verify() accepts the oracle signature, but ownerOf() reverts: no such token was ever minted.',
      contract: contracts.erc7007,
      ...(await mintAigc(missingText, { record: false })),
      shown: missingText,
    }),
  );

  const otherText = 'Fishermen mend their nets on the quay while gulls circle overhead.';
  scenarios.push(
    scenario({
      id: 'erc7007-other-token',
      title: "Valid proof, citing another prompt's token",
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "verify() accepts the oracle signature, but the cited token's AigcData record holds another prompt and text.",
      contract: contracts.erc7007,
      ...(await mintAigc(otherText, { record: false })),
      tokenId: boundToken,
      shown: otherText,
    }),
  );

  const zkmlPrompt = 'Caption the harbour photo in one sentence.';
  const zkmlText = 'Container ships wait in the bay as the harbour cranes fall silent for the night.';
  const zkmlToken = await mint(zkml, zkmlPrompt, zkmlText);
  scenarios.push(
    scenario({
      id: 'erc7007-zkml-tx',
      title: 'zkML reference contract, record read from the named transaction',
      form: 'script',
      expectedState: 'verified',
      reason: "The mint transaction's AigcData log (aigcData in the data) holds this prompt and text.",
      contract: zkml,
      tokenId: zkmlToken.tokenId,
      tx: zkmlToken.tx,
      prompt: stringToHex(zkmlPrompt),
      proof: zkProof,
      shown: zkmlText,
    }),
  );
  const unboundText = 'The harbour will close for good next month, the port authority confirmed.';
  scenarios.push(
    scenario({
      id: 'erc7007-zkml-unbound-text',
      title: 'Always-true verify() with text the token does not hold',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "The contract's verifier accepts anything, but the token's AigcData record holds another text.",
      contract: zkml,
      tokenId: zkmlToken.tokenId,
      prompt: stringToHex(zkmlPrompt),
      proof: zkProof,
      shown: unboundText,
    }),
  );

  const indexedPrompt = 'Caption the market photo in one sentence.';
  const indexedText = 'Stallholders stack crates of blood oranges as the morning market opens.';
  const indexedToken = await mint(zkmlIndexed, indexedPrompt, indexedText);
  scenarios.push(
    scenario({
      id: 'erc7007-indexed-record',
      title: "AigcData with aigcData indexed, as in the standard's text",
      form: 'attribute-base64url',
      expectedState: 'verified',
      reason: "The token's AigcData log, found by a log query, holds keccak256 of this prompt and text in its topics.",
      contract: zkmlIndexed,
      tokenId: indexedToken.tokenId,
      prompt: stringToHex(indexedPrompt),
      proof: zkProof,
      shown: indexedText,
    }),
  );
  scenarios.push(
    scenario({
      id: 'erc7007-indexed-unbound-text',
      title: 'Indexed record, text the token does not hold',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "verify() is true for anything, but keccak256 of this text is not the indexed aigcData of the token's record.",
      contract: zkmlIndexed,
      tokenId: indexedToken.tokenId,
      prompt: stringToHex(indexedPrompt),
      proof: zkProof,
      shown: 'Stallholders stack crates of lemons as the morning market opens.',
    }),
  );

  // The opML contract's first token gets request 0, which every unknown prompt maps to as well.
  const opmlPrompt = 'Caption the lighthouse photo in one sentence.';
  const opmlText = 'Waves break against the lighthouse as the storm reaches the headland.';
  const opmlToken = await mint(opml, opmlPrompt, opmlText);
  scenarios.push(
    scenario({
      id: 'erc7007-opml',
      title: 'opML reference contract',
      form: 'attribute-json',
      expectedState: 'verified',
      reason: "The final opML output of the token's request is this text, and its AigcData record holds this prompt and text.",
      contract: opml,
      tokenId: opmlToken.tokenId,
      prompt: stringToHex(opmlPrompt),
      proof: zkProof,
      shown: opmlText,
    }),
  );
  scenarios.push(
    scenario({
      id: 'erc7007-opml-unknown-prompt',
      title: 'opML: a prompt never minted maps to request 0',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "verify() is true because an unknown prompt reads request 0's output, but the token's record holds another prompt.",
      contract: opml,
      tokenId: opmlToken.tokenId,
      prompt: stringToHex('Caption a photo that was never taken.'),
      proof: zkProof,
      shown: opmlText,
    }),
  );

  const draftPrompt = 'Caption the orchard photo in one sentence.';
  const draftText = 'Pickers on tall ladders fill baskets with the last apples of the season.';
  const draftToken = await mint(draft, draftPrompt, draftText);
  scenarios.push(
    scenario({
      id: 'erc7007-draft-mint',
      title: "The earlier draft's Mint event",
      form: 'attribute-json',
      expectedState: 'verified',
      reason: "The token's Mint log, found by a log query, holds keccak256 of this prompt and text.",
      contract: draft,
      tokenId: draftToken.tokenId,
      prompt: stringToHex(draftPrompt),
      proof: zkProof,
      shown: draftText,
    }),
  );
  scenarios.push(
    scenario({
      id: 'erc7007-draft-mint-unbound-text',
      title: 'Mint event, text the token does not hold',
      form: 'attribute-json',
      expectedState: 'invalid',
      reason: "verify() is true for anything, but the token's Mint log holds another text.",
      contract: draft,
      tokenId: draftToken.tokenId,
      prompt: stringToHex(draftPrompt),
      proof: zkProof,
      shown: 'Pickers on tall ladders fill baskets with the first apples of the season.',
    }),
  );
  return scenarios;
}
