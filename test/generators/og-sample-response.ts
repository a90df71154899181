/**
 * A sample OpenGradient chat completion to try `verity embed` on without an
 * OpenGradient account: signed by a fresh TEE key in the gateway's exact
 * response shape (test/fakes/og-gateway.ts), with the key registered (and
 * heartbeated) on the TEERegistry of a running devnet.
 *
 *   npm run devnet                       # in another terminal
 *   npx tsx test/generators/og-sample-response.ts --config devnet/.build/trust-config.json --out response.json
 *
 * Options: --text "…" for the output (default: a two-paragraph summary).
 * See docs/publishing/opengradient.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDevnetClients } from '../../devnet/clients';
import { heartbeatTee, registerTee } from '../../devnet/registry';
import type { TrustConfig } from '../../lib/trust/schema';
import { gatewayChatCompletion, generateGatewayKey } from '../fakes/og-gateway';

const { values } = parseArgs({ options: { config: { type: 'string' }, out: { type: 'string' }, text: { type: 'string' } } });
if (values.config === undefined || values.out === undefined) {
  console.error('Usage: npx tsx test/generators/og-sample-response.ts --config devnet/.build/trust-config.json --out response.json [--text "…"]');
  process.exit(2);
}
// The devnet's own configuration (devnet/trust-config.ts): one chain, its RPC and its OpenGradient contracts.
const config = JSON.parse(readFileSync(values.config, 'utf8')) as Pick<TrustConfig, 'chains' | 'opengradient'>;
const [chainId, og] = Object.entries(config.opengradient)[0] ?? [];
const rpcUrl = chainId === undefined ? undefined : config.chains[chainId]?.rpc[0];
if (chainId === undefined || og === undefined || rpcUrl === undefined) throw new Error(`${values.config} names no OpenGradient chain with an RPC`);

const clients = createDevnetClients({ rpcUrl, chainId: Number(chainId) });
const key = generateGatewayKey();
const registry = { clients, wallet: clients.wallets.deployer, registry: og.teeRegistry };
await registerTee({ ...registry, publicKey: key.publicKeyDer });
await heartbeatTee({ ...registry, teeId: key.teeId });

const content = values.text ?? 'The council approved the harbour budget on Tuesday.\n\nThe vote was 7 to 2; work starts in May.';
const response = gatewayChatCompletion({ key, content, timestamp: Math.floor(Date.now() / 1000) });
writeFileSync(values.out, `${JSON.stringify(response, null, 2)}\n`);
console.log(`Wrote ${values.out}: a chat completion signed by TEE ${key.teeId}, registered on ${og.teeRegistry} (chain ${chainId}).`);
