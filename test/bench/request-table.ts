import type { DevnetContracts } from '../../devnet/deploy';
import { createCallDescriber, pinnedBlockOf } from './rpc-calls';
import type { RecordedRequest } from './rpc-recorder';
import { latestAnswerBefore } from './rpc-pass';
import { formatNumber, formatTable } from './table';

/**
 * Every request with what it carries, one line per kind of read, and how
 * long the client held it back: from the answer it waited for (the latest
 * one finished before it started; for the first, the start of verification)
 * to its sending.
 */
export function requestTable({ contracts, requests }: { contracts: DevnetContracts; requests: readonly RecordedRequest[] }): string {
  const describe = createCallDescriber({ contracts, pinnedBlock: pinnedBlockOf(requests.flatMap((request) => request.calls)) });
  const rows: string[][] = [];
  requests.forEach((request, index) => {
    const reads = new Map<string, { count: number; issuedBy: string }>();
    for (const call of request.calls) {
      const { read, issuedBy } = describe(call);
      reads.set(read, { count: (reads.get(read)?.count ?? 0) + 1, issuedBy });
    }
    const answered = latestAnswerBefore(requests, request.startMs);
    [...reads].forEach(([read, { count, issuedBy }], line) => {
      const requestCells =
        line === 0
          ? [
              String(index + 1),
              String(request.wave),
              formatNumber(request.startMs - answered, 1),
              `${formatNumber(request.startMs, 1)}–${formatNumber(request.endMs, 1)}`,
              String(request.calls.length),
            ]
          : ['', '', '', '', ''];
      rows.push([...requestCells, String(count), read, issuedBy]);
    });
  });
  return formatTable(
    [
      { header: 'request', align: 'right' },
      { header: 'wave', align: 'right' },
      { header: 'held ms', align: 'right' },
      { header: 'sent–answered ms' },
      { header: 'calls', align: 'right' },
      { header: 'n', align: 'right' },
      { header: 'read' },
      { header: 'made by (verifier; after what)' },
    ],
    rows,
  );
}

/** The distinct reads of the requests after wave 2: those that waited for another read's answer. */
export function lateReads({ contracts, requests }: { contracts: DevnetContracts; requests: readonly RecordedRequest[] }): string[] {
  const describe = createCallDescriber({ contracts, pinnedBlock: pinnedBlockOf(requests.flatMap((request) => request.calls)) });
  const late = requests.filter((request) => request.wave > 2).flatMap((request) => request.calls.map((call) => describe(call).read));
  return [...new Set(late)];
}
