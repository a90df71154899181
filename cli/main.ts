import { createRequire } from 'node:module';
import { TrustConfigError } from '../lib/trust/parse';
import { terminalSafe } from '../lib/text/terminal-safe';
import { parseCliArgs, usage, UsageError } from './args';
import { loadTrustConfig } from './trust-config';
import { attestationHelp, attestationUsageOf, isAttestationCommand, isAttestationHelp, parseAttestationArgs, runAttestationCommand } from './attestation-commands';
import { embedHelpText, embedUsage, EmbedUsageError, parseEmbedArgs } from './embed-args';
import { SourceError } from './source-error';

/** Exit statuses of spec §8. */
const exit = { ok: 0, unreadableSource: 1, usage: 2 } as const;

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseAttestationArgs(argv) ?? (argv[0] === 'embed' ? parseEmbedArgs(argv.slice(1)) : parseCliArgs(argv));
    if (isAttestationHelp(args)) return print(attestationHelp(args.topic), exit.ok);
    if (args.command === 'help') return print('topic' in args ? `${embedUsage}\n\n${embedHelpText}` : `${usage}\n\n${helpText}`, exit.ok);
    if (args.command === 'version') return print(packageVersion(), exit.ok);
    // Each command loads what it needs when it runs (verify-command.ts says why).
    if (args.command === 'embed') return await (await import('./embed')).runEmbed(args);
    if (isAttestationCommand(args)) return await runAttestationCommand(args);
    const trust = await loadTrustConfig(args);
    const { verify } = await import('./verify-command');
    return print(await verify({ args, trust, version: packageVersion() }), exit.ok);
  } catch (error) {
    const attestationUsage = attestationUsageOf(error);
    if (attestationUsage !== undefined) return fail(`${(error as Error).message}\n${attestationUsage}`, exit.usage);
    if (error instanceof EmbedUsageError) return fail(`${error.message}\n${embedUsage}`, exit.usage);
    if (error instanceof UsageError) return fail(`${error.message}\n${usage}`, exit.usage);
    if (error instanceof TrustConfigError) {
      const more = error.issues.length > 1 ? `\n${error.details}` : '';
      return fail(`Configuration error: ${error.message}${more}`, exit.usage);
    }
    if (error instanceof SourceError) return fail(error.message, exit.unreadableSource);
    throw error;
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

const helpText = `Finds AI proofs in a page and checks each against the chain.

SOURCE        an HTML or text file, an http(s) URL, or - for standard input;
              or an EAS explorer link (…/offchain/url/#attestation=…), with --text;
              or an image (file or URL): its Content Credentials (C2PA) are checked
--config FILE a trust configuration (JSON) merged over the built-in defaults
--rpc ID=URL  use URL as the RPC of chain ID (repeatable)
--json        print one JSON object instead of a table
--report md   print a Verity report as Markdown: a summary table, then every
              check, chain fact and envelope, snippet by snippet
--report json print the same report as one JSON object
              (schema: docs/report-v1.schema.json)
--text FILE   the text an EAS explorer link's attestation signs (- for
              standard input): the link carries none
--c2pa-anchors FILE  PEM certificates an image's signer may chain to, to be
              verified (repeatable), besides the C2PA Trust List shipped with
              Verity; a --config file's "c2pa": { "anchors": PEM, "interimList":
              true } adds its own, and the retired interim list

Exit status: 0 when every proof got a verdict, 1 when SOURCE cannot be read,
2 for a usage or configuration error.

To make proofs from what AI tools return: verity embed --help
To attest a text with your own key: verity attest --help`;

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

/** Errors may quote a URL, a file or a configuration: shown terminal-safe. */
function fail(text: string, code: number): number {
  process.stderr.write(`verity: ${terminalSafe(text, { keepLayout: true })}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
