import { BaseError } from '../errors';

/** One problem with a trust configuration; `path` names the field, e.g. `chains.1.rpc.0`. */
export type TrustConfigIssue = { path: string; message: string };

/**
 * A trust configuration that cannot be used. The message names the first
 * field at fault; `details` lists every issue, one a line.
 */
export class TrustConfigError extends BaseError {
  override name = 'TrustConfigError';
  readonly issues: readonly TrustConfigIssue[];

  constructor(issues: readonly TrustConfigIssue[]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${formatTrustConfigIssue(first)}${more}` : 'The trust configuration is not valid', {
      details: issues.map(formatTrustConfigIssue).join('\n'),
    });
    this.issues = issues;
  }
}

export function formatTrustConfigIssue({ path, message }: TrustConfigIssue): string {
  return `${path || 'configuration'}: ${message}`;
}

/** A trust list that cannot be used: the message names the first field at fault, as TrustConfigError's does. */
export class TrustListError extends BaseError {
  override name = 'TrustListError';
  readonly issues: readonly TrustConfigIssue[];

  constructor(issues: readonly TrustConfigIssue[]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `Not a trust list: ${first.path || 'the document'} ${first.message}${more}` : 'Not a trust list', {
      details: issues.map(formatTrustConfigIssue).join('\n'),
    });
    this.issues = issues;
  }
}
