import type { ReactNode } from 'react';
import { ManagedBadge } from '../../components/ManagedBadge';
import { CrossIcon } from '../../components/icons';
import { ListField, RpcTestButton, TextField, type FieldErrors, type RpcTestResult } from './fields';
import { chainNote, newDraftKey, type AttesterDraft, type ChainDraft, type TrustDraft } from './trust-draft';
import { rpcCountWords } from './rpc-count-words';

export type TrustFormProps = {
  draft: TrustDraft;
  onChange: (update: (draft: TrustDraft) => TrustDraft) => void;
  errors: FieldErrors;
  /** Configuration paths the organisation set (layerTrustConfig's provenance). */
  managedPaths: ReadonlySet<string>;
  testRpc: (url: string, chainId: number) => Promise<RpcTestResult>;
};

/** The chains and the trusted attesters of the trust configuration, as a form. */
export function TrustForm({ draft, onChange, errors, managedPaths, testRpc }: TrustFormProps) {
  const updateChain = (key: string, update: (chain: ChainDraft) => ChainDraft) =>
    onChange((current) => ({ ...current, chains: current.chains.map((chain) => (chain.key === key ? update(chain) : chain)) }));
  const addChain = () =>
    onChange((current) => ({
      ...current,
      chains: [
        ...current.chains,
        {
          key: newDraftKey(),
          chainId: '',
          inBase: false,
          connection: { name: '', rpc: [''], confirmations: '1', explorer: '' },
          opengradient: null,
          eas: null,
          erc7007: null,
        },
      ],
    }));
  const removeChain = (key: string) =>
    onChange((current) => ({ ...current, chains: current.chains.filter((chain) => chain.key !== key) }));

  return (
    <div className="space-y-10">
      <section aria-labelledby="chains-heading">
        <SectionHeading
          id="chains-heading"
          title="Chains"
          action={
            <button type="button" className="btn-secondary" onClick={addChain}>
              Add a chain
            </button>
          }
        >
          Where Verity reads proofs from, and which contracts it trusts on each chain. A chain that is not listed here
          cannot be checked, and its proofs show as “Couldn't check”.
        </SectionHeading>
        <ul className="space-y-2">
          {draft.chains.map((chain) => (
            <li key={chain.key}>
              <ChainCard
                chain={chain}
                update={(update) => updateChain(chain.key, update)}
                remove={() => removeChain(chain.key)}
                errors={errors}
                managedPaths={managedPaths}
                testRpc={testRpc}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="attesters-heading">
        <SectionHeading id="attesters-heading" title="Trusted attesters">
          People and organisations whose attestations you accept. A valid attestation by anyone else is shown as
          “Untrusted”.
        </SectionHeading>
        <AttestersField
          attesters={draft.attesters}
          onChange={(attesters) => onChange((current) => ({ ...current, attesters }))}
          errors={errors}
          managedPaths={managedPaths}
        />
      </section>
    </div>
  );
}

export function SectionHeading({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
      <div className="max-w-2xl">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {children && <p className="mt-1 text-sm leading-relaxed text-slate-600">{children}</p>}
      </div>
      {action}
    </div>
  );
}

type ChainCardProps = {
  chain: ChainDraft;
  update: (update: (chain: ChainDraft) => ChainDraft) => void;
  remove: () => void;
  errors: FieldErrors;
  managedPaths: ReadonlySet<string>;
  testRpc: TrustFormProps['testRpc'];
};

/** Everything configured for one chain: connection, OpenGradient, EAS and ERC-7007. */
function ChainCard({ chain, update, remove, errors, managedPaths, testRpc }: ChainCardProps) {
  const id = chain.chainId.trim();
  const managed = (path: string) => managedPaths.has(path);
  const prefixes = [`chains.${id}`, `opengradient.${id}`, `eas.${id}`, `erc7007.${id}`];
  const within = (path: string) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));
  const errorCount = [...errors.keys()].filter(within).length;
  const anyManaged = [...managedPaths].some(within);
  const isNew = !chain.inBase;
  const note = chainNote(chain);
  const services = [
    chain.opengradient && 'OpenGradient',
    chain.eas && 'EAS',
    chain.erc7007 && chain.erc7007.length > 0 && 'ERC-7007',
  ].filter((service): service is string => Boolean(service));

  return (
    <details
      className="group rounded-xl border border-slate-200 bg-white shadow-xs open:shadow-sm"
      open={isNew || errorCount > 0 || undefined}
    >
      <summary className="focus-ring flex cursor-pointer list-none items-center gap-3 rounded-xl px-4 py-3 select-none [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90">
          <path d="M7.5 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-slate-900">
            {chain.connection?.name || (isNew ? 'New chain' : `Chain ${id}`)}
          </span>
          <span className="block text-xs text-slate-500 tabular-nums">
            {id ? `Chain id ${id}` : 'No chain id yet'}
            {chain.connection && ` · ${countOf(chain.connection.rpc.length, 'RPC')}`}
            {services.length > 0 && ` · ${services.join(', ')}`}
          </span>
        </span>
        {errorCount > 0 && (
          <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-600/20 ring-inset">
            {countOf(errorCount, 'problem')}
          </span>
        )}
        {anyManaged && <ManagedBadge />}
        {isNew && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-600">Added by you</span>
        )}
      </summary>
      <div className="space-y-6 border-t border-slate-100 px-4 pt-4 pb-5 sm:pl-11">
        {note && (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600 ring-1 ring-slate-200 ring-inset">
            <span className="font-medium text-slate-700">Note: </span>
            {note}
          </p>
        )}
        {isNew && (
          <TextField
            label="Chain id"
            path={`chains.${id}`}
            value={chain.chainId}
            onChange={(chainId) => update((current) => ({ ...current, chainId }))}
            errors={errors}
            inputMode="numeric"
            hint="The chain's decimal id, e.g. 1 for Ethereum or 31337 for a local node."
            className="max-w-sm"
          />
        )}

        <Group title="Connection">
          {chain.connection ? (
            <ConnectionFields chain={chain} update={update} errors={errors} managed={managed} testRpc={testRpc} />
          ) : (
            <AddSection
              label="Add a connection"
              why="Without an RPC this chain cannot be read."
              onAdd={() =>
                update((current) => ({ ...current, connection: { name: '', rpc: [''], confirmations: '1', explorer: '' } }))
              }
            />
          )}
        </Group>

        <Group title="OpenGradient">
          {chain.opengradient ? (
            <div className="space-y-4">
              <TextField
                label="TEE registry"
                path={`opengradient.${id}.teeRegistry`}
                value={chain.opengradient.teeRegistry}
                onChange={(teeRegistry) =>
                  update((current) => ({ ...current, opengradient: { ...current.opengradient!, teeRegistry } }))
                }
                errors={errors}
                managed={managed(`opengradient.${id}.teeRegistry`)}
                mono
                placeholder="0x…"
              />
              <ListField
                label="Settlement relays"
                path={`opengradient.${id}.settlementRelays`}
                values={chain.opengradient.settlementRelays}
                onChange={(settlementRelays) =>
                  update((current) => ({ ...current, opengradient: { ...current.opengradient!, settlementRelays } }))
                }
                errors={errors}
                managed={managed(`opengradient.${id}.settlementRelays`)}
                placeholder="0x…"
                addLabel="Add a relay"
                itemName="Settlement relay"
              />
            </div>
          ) : (
            <AddSection
              label="Add OpenGradient"
              onAdd={() => update((current) => ({ ...current, opengradient: { teeRegistry: '', settlementRelays: [] } }))}
            />
          )}
        </Group>

        <Group title="Ethereum Attestation Service">
          {chain.eas ? (
            <div className="grid gap-4 md:grid-cols-2">
              <TextField
                label="EAS contract"
                path={`eas.${id}.eas`}
                value={chain.eas.eas}
                onChange={(eas) => update((current) => ({ ...current, eas: { ...current.eas!, eas } }))}
                errors={errors}
                managed={managed(`eas.${id}.eas`)}
                mono
                placeholder="0x…"
              />
              <TextField
                label="SchemaRegistry"
                path={`eas.${id}.schemaRegistry`}
                value={chain.eas.schemaRegistry}
                onChange={(schemaRegistry) => update((current) => ({ ...current, eas: { ...current.eas!, schemaRegistry } }))}
                errors={errors}
                managed={managed(`eas.${id}.schemaRegistry`)}
                mono
                placeholder="0x…"
              />
            </div>
          ) : (
            <AddSection label="Add EAS" onAdd={() => update((current) => ({ ...current, eas: { eas: '', schemaRegistry: '' } }))} />
          )}
        </Group>

        <Group title="ERC-7007 contracts">
          {chain.erc7007 ? (
            <ListField
              label="Trusted contracts"
              path={`erc7007.${id}`}
              values={chain.erc7007}
              onChange={(erc7007) => update((current) => ({ ...current, erc7007 }))}
              errors={errors}
              managed={managed(`erc7007.${id}`)}
              placeholder="0x…"
              addLabel="Add a contract"
              itemName="ERC-7007 contract"
            />
          ) : (
            <AddSection label="Add ERC-7007 contracts" onAdd={() => update((current) => ({ ...current, erc7007: [''] }))} />
          )}
        </Group>

        {isNew && (
          <div className="border-t border-slate-100 pt-4">
            <button type="button" className="btn-quiet text-red-700 hover:bg-red-50 hover:text-red-800" onClick={remove}>
              Remove this chain
            </button>
          </div>
        )}
      </div>
    </details>
  );
}

