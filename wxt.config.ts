import tailwindcss from '@tailwindcss/vite';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader can see where every name comes from.
  imports: false,
  vite: () => ({
    plugins: [tailwindcss()],
    resolve: {
      alias: {
        // micromark's entity decoder picks a DOM version for browsers; the service worker has no document.
        'decode-named-character-reference': createRequire(import.meta.url).resolve('decode-named-character-reference'),
      },
    },
  }),
  hooks: {
    // The C2PA engine's WebAssembly at a fixed path, /c2pa.wasm, which the engine worker is told: one copy, not inlined as base64.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm'), relativeDest: 'c2pa.wasm' });
    },
  },
  // The sources package (for Firefox's review) holds what rebuilds the extension, not local test output.
  zip: { excludeSources: ['test-results/**', 'devnet/.build/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Verity',
    description:
      'Shows which AI-generated content on a page can prove where it came from, checked against the chain itself.',
    /*
     * storage: settings (local), the worker's tabs and verdicts (session), the organisation's policy (managed).
     * alarms: pending verdicts are checked again every 30 s, also after the worker was stopped.
     * webNavigation: a tab's proofs are dropped when it loads another document, and only then;
     *   tabs.onUpdated fires alike for history.pushState and #fragment changes. It adds no
     *   install warning beside the content script's access to every site.
     * contextMenus: "Verify selection with Verity" in the page's menu where text is selected.
     *   It adds no install warning.
     * offscreen (Chrome): the document that runs the C2PA engine's worker, which a service
     *   worker cannot start. It adds no install warning.
     * No host permissions: the worker's only requests go to the RPCs of the trust configuration,
     * and JSON-RPC endpoints (public ones, anvil) allow them by CORS. Host access to every site
     * for that would be a far wider grant than a verifier needs.
     */
    permissions: ['storage', 'alarms', 'webNavigation', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Image checks read images' bytes across origins: offered as an opt-in grant, never asked at install (issue 15).
    // With it, in Chrome, `scripting` registers the image-access script (Firefox's MV2 contentScripts needs no permission).
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'], optional_permissions: ['scripting'] }),
    // The content script loads the rest of itself only on pages that need it (entrypoints/content/index.ts): a page
    // can then tell that Verity is installed by fetching this file, as it can by the badges on a page with a proof.
    web_accessible_resources: [{ resources: ['verity-session.js'], matches: ['<all_urls>'] }],
    // The C2PA engine is WebAssembly, compiled in the extension's pages and workers.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    action: {
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Show the proofs on this page',
      },
      // The context menu's "Verify selection", for the keyboard (background: verify-selection-menu.ts).
      'verify-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Verify the selected text',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'verity@verity.invalid',
              // The oldest ESR the end-to-end tests run in (devnet/ensure-firefox.sh); 115 was claimed but never tested.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Promise answers from runtime.onMessage listeners, which carry the worker's errors to the sender.
          minimum_chrome_version: '144',
          // An organisation's trust configuration, pushed by policy (spec §7). Firefox reads policies without a schema.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
