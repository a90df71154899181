import { parseArgs } from 'node:util';
import { BaseError } from '../lib/errors';

export type VerifyCommand = {
  command: 'verify';
  source: string;
  configPath?: string;
  rpcOverrides: { chainId: string; url: string }[];
  json: boolean;
  /** `--report`: print a Verity report (lib/report) in this format instead of the table. */
  report?: ReportFormat;
  /** `--text`: the text an EAS explorer link SOURCE signs (a file, a URL, or - for standard input). */
  textPath?: string;
  /** `--c2pa-anchors`: PEM files of trust anchors for an image SOURCE's Content Credentials (spec §9). */
  c2paAnchorPaths: string[];
};

export const reportFormats = ['md', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export type ParsedArgs = VerifyCommand | { command: 'help' } | { command: 'version' };

/** A usage error: the CLI prints it with the usage line and exits 2. */
export class UsageError extends BaseError {
  override name = 'UsageError';
}

export const usage = 'Usage: verity verify SOURCE [--config FILE] [--rpc CHAINID=URL]... [--json | --report md|json] [--text FILE] [--c2pa-anchors FILE]...';

/** Reads `verity …` arguments (spec §8). Throws UsageError naming what is wrong. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        rpc: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        report: { type: 'string' },
        text: { type: 'string' },
        'c2pa-anchors': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [command, source, ...extra] = positionals;
  if (command === undefined) throw new UsageError('Missing command: verity verify SOURCE');
  if (command !== 'verify') throw new UsageError(`Unknown command "${command}"; the commands are "verify" and "embed"`);
  if (source === undefined) throw new UsageError('Missing SOURCE: a file path, an http(s) URL, or - for standard input');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}": give one SOURCE`);

  const report = values.report === undefined ? undefined : parseReportFormat(values.report);
  if (report !== undefined && values.json) throw new UsageError('--report and --json cannot be used together: --report json prints the JSON report');

  return {
    command: 'verify',
    source,
    configPath: values.config,
    rpcOverrides: (values.rpc ?? []).map((value) => parseRpcOverride(value)),
    json: values.json ?? false,
    ...(report !== undefined && { report }),
    ...(values.text !== undefined && { textPath: values.text }),
    c2paAnchorPaths: values['c2pa-anchors'] ?? [],
  };
}

function parseReportFormat(value: string): ReportFormat {
  const format = reportFormats.find((candidate) => candidate === value);
  if (format === undefined) throw new UsageError(`--report "${value}": expected ${reportFormats.join(' or ')}`);
  return format;
}

/** `--rpc CHAINID=URL`, shared with `verity embed`. */
export function parseRpcOverride(value: string, makeError: (message: string) => UsageError = (message) => new UsageError(message)): { chainId: string; url: string } {
  const match = /^([1-9][0-9]*)=(https?:\/\/\S+)$/i.exec(value);
  if (!match) throw makeError(`--rpc "${value}": expected CHAINID=URL, such as 31337=http://127.0.0.1:8545`);
  return { chainId: match[1]!, url: match[2]! };
}
