import type { ReactNode } from 'react';
import { displaySafe } from '../lib/text/display-safe';
import { modelClaimOf, modelClaimWords } from '../lib/verdict/model-claim';
import type { VerdictFacts } from '../lib/verdict/types';
import { CopyButton } from './CopyButton';
import { explorerBaseOf, explorerLink, isHttpUrl } from './explorer';
import { ExternalIcon } from './icons';
import { SignerPageLink } from './SignerPageLink';
import { labelledSigner } from '../lib/verdict/signer-label';

export type FactsTableProps = {
  facts: VerdictFacts;
  /**
   * Base URL of the chain's block explorer, from the trust configuration.
   * Without it the base is taken from `facts.explorerUrl` (the settlement
   * transaction's link), so addresses still link where the chain has one.
   */
  explorer?: string | null;
};

type Row = { term: string; value: ReactNode };

/** The chain and signer facts behind a verdict, grouped, with explorer links. */
export function FactsTable({ facts, explorer }: FactsTableProps) {
  const groups = factGroups(facts, explorer ?? explorerBaseOf(facts.explorerUrl, facts.tx)).filter(
    (group) => group.rows.length > 0,
  );
  if (groups.length === 0) {
    return <p className="text-sm text-slate-500">No chain facts were gathered for this proof.</p>;
  }
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.title}</h3>
          <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {group.rows.map((row) => (
              <div key={row.term} className="grid gap-1 px-3.5 py-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
                <dt className="text-slate-500">{row.term}</dt>
                <dd className="min-w-0 text-slate-900">{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function factGroups(facts: VerdictFacts, explorer: string | null): { title: string; rows: Row[] }[] {
  const hex = (value: string, what: string, kind?: 'tx' | 'address') => (
    <HexValue value={value} what={what} href={kind ? explorerLink(explorer, kind, value) : null} />
  );
  // The worker's own link for the transaction, when it made one.
  const txLink = facts.explorerUrl && isHttpUrl(facts.explorerUrl) ? facts.explorerUrl : null;
  const rows = (...candidates: (Row | false | undefined)[]) => candidates.filter((row): row is Row => Boolean(row));
  // A model name is a claim, never a checked fact: the attester's beside its attestation, the page's in a group of its own.
  const model = modelClaimOf(facts);
  const modelWords = model && modelClaimWords(model);
  const modelRow = modelWords && { term: modelWords.speaker, value: modelWords.claim };

  return [
    {
      title: 'Chain',
      rows: rows(
        facts.chainId !== undefined && {
          term: 'Chain',
          value: facts.chainName ? (
            <>
              {facts.chainName} <span className="text-slate-500">· id {facts.chainId}</span>
            </>
          ) : (
            `Chain id ${facts.chainId}`
          ),
        },
        facts.anchorBlock !== undefined && { term: 'Anchored in block', value: <Mono>{facts.anchorBlock}</Mono> },
        facts.confirmations !== undefined && {
          term: 'Confirmations',
          value:
            facts.requiredConfirmations !== undefined
              ? `${facts.confirmations} (needs ${facts.requiredConfirmations})`
              : String(facts.confirmations),
        },
        facts.blockNumber !== undefined && { term: 'Read at block', value: <Mono>{facts.blockNumber}</Mono> },
        facts.readBasis !== undefined && { term: 'Reads rested on', value: facts.readBasis },
        facts.tx !== undefined && {
          term: 'Transaction',
          value: <HexValue value={facts.tx} what="transaction hash" href={txLink ?? explorerLink(explorer, 'tx', facts.tx)} />,
        },
        facts.logIndex !== undefined && { term: 'Log index', value: <Mono>{facts.logIndex}</Mono> },
        facts.rpcs !== undefined &&
          facts.rpcs.length > 0 && {
            term: facts.rpcs.length === 1 ? 'RPC that answered' : 'RPCs that answered',
            value: (
              <ul className="space-y-0.5">
                {facts.rpcs.map((rpc) => (
                  <li key={rpc}>
                    <Mono>{rpc}</Mono>
                  </li>
                ))}
              </ul>
            ),
          },
      ),
    },
    {
      title: 'Origin',
      rows: rows(
        facts.timestamp !== undefined && { term: 'Produced', value: <Timestamp seconds={facts.timestamp} /> },
        facts.teeId !== undefined && { term: 'TEE id', value: hex(facts.teeId, 'TEE id') },
        facts.keyFingerprint !== undefined && {
          term: 'TEE key (SHA-256)',
          value: hex(facts.keyFingerprint, 'key fingerprint'),
        },
        facts.teeActive !== undefined && {
          term: 'TEE active now',
          value: facts.teeActive ? 'Yes' : 'No — it has not reported in recently',
        },
        facts.registry !== undefined && { term: 'TEE registry', value: hex(facts.registry, 'registry address', 'address') },
        facts.relay !== undefined && { term: 'Settlement relay', value: hex(facts.relay, 'relay address', 'address') },
        facts.attester !== undefined && {
          term: 'Attester',
          value: (
            <>
              {facts.signerLabel && <div className="mb-0.5 font-medium">{labelledSigner(facts)}</div>}
              {hex(facts.attester, 'attester address', 'address')}
              {facts.signerList !== undefined && <SignerPageLink url={facts.signerPage} from={`the list “${displaySafe(facts.signerList)}”`} />}
            </>
          ),
        },
        facts.attester === undefined && facts.signerLabel !== undefined && { term: 'Vouched for by', value: labelledSigner(facts) },
        facts.trustLists !== undefined && {
          term: facts.trustLists.length === 1 ? 'Trust list relied on' : 'Trust lists relied on',
          value: facts.trustLists.map((name) => `“${name}”`).join(', '),
        },
        facts.contract !== undefined && { term: 'ERC-7007 contract', value: hex(facts.contract, 'contract address', 'address') },
        facts.tokenId !== undefined && { term: 'Token id', value: <Mono>{facts.tokenId}</Mono> },
      ),
    },
    {
      title: 'Attestation',
      rows: rows(
        facts.uid !== undefined && { term: 'UID', value: hex(facts.uid, 'attestation UID') },
        facts.schemaUid !== undefined && { term: 'Schema UID', value: hex(facts.schemaUid, 'schema UID') },
        facts.schema !== undefined && { term: 'Schema', value: <Mono>{displaySafe(facts.schema)}</Mono> },
        facts.schemaFields !== undefined &&
          facts.schemaFields.length > 0 && {
            term: 'Decoded fields',
            value: (
              <table className="w-full text-left text-[13px]">
                <thead className="sr-only">
                  <tr>
                    <th>Field</th>
                    <th>Type</th>
                    <th>Value</th>
                  </tr>
                </thead>
                <tbody>
                  {facts.schemaFields.map((field) => (
                    <tr key={field.name} className="align-top">
                      <th scope="row" className="py-0.5 pr-3 font-medium whitespace-nowrap">
                        {displaySafe(field.name)}
                      </th>
                      <td className="py-0.5 pr-3 font-mono text-xs whitespace-nowrap text-slate-500">{displaySafe(field.type)}</td>
                      <td className="py-0.5 font-mono text-xs break-all">{displaySafe(field.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          },
        model?.by === 'attester' && modelRow,
      ),
    },
    {
      title: 'Not signed: what the page claims',
      rows: rows(model?.by === 'page' && modelRow),
    },
    {
      title: 'Merkle batch',
      rows: rows(
        facts.merkleRoot !== undefined && { term: 'Root', value: hex(facts.merkleRoot, 'Merkle root') },
        facts.merklePath !== undefined &&
          facts.merklePath.length > 0 && {
            term: `Path (${facts.merklePath.length} ${facts.merklePath.length === 1 ? 'hash' : 'hashes'})`,
            value: (
              <ol className="space-y-0.5">
                {facts.merklePath.map((node, index) => (
                  <li key={index} className="flex gap-2">
                    <span className="w-4 shrink-0 text-right font-mono text-xs leading-5 text-slate-400">{index}</span>
                    <Mono>{node}</Mono>
                  </li>
                ))}
              </ol>
            ),
          },
      ),
    },
  ];
}

function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-xs leading-5 break-all">{children}</span>;
}

function HexValue({ value, what, href }: { value: string; what: string; href: string | null }) {
  return (
    <span className="flex items-start gap-1">
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noreferrer noopener"
          className="focus-ring min-w-0 rounded-sm font-mono text-xs leading-5 break-all text-sky-700 underline decoration-sky-700/30 underline-offset-2 hover:decoration-sky-700"
        >
          {value}
          <ExternalIcon className="ml-1 inline size-3 align-[-1px]" />
          <span className="sr-only"> (opens the block explorer)</span>
        </a>
      ) : (
        <span className="min-w-0 font-mono text-xs leading-5 break-all">{value}</span>
      )}
      <CopyButton variant="icon" text={value} what={what} />
    </span>
  );
}

function Timestamp({ seconds }: { seconds: number }) {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return <Mono>{seconds}</Mono>;
  return (
    <time dateTime={date.toISOString()}>
      {date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}
      <span className="text-slate-500"> · unix {seconds}</span>
    </time>
  );
}
