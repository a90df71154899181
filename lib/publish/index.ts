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
export { PythonFloat, pythonJsonDumps } from './python-json';
export type { PythonJsonValue } from './python-json';
export { parseTeePublicKey, readTeePublicKey } from './tee-public-key';
export type { ParseTeePublicKeyReturnType, ReadTeePublicKeyParameters, ReadTeePublicKeyReturnType } from './tee-public-key';