function ConnectionFields({
  chain,
  update,
  errors,
  managed,
  testRpc,
}: {
  chain: ChainDraft;
  update: ChainCardProps['update'];
  errors: FieldErrors;
  managed: (path: string) => boolean;
  testRpc: TrustFormProps['testRpc'];
}) {
  const id = chain.chainId.trim();
  const connection = chain.connection!;
  const set = (change: Partial<NonNullable<ChainDraft['connection']>>) =>
    update((current) => ({ ...current, connection: { ...current.connection!, ...change } }));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_9rem]">
        <TextField
          label="Name"
          path={`chains.${id}.name`}
          value={connection.name}
          onChange={(name) => set({ name })}
          errors={errors}
          managed={managed(`chains.${id}.name`)}
          placeholder="e.g. Ethereum"
        />
        <TextField
          label="Confirmations"
          path={`chains.${id}.confirmations`}
          value={connection.confirmations}
          onChange={(confirmations) => set({ confirmations })}
          errors={errors}
          managed={managed(`chains.${id}.confirmations`)}
          inputMode="numeric"
          narrow
        />
      </div>
      <p className="-mt-2 text-xs text-slate-500">
        A proof counts as verified once its block is this many blocks deep; until then it is pending.
      </p>
      <ListField
        label="RPC URLs"
        path={`chains.${id}.rpc`}
        values={connection.rpc}
        onChange={(rpc) => set({ rpc })}
        errors={errors}
        managed={managed(`chains.${id}.rpc`)}
        hint={rpcCountWords(connection.rpc.length)}
        placeholder="https://…"
        addLabel="Add an RPC"
        itemName="RPC URL"
        allowEmpty={false}
        itemActions={(url) => <RpcTestButton url={url} chainId={chain.chainId} testRpc={testRpc} />}
      />
      <TextField
        label="Block explorer"
        path={`chains.${id}.explorer`}
        value={connection.explorer}
        onChange={(explorer) => set({ explorer })}
        errors={errors}
        managed={managed(`chains.${id}.explorer`)}
        mono
        placeholder="https://… (optional)"
        hint="Transactions and addresses link here, as EXPLORER/tx/HASH and EXPLORER/address/ADDRESS."
      />
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend className="mb-2.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</legend>
      {children}
    </fieldset>
  );
}

