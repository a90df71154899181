import { attestHelpText, attestUsage, AttestUsageError, parseAttestArgs, type AttestCommand, type RegisterSchemaCommand } from './attest-args';
import {
  attestationSources,
  embedAttestationHelpText,
  embedAttestationUsage,
  EmbedAttestationUsageError,
  embedSourceOf,
  parseEmbedAttestationArgs,
  type EmbedAttestationCommand,
} from './embed-sources-args';

/*
 * The commands on attestations, beside `verity verify` and `verity embed --from og`:
 * `verity embed --from eas|eas-onchain|erc7007` and `verity attest [register-schema]`.
 */

export type AttestationCommand = EmbedAttestationCommand | AttestCommand | RegisterSchemaCommand;
export type AttestationHelp = { command: 'help'; topic: 'attest' | 'embed-attestation' };

/** The arguments when they are one of these commands; undefined for any other, which the CLI's other parsers read. */
export function parseAttestationArgs(argv: readonly string[]): AttestationCommand | AttestationHelp | undefined {
  if (argv[0] === 'attest') return parseAttestArgs(argv.slice(1));
  const source = embedSourceOf(argv);
  if (argv[0] === 'embed' && (attestationSources as readonly (string | undefined)[]).includes(source)) return parseEmbedAttestationArgs(argv.slice(1));
  return undefined;
}

export function isAttestationCommand(args: { command: string }): args is AttestationCommand {
  return args.command === 'attest' || args.command === 'register-schema' || args.command === 'embed-attestation';
}

/** Runs the command, loading it only then (a signer, the EAS SDK, the chain); the exit status, as runEmbed's. */
export async function runAttestationCommand(args: AttestationCommand): Promise<number> {
  if (args.command === 'attest') return (await import('./attest')).runAttest(args);
  if (args.command === 'register-schema') return (await import('./attest')).runRegisterSchema(args);
  return (await import('./embed-sources')).runEmbedAttestation(args);
}

export function isAttestationHelp(args: { command: string; topic?: unknown }): args is AttestationHelp {
  return args.command === 'help' && (args.topic === 'attest' || args.topic === 'embed-attestation');
}

export function attestationHelp(topic: AttestationHelp['topic']): string {
  return topic === 'attest' ? `${attestUsage}\n\n${attestHelpText}` : `${embedAttestationUsage}\n\n${embedAttestationHelpText}`;
}

/** The usage line to print with a usage error of these commands; undefined for other errors. */
export function attestationUsageOf(error: unknown): string | undefined {
  if (error instanceof AttestUsageError) return attestUsage;
  if (error instanceof EmbedAttestationUsageError) return embedAttestationUsage;
  return undefined;
}
