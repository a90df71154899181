import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '../../components/download';
import { PersonalMarkField } from '../../components/PersonalMarkField';
import { ShareLinkBaseField } from './ShareLinkBaseField';
import { messageOf } from '../../components/error-message';
import { ErrorState, LoadingState } from '../../components/Status';
import { sendToWorker } from '../../messaging/client';
import { storage } from 'wxt/utils/storage';
import { displaySettingsItem, readDisplaySettings, trustListCopiesItem, userTrustConfigItem } from '../../storage/settings-items';
import type { TrustListCopies } from '../../lib/trust/list-copy';
import { TrustListsSection } from './TrustListsSection';
import { type DisplaySettings, defaultDisplaySettings } from '../../storage/settings-keys';
import type { TrustConfigIssue } from '../../lib/trust/errors';
import { layerTrustConfig } from '../../lib/trust/layer';
import { parseTrustConfig } from '../../lib/trust/parse';
import type { TrustConfig } from '../../lib/trust/schema';
import { ImageSignersSection } from './ImageSignersSection';
import { OptionsFrame, OptionsView, type SaveState } from './OptionsView';
import { checkDraft, exportJson, fromDraft, importConfig, toDraft, type TrustDraft, userLayer } from './trust-draft';
import { readTrustRequestHash } from '../../lib/trust/trust-request';
import { chainNameOf, draftTrusts, draftWithTrust, trustRequestPath } from './trust-request-draft';
import { importChangesOf } from './import-changes';

/** What the layers under the user's give, and what the user saved over them. */
type Loaded = {
  /** Built-in defaults with the organisation's configuration over them. */
  base: TrustConfig;
  managedPaths: ReadonlySet<string>;
  managedError?: string;
  userError?: string;
  saved: TrustDraft;
};

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; loaded: Loaded };

async function loadTrust(): Promise<Loaded> {
  const answer = await sendToWorker('trust-config', {});
  // Layered here too: the form needs to know which values are the organisation's.
  const below = layerTrustConfig({ managed: answer.managed });
  const mine = answer.user === undefined || answer.user === null ? null : parseTrustConfig(answer.user, { base: below.config });
  const effective = mine?.ok ? mine.config : below.config;
  return {
    base: below.config,
    managedPaths: new Set(Object.keys(below.provenance)),
    managedError: answer.managedError ?? below.managedError?.message,
    userError: mine && !mine.ok ? mine.error.message : undefined,
    saved: toDraft(effective, below.config),
  };
}

const snapshot = (draft: TrustDraft) => JSON.stringify(fromDraft(draft));