function AddSection({ label, why, onAdd }: { label: string; why?: string; onAdd: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="text-sm text-slate-500">{why ?? 'Not configured for this chain.'}</span>
      <button type="button" className="btn-quiet -ml-2 text-sky-700 hover:text-sky-900" onClick={onAdd}>
        + {label}
      </button>
    </div>
  );
}

function AttestersField({
  attesters,
  onChange,
  errors,
  managedPaths,
}: {
  attesters: AttesterDraft[];
  onChange: (attesters: AttesterDraft[]) => void;
  errors: FieldErrors;
  managedPaths: ReadonlySet<string>;
}) {
  const set = (key: string, change: Partial<AttesterDraft>) =>
    onChange(attesters.map((attester) => (attester.key === key ? { ...attester, ...change } : attester)));
  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      {attesters.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">
          No trusted attesters yet. Attestations are shown as “Untrusted” until you add who made them.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {attesters.map((attester, index) => {
            const managed = managedPaths.has(`trustedAttesters.${attester.address.trim().toLowerCase()}`);
            return (
              <li key={attester.key} className="grid items-start gap-3 px-4 py-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]">
                <TextField
                  label="Label"
                  path={`trustedAttesters.${index}.label`}
                  value={attester.label}
                  onChange={(label) => set(attester.key, { label })}
                  errors={errors}
                  readOnly={managed}
                  placeholder="e.g. Example Newsroom"
                />
                <TextField
                  label="Address"
                  path={`trustedAttesters.${index}.address`}
                  value={attester.address}
                  onChange={(address) => set(attester.key, { address })}
                  errors={errors}
                  // A layer cannot remove an attester, so one from below keeps its address.
                  readOnly={managed || attester.inBase}
                  mono
                  placeholder="0x…"
                />
                <div className="md:pt-6">
                  {managed && <ManagedBadge />}
                  {!attester.inBase && (
                    <button
                      type="button"
                      className="btn-quiet px-1.5"
                      aria-label={`Remove attester ${attester.label || index + 1}`}
                      title="Remove"
                      onClick={() => onChange(attesters.filter((each) => each.key !== attester.key))}
                    >
                      <CrossIcon className="size-4" />
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="border-t border-slate-100 px-4 py-2.5">
        <button
          type="button"
          className="btn-quiet -ml-2 text-sky-700 hover:text-sky-900"
          onClick={() => onChange([...attesters, { key: newDraftKey(), address: '', label: '', inBase: false }])}
        >
          + Add an attester
        </button>
      </div>
    </div>
  );
}

function countOf(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
