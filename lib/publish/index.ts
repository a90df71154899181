/**
 * Verity's publishing library: turn what an AI tool returns into a proof
 * readers' verifiers accept, in any embedding form of ai-proof v1 (spec §1).
 * Runs in Node and in browsers (WebCrypto, fetch; no DOM, no Node APIs).
 *
 *   const inference = readOgResponse({ response });
 *   const { envelope, signedText } = await ogTeeEnvelope({ inference, chainId, registry, rpcUrl });
 *   const html = embedProof({ envelope, form: 'attribute', output: 'html', shown: { text: signedText } });
 *
 * See docs/publishing/.
 */
export { embedProof, embeddingForms, envelopeToken, shortReference } from './embed';
export type { EmbeddingForm, EmbedProofParameters, EmbedProofReturnType, ShownContent } from './embed';
export { checkEnvelope, envelopeBase64url, envelopeJson } from './envelope';
export type { CheckEnvelopeReturnType, PublishEnvelope, TextFormat } from './envelope';
export { escapeHtml, jsonForScript, plainTextToHtml } from './html';
export { readOgResponse } from './og-response';
export type { OgInference, ReadOgResponseParameters, ReadOgResponseReturnType } from './og-response';
export { ogTeeEnvelope } from './og-tee';
export type { OgSettlement, OgTeeEnvelopeParameters, OgTeeEnvelopeReturnType } from './og-tee';
export {
  EmbeddingFormError,
  InvalidFieldError,
  OutputHashMismatchError,
  PublishError,
  SettlementProofError,
  TeeKeyError,
  TeeSignatureError,
} from './publish-errors';
export type { PublishErrorParameters } from './publish-errors';
export { attestOnchain, connectChain, readEasDomain, readRegisteredSchema, registerSchema, requireRegisteredSchema } from './attest-chain';
export { attesterAccount, looksLikePrivateKey } from './attest-key';
export { signOffchainAttestation } from './attest-offchain';
export type { EasDomainParameters, SignOffchainAttestationParameters, SignOffchainAttestationReturnType } from './attest-offchain';
export { checkProofOnChain } from './chain-check';
export type { CheckProofOnChainParameters, CheckProofOnChainReturnType } from './chain-check';
export { contentHashOf, contentSchema, encodeContentData, schemaUidOf } from './eas-content';
export { AttestationSignatureError, AttesterKeyError, ChainCheckError, ChainMismatchError, ContentHashMismatchError, SchemaNotRegisteredError } from './eas-errors';
export { checkContentHash, easOffchainEnvelope, readEasOffchainAttestation } from './eas-offchain';
export type { EasOffchainEnvelopeParameters, EasOffchainEnvelopeReturnType, ReadEasOffchainAttestationParameters } from './eas-offchain';
export { easOnchainEnvelope } from './eas-onchain';
export type { EasOnchainEnvelopeParameters, EasOnchainEnvelopeReturnType } from './eas-onchain';
export { erc7007Envelope } from './erc7007';
export type { Erc7007EnvelopeParameters, Erc7007EnvelopeReturnType } from './erc7007';
export { PythonFloat, pythonJsonDumps } from './python-json';
export type { PythonJsonValue } from './python-json';
export { parseTeePublicKey, readTeePublicKey } from './tee-public-key';
export type { ParseTeePublicKeyReturnType, ReadTeePublicKeyParameters, ReadTeePublicKeyReturnType } from './tee-public-key';

