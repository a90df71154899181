import { slice, stringToHex, type Address, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import type { DevnetWalletClient } from '../clients';
import { embedEnvelope, type EmbeddingForm, type ShownContent } from '../producers/embed';
import { addAigcData, erc7007Envelope, signAigcProof } from '../producers/erc7007';
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
  shown: ShownContent;
  text?: string;
};

/** erc7007 proofs (spec §3e): verify(prompt, UTF-8 of the signed text, oracle signature). */
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
  const scenario = ({ id, title, form, expectedState, reason, contract, tokenId, prompt, proof, shown, text }: Erc7007Case): Scenario => {
    const envelope = erc7007Envelope({ chainId, contract, tokenId, prompt, proof, text, model: erc7007Model });
    return { id, title, proofType: 'erc7007', form, expectedState, reason, envelope, html: embedEnvelope({ form, envelope, shown, id }) };
  };

  const scenarios: Scenario[] = [];
  const verifiedForms = [
    ['erc7007-attribute-json', 'Attribute, JSON', 'attribute-json', 'Morning fog lifts over the old stone bridge as the first rowers head out on the river.'],
    ['erc7007-script', 'Script form with a target', 'script', 'A street musician plays the cello under the arches of the covered market at dusk.'],
    ['erc7007-attribute-base64url', 'Attribute, base64url', 'attribute-base64url', 'Children race paper boats along the canal during the spring fair.'],
  ] as const;
  for (const [id, title, form, text] of verifiedForms) {
    scenarios.push(
      scenario({
        id,
        title,
        form,
        expectedState: 'verified',
        reason: "The trusted contract's verify() accepts the oracle's proof for this text.",
        contract: contracts.erc7007,
        ...(await mintAigc(text)),
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
      reason: "verify() of the page's contract accepts it, but that contract is not in the trust configuration.",
      contract: contracts.rogue.erc7007,
      ...(await mintAigc(rogueText, { oracle: clients.accounts.rogue, contract: contracts.rogue.erc7007, wallet: clients.wallets.rogue })),
      shown: rogueText,
    }),
  );
  return scenarios;
}