export function Options() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [draft, setDraft] = useState<TrustDraft>({ chains: [], attesters: [] });
  const [issues, setIssues] = useState<readonly TrustConfigIssue[]>([]);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [display, setDisplay] = useState<DisplaySettings>(defaultDisplaySettings);
  const [signerAsked, setSignerAsked] = useState(() => readTrustRequestHash(location.hash));
  const [listCopies, setListCopies] = useState<TrustListCopies>({});

  useEffect(() => {
    let closed = false;
    loadTrust().then(
      (loaded) => {
        if (closed) return;
        setLoad({ status: 'ready', loaded });
        setDraft(loaded.saved);
      },
      (error: unknown) => !closed && setLoad({ status: 'error', message: messageOf(error) }),
    );
    readDisplaySettings().then(
      (settings) => !closed && setDisplay(settings),
      () => undefined,
    );
    // The worker refreshes the lists: their states change while the page is open.
    trustListCopiesItem.getValue().then((copies) => !closed && setListCopies(copies), () => undefined);
    const unwatchCopies = trustListCopiesItem.watch((copies) => setListCopies(copies));
    return () => {
      closed = true;
      unwatchCopies();
    };
  }, []);

  const errors = useMemo(() => new Map(issues.map(({ path, message }) => [path, message])), [issues]);

  if (load.status !== 'ready') {
    return (
      <OptionsFrame>
        {load.status === 'loading' ? (
          <LoadingState label="Loading your settings…" />
        ) : (
          <ErrorState title="Verity couldn't load its settings">{load.message}</ErrorState>
        )}
      </OptionsFrame>
    );
  }
  const { base, managedPaths, managedError, userError, saved } = load.loaded;
  const dirty = snapshot(draft) !== snapshot(saved);

  const changeDisplay = (settings: DisplaySettings) => {
    setDisplay(settings);
    void displaySettingsItem.setValue(settings);
  };
  const editDraft = (update: (current: TrustDraft) => TrustDraft) => {
    setDraft(update);
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };
  const checked = (toCheck: TrustDraft = draft) => {
    const check = checkDraft(toCheck);
    setIssues(check.ok ? [] : check.issues);
    return check;
  };
  /** Saves the form; `copies`, a newly subscribed list's copy, goes in the same write, so the worker need not fetch it again. */
  const saveDraft = (toSave: TrustDraft = draft, copies?: TrustListCopies) => {
    const check = checked(toSave);
    if (!check.ok) return;
    const layer = userLayer(base, check.config, managedPaths);
    setSave({ status: 'saving' });
    const stored =
      copies !== undefined
        ? storage.setItems([
            { item: userTrustConfigItem, value: layer },
            { item: trustListCopiesItem, value: copies },
          ])
        : Object.keys(layer).length === 0
          ? userTrustConfigItem.removeValue()
          : userTrustConfigItem.setValue(layer);
    stored.then(
      () => {
        setSave({ status: 'saved' });
        setLoad({ status: 'ready', loaded: { ...load.loaded, userError: undefined, saved: toSave } });
      },
      (error: unknown) => setSave({ status: 'failed', message: messageOf(error) }),
    );
  };
  // "Trust this signer…" from a badge's card: added and saved in one step, undone the same way.
  const trustsAsked = signerAsked !== undefined && draftTrusts(draft, signerAsked);
  const askedChange = signerAsked === undefined ? undefined : draftWithTrust(draft, signerAsked, trustsAsked ? null : '');
  const signerBlocked =
    signerAsked === undefined
      ? undefined
      : managedPaths.has(trustRequestPath(signerAsked))
        ? 'Your organisation sets this part of Verity’s settings, so it cannot be changed here.'
        : askedChange?.ok === false
          ? askedChange.reason
          : undefined;
  const setSignerTrust = (label: string | null) => {
    if (signerAsked === undefined || signerBlocked !== undefined) return;
    const changed = draftWithTrust(draft, signerAsked, label);
    if (!changed.ok) return;
    setDraft(changed.draft);
    saveDraft(changed.draft);
  };

  const lists = draft.lists ?? [];
  const setLists = (next: TrustDraft['lists'], copies?: TrustListCopies) => {
    setDraft({ ...draft, lists: next });
    saveDraft({ ...draft, lists: next }, copies);
  };

  return (
    <OptionsView
      trustLists={
        <TrustListsSection
          lists={lists}
          managedUrls={new Set(lists.flatMap(({ url }) => (managedPaths.has(`trustLists.${url}`) ? [url] : [])))}
          copies={listCopies}
          busy={save.status === 'saving'}
          // Subscribing saves at once, with the copy the preview fetched.
          onSubscribe={(subscription, list) =>
            setLists([...lists, subscription], { ...listCopies, [subscription.url]: { list, fetchedAt: new Date().toISOString() } })
          }
          onRemove={(url) => setLists(lists.filter((list) => list.url !== url))}
        />
      }
      shareLinkBase={<ShareLinkBaseField />}
      personalMark={<PersonalMarkField />}
      imageSigners={<ImageSignersSection organisation={base.c2pa} />}
      trustSigner={
        signerAsked === undefined
          ? undefined
          : {
              request: signerAsked,
              chainName: chainNameOf(draft, signerAsked),
              trusted: trustsAsked,
              blocked: signerBlocked,
              busy: save.status === 'saving',
              onTrust: (label) => setSignerTrust(label),
              onUndo: () => setSignerTrust(null),
              onDismiss: () => {
                setSignerAsked(undefined);
                history.replaceState(null, '', location.pathname);
              },
            }
      }
      display={{ settings: display, onChange: changeDisplay }}
      trust={{
        draft,
        onChange: editDraft,
        errors,
        managedPaths,
        testRpc: (url, chainId) => sendToWorker('test-rpc', { url, chainId }),
      }}
      issues={issues}
      hasManaged={managedPaths.size > 0}
      managedError={managedError}
      userError={userError}
      importExport={{
        onImport: (json) => {
          const result = importConfig(json, base, managedPaths);
          if (!result.ok) return result;
          // Against what the form holds now, unsaved edits included: that is what the import would replace.
          const shown = checkDraft(draft);
          return {
            ok: true,
            changes: importChangesOf(shown.ok ? shown.config : base, result.config),
            replace: () => {
              setIssues([]);
              editDraft(() => toDraft(result.config, base));
              return {
                note:
                  result.keptManaged > 0
                    ? `${result.keptManaged} ${result.keptManaged === 1 ? 'value is' : 'values are'} set by your organisation and kept as it set them.`
                    : undefined,
              };
            },
          };
        },
        exportJson: () => {
          const check = checked();
          return check.ok ? exportJson(check.config) : null;
        },
        download: (json) => downloadText(json, 'verity-trust-config.json', 'application/json'),
      }}
      dirty={dirty}
      save={save}
      onSave={() => saveDraft()}
      onDiscard={() => {
        setIssues([]);
        setDraft(saved);
      }}
      onResetToDefaults={() => {
        setIssues([]);
        editDraft(() => toDraft(base, base));
      }}
    />
  );
}
