import { describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { badgeStatesById, badgeStatesIn } from '../badge-states';
import { serveHtml } from '../serve-html';
import { accessibilityNodes } from './accessibility-tree';
import { allAnswered, openDemoPage, openExtensionPage, openOneOfEachPage, openPopupBeside, screenshot, sendFrom, tabShowing, type DemoSession, type DemoTab } from './demo-session';

/** The extension API in the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * The badge's card in Chromium answers the reader's pointer and keys, not
 * events the page makes up: a page cannot open a card over its text, nor
 * close one the reader opened.
 */
export function describeUntrustedEvents(session: DemoSession): void {
  describe("the badge's card and the page's made-up events, in Chromium", () => {
    it('opens for the reader\'s pointer only, and stays open through a made-up press', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const cardOpen = () => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false);
      const badge = page.locator('verity-badge').first();
      await badge.scrollIntoViewIfNeeded();

      // The page's own script fakes the pointer coming onto the badge, and focus.
      await page.evaluate(() => {
        const host = document.querySelector('verity-badge')!;
        host.dispatchEvent(new PointerEvent('pointerenter', { bubbles: false }));
        host.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      });
      await page.waitForTimeout(500);
      expect(await cardOpen()).toBe(false);

      await badge.hover();
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);
      // Past its opening fade.
      await page.waitForTimeout(400);
      await screenshot(page, 'badge-card', { fullPage: false });
      await badge.click();

      // A made-up press elsewhere, a made-up Escape and a made-up report of the card's closing: the card the reader opened stays.
      await page.evaluate(() => {
        document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        document.querySelector('verity-card')!.dispatchEvent(new ToggleEvent('toggle', { oldState: 'open', newState: 'closed' }));
      });
      await page.waitForTimeout(300);
      expect(await cardOpen()).toBe(true);

      // The reader's own Escape closes it.
      await page.keyboard.press('Escape');
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);
      await page.close();
    });

    it('keeps the card inside a 320 by 225 window (400 % zoom), its Details button reached and opened from the keyboard', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 320, height: 225 });
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const badge = page.locator('verity-badge').first();
      await badge.scrollIntoViewIfNeeded();
      // A press where the badge is: at this size the opening card moves under the pointer, which playwright's click waits out.
      const { x, y, width, height } = (await badge.boundingBox())!;
      await page.mouse.click(x + width / 2, y + height / 2);
      await expect.poll(() => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false), { timeout: 5_000 }).toBe(true);
      await page.waitForTimeout(400);
      const box = await page.evaluate(() => {
        const { left, top, right, bottom } = document.querySelector('verity-card')!.getBoundingClientRect();
        return { left, top, right, bottom, width: innerWidth, height: innerHeight };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(box.width);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      await screenshot(page, 'badge-card-400-percent', { fullPage: false });

      // From the keyboard, the card's Details button is reached, brought into view, and opens the inspector.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      const focusedDetails = async () => {
        const node = (await accessibilityNodes(cdp)).find((node) => node.role?.value === 'button' && /^Details/.test(node.name?.value ?? ''));
        return node?.properties?.some(({ name, value }) => name === 'focused' && value.value === true) ? node : undefined;
      };
      let details = await focusedDetails();
      for (let presses = 0; presses < 10 && details === undefined; presses += 1) {
        await page.keyboard.press('Tab');
        details = await focusedDetails();
      }
      expect(details, 'Tab reaches Details').toBeDefined();
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: details!.backendDOMNodeId! })) as { model: { content: number[] } };
      const [xs, ys] = [model.content.filter((_, index) => index % 2 === 0), model.content.filter((_, index) => index % 2 === 1)];
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(320);
      expect(Math.max(...ys)).toBeLessThanOrEqual(225);
      await screenshot(page, 'badge-card-400-percent-details', { fullPage: false });
      const inspector = browser.context.waitForEvent('page', { timeout: 10_000 });
      await page.keyboard.press('Enter');
      expect((await inspector).url()).toMatch(/\/inspector\.html\?tab=\d+&proof=p\d+/);
      await (await inspector).close();
      await page.close();
    });

    it("tells the page's own script nothing of a badge's verdict", async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const states = await badgeStatesIn(page);
      // What a page script can read of each host: its attributes but the proof id, and its computed style but its size (the word's length).
      const seen = await page.evaluate(() =>
        [...document.querySelectorAll('verity-badge')].map((host) => {
          const attributes = host.getAttributeNames().filter((name) => name !== 'data-verity-proof').map((name) => `${name}=${host.getAttribute(name)}`);
          const style = getComputedStyle(host);
          const sizeBound = /^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/;
          const properties = [...style].filter((name) => !sizeBound.test(name)).map((name) => `${name}:${style.getPropertyValue(name)}`);
          return { open: host.shadowRoot !== null, text: host.textContent, attributes: attributes.join(' '), style: properties.join(';') };
        }),
      );
      const verified = seen[states.indexOf('verified')]!;
      const altered = seen[states.indexOf('altered')]!;
      expect(states).toContain('verified');
      expect(states).toContain('altered');
      expect(verified.open).toBe(false);
      expect(verified.text).toBe('');
      expect(altered).toEqual(verified);
      // Nor can it set one: an altered badge's host told data-state="verified" draws exactly as before.
      const alteredHost = page.locator('verity-badge').nth(states.indexOf('altered'));
      await alteredHost.scrollIntoViewIfNeeded();
      const before = await alteredHost.screenshot();
      await alteredHost.evaluate((host) => host.setAttribute('data-state', 'verified'));
      await page.waitForTimeout(300);
      expect((await alteredHost.screenshot()).equals(before)).toBe(true);
      expect((await badgeStatesIn(page))[states.indexOf('altered')]).toBe('altered');
      await page.close();
    });

    it("draws the badge's card one size whatever the verdict: its size tells the page nothing of it, nor of the reader's trust", async () => {
      const { demo } = await openDemoPage(session);
      const cardBoxes: Record<string, { width: number; height: number }> = {};
      for (const state of ['verified', 'altered', 'untrusted', 'unavailable', 'invalid', 'malformed']) {
        const badge = demo.locator(`figure.case[data-expected-state="${state}"] verity-badge`).first();
        await badge.scrollIntoViewIfNeeded();
        await badge.hover();
        await expect.poll(() => demo.evaluate(() => document.querySelector('verity-card')?.matches(':popover-open') ?? false), { timeout: 5_000 }).toBe(true);
        cardBoxes[state] = await demo.evaluate(() => {
          const { width, height } = document.querySelector('verity-card')!.getBoundingClientRect();
          return { width, height };
        });
        await demo.waitForTimeout(200);
        await screenshot(demo, `badge-card-one-size-${state}`, { fullPage: false });
        await demo.mouse.move(0, 0);
        await expect.poll(() => demo.evaluate(() => document.querySelector('verity-card')!.matches(':popover-open')), { timeout: 5_000 }).toBe(false);
      }
      const { malformed, ...checked } = cardBoxes;
      expect(new Set(Object.values(checked).map(({ width, height }) => `${width}x${height}`)), JSON.stringify(cardBoxes)).toEqual(new Set(['304x392']));
      // A proof that cannot be read at all is the page's own knowledge: its card is sized to its words.
      expect(malformed!.height).toBeLessThan(392);
      await demo.close();
    });

    it('flags a hostile page in the popup and the toolbar: a badge kept off, one covered, the card closed as it opens, look-alike badges', async () => {
      const { browser } = session;
      const { demo, tabId } = await openDemoPage(session);
      const target = `verity-badge[data-verity-proof="${await demo.evaluate(() => document.querySelector('figure.case[data-expected-state="altered"] verity-badge')!.getAttribute('data-verity-proof'))}"]`;
      const targetShown = () => demo.evaluate((target) => document.querySelector(target) !== null, target);
      // The page closes Verity's card as it opens, and draws a badge of its own.
      await demo.evaluate(() => {
        new MutationObserver(() => {
          const card = document.querySelector('verity-card');
          if (card === null || card.hasAttribute('data-hostile')) return;
          card.setAttribute('data-hostile', '');
          card.addEventListener('toggle', (event) => (event as Event & { newState: string }).newState === 'open' && (card as HTMLElement).hidePopover());
        }).observe(document.documentElement, { childList: true });
        document.querySelector('figure.case')!.insertAdjacentHTML('beforeend', '<span class="fake">✓ Verified by Verity</span>');
        // And one inside a web component's open shadow root.
        const widget = document.querySelectorAll('figure.case')[1]!.appendChild(document.createElement('div'));
        widget.attachShadow({ mode: 'open' }).innerHTML = '<span>Verity ✓ Verified</span>';
      });
      // It takes the badge of an altered proof off, each time Verity puts it back, and once more.
      for (let round = 0; round <= 5; round += 1) {
        await expect.poll(targetShown, { timeout: 5_000 }).toBe(true);
        await demo.evaluate((target) => document.querySelector(target)!.remove(), target);
      }
      // It covers another badge with an element of its own whenever Verity puts that badge in.
      const covered = demo.locator('figure.case[data-expected-state="verified"] verity-badge').first();
      await covered.scrollIntoViewIfNeeded();
      await covered.evaluate((host) => {
        new MutationObserver(() => {
          if (!host.isConnected || document.getElementById('cover') !== null) return;
          const { left, top, width, height } = host.getBoundingClientRect();
          const cover = Object.assign(document.createElement('div'), { id: 'cover' });
          cover.style.cssText = `position: absolute; left: ${left + scrollX - 4}px; top: ${top + scrollY - 4}px; width: ${width + 8}px; height: ${height + 8}px; background: white`;
          document.body.append(cover);
        }).observe(document.body, { childList: true, subtree: true });
        host.remove();
      });
      await expect.poll(() => demo.evaluate(() => document.getElementById('cover') !== null), { timeout: 5_000 }).toBe(true);
      const badge = demo.locator('figure.case[data-expected-state="verified"] verity-badge').nth(1);
      await badge.scrollIntoViewIfNeeded();
      await badge.hover();

      const popup = await openPopupBeside(browser, { demo, tabId });
      const warnings = popup.getByRole('alert', { name: "This page and Verity's badges" });
      await expect.poll(() => warnings.textContent(), { timeout: 10_000 }).toMatch(/This page keeps hiding Verity’s badges.*The page drew 2 badges that are not Verity’s/);
      // Verity stopped putting the badge back: the page won that, and the reader is told.
      expect(await targetShown()).toBe(false);
      expect(await sendFrom(popup, 'tab-integrity', { tabId })).toEqual({
        integrity: { badgesKeptOff: 1, badgesHidden: 1, cardHidden: true, lookAlikes: 2, lookAlikeWords: expect.arrayContaining(['✓ Verified by Verity', 'Verity ✓ Verified']) },
      });
      // The popup quotes what each look-alike says, as the page's.
      expect((await popup.getByRole('list', { name: 'What the page’s look-alike badges say' }).getByRole('listitem').allTextContents()).sort()).toEqual([
        'The page drew “Verity ✓ Verified”',
        'The page drew “✓ Verified by Verity”',
      ]);
      const worker = await browser.serviceWorker();
      expect(await worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId)).toMatch(/this page hides Verity’s badges/);
      await screenshot(popup, 'popup-hostile-page', { fullPage: false });
      await popup.close();
      await demo.close();
    });

    it("flags a page that closes the card a moment after it opens, taking the card's open mark off first", async () => {
      const { demo, tabId } = await openDemoPage(session);
      await demo.evaluate(() => {
        new MutationObserver(() => {
          const card = document.querySelector('verity-card');
          if (card === null || card.hasAttribute('data-hostile')) return;
          card.setAttribute('data-hostile', '');
          card.addEventListener('toggle', (event) => {
            if ((event as Event & { newState: string }).newState !== 'open') return;
            // After Verity's own look once the card is drawn; the attribute is the page's to change, not Verity's to trust.
            setTimeout(() => {
              card.removeAttribute('data-open');
              (card as HTMLElement).hidePopover();
            }, 300);
          });
        }).observe(document.documentElement, { childList: true });
      });
      const badge = demo.locator('figure.case[data-expected-state="verified"] verity-badge').first();
      await badge.scrollIntoViewIfNeeded();
      await badge.hover();
      const extensionPage = await openExtensionPage(session.browser);
      await expect.poll(async () => (await sendFrom(extensionPage, 'tab-integrity', { tabId })).integrity?.cardHidden, { timeout: 10_000 }).toBe(true);
      await extensionPage.close();
      await demo.close();
    });

    it('keeps a card the reader opened when the page takes focus from it, and keeps Tab inside it, however many controls it has', async () => {
      const { demo } = await openDemoPage(session);
      await demo.evaluate(() => document.body.insertAdjacentHTML('afterbegin', '<input id="focus-thief" aria-label="search">'));
      const cardOpen = () => demo.evaluate(() => document.querySelector('verity-card')?.matches(':popover-open') ?? false);
      const badge = demo.locator('figure.case[data-expected-state="altered"] verity-badge').first();
      await badge.scrollIntoViewIfNeeded();
      await badge.click();
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);

      await demo.evaluate(() => (document.getElementById('focus-thief') as HTMLInputElement).focus({ preventScroll: true }));
      await demo.waitForTimeout(500);
      expect(await demo.evaluate(() => document.activeElement?.id)).toBe('focus-thief');
      expect(await cardOpen()).toBe(true);

      await demo.keyboard.press('Escape');
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);

      // Tab and Shift+Tab go round the card's controls, whether it offers to trust the signer or not: where the card
      // closed and focus landed would tell the page whether the reader trusts the signer.
      for (const scenario of ['og-tee-attribute-json', 'eas-offchain-untrusted-attester']) {
        const opened = demo.locator(`figure[data-scenario="${scenario}"] verity-badge`);
        await opened.scrollIntoViewIfNeeded();
        await opened.click();
        await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);
        for (const key of ['Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab']) await demo.keyboard.press(key);
        expect(await cardOpen(), scenario).toBe(true);
        expect(await demo.evaluate(() => document.activeElement?.localName), scenario).toBe('verity-card');
        await demo.keyboard.press('Escape');
        await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);
      }

      // A page that stops the reader's Escape and presses on their way down, at the window, where Verity's listeners
      // are too: they still close the card (on the document, as before, they never saw them).
      await demo.evaluate(() => {
        for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, (event) => event.stopPropagation(), true);
      });
      await badge.click();
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);
      await demo.keyboard.press('Escape');
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);
      await badge.click();
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);
      await demo.mouse.click(5, 5);
      await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);
      await demo.close();
    });

    it("keeps the card where Verity puts it whatever the page's rules name, draws none of their generated content on its hosts, and flags a top-layer box of the page's named like it", async () => {
      const { demo, tabId } = await openDemoPage(session);
      // The names the cards' rules used: a rule on the host outranked the host's own style, and an @property reached inside.
      await demo.evaluate(() => {
        document.head.insertAdjacentHTML(
          'beforeend',
          `<style>verity-card { --verity-top: -5000px !important; --verity-left: -5000px !important; }
          @property --verity-left { syntax: '<color>'; inherits: false; initial-value: red; }
          verity-badge::before, verity-card::after { content: '✓ Verified' !important; display: inline-block !important; position: absolute; inset: 0; background: white; }</style>`,
        );
      });
      // A host's generated content would be drawn over the badge, and hit tests would name the host for it.
      const generated = (selector: string) => demo.evaluate((selector) => [getComputedStyle(document.querySelector(selector)!, '::before').content, getComputedStyle(document.querySelector(selector)!, '::after').content], selector);
      expect(await generated('figure.case[data-expected-state="altered"] verity-badge')).toEqual(['none', 'none']);
      // A page's fonts named like those a badge might draw with, at 1 % of their size: Verity draws with generic families only.
      const altered = demo.locator('figure.case[data-expected-state="altered"] verity-badge').first();
      await altered.scrollIntoViewIfNeeded();
      const drawnBefore = await altered.screenshot();
      await demo.evaluate(() => {
        const families = ['ui-sans-serif', 'system-ui', 'sans-serif', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'DejaVu Sans', 'Cantarell'];
        const faces = families.map((family) => `@font-face { font-family: "${family}"; src: local("DejaVu Serif"); size-adjust: 1%; }`);
        document.head.append(Object.assign(document.createElement('style'), { textContent: faces.join('\n') }));
      });
      await demo.waitForTimeout(300);
      expect((await altered.screenshot()).equals(drawnBefore), 'drawn the same under the page fonts').toBe(true);
      const badges = demo.locator('figure.case[data-expected-state="verified"] verity-badge');
      await badges.first().scrollIntoViewIfNeeded();
      await badges.first().hover();
      const cardBox = () => demo.evaluate(() => {
        const { top, left, width, height } = document.querySelector('verity-card')!.getBoundingClientRect();
        return { inView: top >= 0 && left >= 0 && top + height <= innerHeight && left + width <= innerWidth, width };
      });
      await expect.poll(cardBox, { timeout: 5_000 }).toEqual({ inView: true, width: 304 });
      expect(await generated('verity-card')).toEqual(['none', 'none']);
      await demo.mouse.move(0, 0);
      await expect.poll(() => demo.evaluate(() => document.querySelector('verity-card')!.hasAttribute('data-open')), { timeout: 5_000 }).toBe(false);

      const extensionPage = await openExtensionPage(session.browser);
      const cardHidden = async () => (await sendFrom(extensionPage, 'tab-integrity', { tabId })).integrity?.cardHidden ?? false;
      expect(await cardHidden()).toBe(false);
      // When the card opens next, the page puts a white popover of its own over it, named like Verity's, passing clicks through.
      await demo.evaluate(() => {
        document.querySelector('verity-card')!.addEventListener('toggle', (event) => {
          if ((event as Event & { newState: string }).newState !== 'open' || document.getElementById('named-like') !== null) return;
          document.body.insertAdjacentHTML('beforeend', '<verity-card id="named-like" popover="manual" style="position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; background: white; pointer-events: none"></verity-card>');
          (document.getElementById('named-like') as HTMLElement).showPopover();
        });
      });
      await badges.nth(1).scrollIntoViewIfNeeded();
      await badges.nth(1).hover();
      await expect.poll(cardHidden, { timeout: 10_000 }).toBe(true);
      await extensionPage.close();
      await demo.close();
    });

    it('watches an open card for as long as it is open: flags the page covering a corner or a band of it, covering it from a shadow root, taking it out or shrinking it; puts it back when moved; and leaves honest pages and the reader scrolling unflagged', async () => {
      const extensionPage = await openExtensionPage(session.browser);
      /** Opens an altered badge's card in a tab of its own, whose page does `act` once the card has been open 300 ms. */
      const openCardIn = async (act: string): Promise<DemoTab> => {
        const tab = await openOneOfEachPage(session, `card-watch-${act.replaceAll(' ', '-')}`, extensionPage);
        const { demo } = tab;
        // Once the card has been open 300 ms, past Verity's look as it opens.
        await demo.evaluate((act) => {
          document.body.insertAdjacentHTML('beforeend', '<div id="closed-host"></div><div id="open-host"></div>');
          const inClosed = document.getElementById('closed-host')!.attachShadow({ mode: 'closed' });
          const inOpen = document.getElementById('open-host')!.attachShadow({ mode: 'open' });
          const popover = (root: ShadowRoot | HTMLElement, style: string) => {
            root.append(Object.assign(document.createElement('div'), { popover: 'manual' }));
            const element = root.lastElementChild as HTMLElement;
            element.setAttribute('style', `position: fixed; margin: 0; border: 0; padding: 0; ${style}`);
            return element;
          };
          new MutationObserver(() => {
            const card = document.querySelector<HTMLElement>('verity-card');
            if (card === null || card.hasAttribute('data-hostile')) return;
            card.setAttribute('data-hostile', '');
            card.addEventListener('toggle', (event) => {
              if ((event as Event & { newState: string }).newState !== 'open') return;
              setTimeout(() => {
                const { left, top } = card.getBoundingClientRect();
                document.body.dataset.cardBefore = `${left},${top}`;
                const corner = `left: ${left}px; top: ${top}px; width: 150px; height: 40px;`;
                if (act === 'clear corner') popover(document.body, `${corner} background: transparent`).showPopover();
                // Between the rows of points hit-tested, over the headline and the summary.
                if (act === 'band') popover(document.body, `left: ${left}px; top: ${top + card.offsetHeight * 0.12}px; width: ${card.offsetWidth}px; height: ${card.offsetHeight * 0.3}px; background: white`).showPopover();
                if (act === 'open shadow root') popover(inOpen, 'inset: 0; width: 100vw; height: 100vh; background: white').showPopover();
                if (act === 'closed shadow root') popover(inClosed, 'inset: 0; width: 100vw; height: 100vh; background: white').showPopover();
                if (act === 'take out') card.remove();
                if (act === 'shrink') document.documentElement.style.zoom = '0.1';
                if (act === 'zoom a little') document.documentElement.style.zoom = '1.25';
                if (act === 'tooltip') {
                  const tooltip = popover(document.body, `${corner} background: black`);
                  tooltip.showPopover();
                  setTimeout(() => tooltip.hidePopover(), 300);
                }
                if (act === 'view transition') {
                  // Long enough for Chromium's v2 observer to report the card while it runs.
                  document.head.append(Object.assign(document.createElement('style'), { textContent: '::view-transition-group(*) { animation-duration: 2s; }' }));
                  void document.startViewTransition(() => document.body.classList.toggle('transitioned'));
                }
                if (act === 'register place') {
                  // The names of the card's place, read off its host, registered as colours: the place Verity set would be invalid.
                  const rules = [...card.style].map((name) => `@property ${name} { syntax: '<color>'; inherits: false; initial-value: red; }`);
                  document.head.append(Object.assign(document.createElement('style'), { textContent: rules.join('\n') }));
                }
                if (act === 'move') for (const name of card.style) card.style.setProperty(name, '-5000px', 'important');
              }, 300);
            });
          }).observe(document.documentElement, { childList: true });
        }, act);
        const badge = demo.locator('figure.case[data-expected-state="altered"] verity-badge').first();
        await badge.scrollIntoViewIfNeeded();
        await badge.click();
        if (act === 'reader scrolls') {
          // Off the card first: over it, the wheel scrolls the card's own words.
          await demo.mouse.move(5, 5);
          await demo.mouse.wheel(0, 3_000);
        }
        return tab;
      };
      const flagged = ['clear corner', 'band', 'open shadow root', 'closed shadow root', 'take out', 'shrink'];
      // Controls: the card put back or kept in place; honest pages (zoomed a little, a tooltip crossing the card for a
      // moment, a view transition) and the reader scrolling its badge out of the window, the card following it.
      const unflagged = ['move', 'register place', 'zoom a little', 'tooltip', 'view transition', 'reader scrolls'];
      // The cards open one after another, each in its tab, and are watched side by side.
      const tabs = new Map<string, DemoTab>();
      for (const act of [...flagged, ...unflagged]) tabs.set(act, await openCardIn(act));
      const lastOpened = Date.now();
      const hidden = async () => {
        const said = new Map<string, boolean>();
        for (const [act, { tabId }] of tabs) said.set(act, (await sendFrom(extensionPage, 'tab-integrity', { tabId })).integrity?.cardHidden ?? false);
        return said;
      };
      // The act, Verity's look the frame after and again 700 ms later (or after the 2 s view transition), Chromium's v2
      // observer (400 ms apart at most), the report to the worker: every flag there is, and time for a false one.
      const settled = async () => {
        const said = await hidden();
        return flagged.every((act) => said.get(act)) && Date.now() - lastOpened > 4_000;
      };
      await expect.poll(settled, { timeout: 15_000, interval: 500 }).toBe(true).catch(() => undefined);
      const expected = [...flagged.map((act) => [act, true]), ...unflagged.map((act) => [act, false])];
      expect(Object.fromEntries(await hidden())).toEqual(Object.fromEntries(expected));
      for (const act of ['move', 'register place']) {
        // Where Verity placed it.
        const [before, after] = await tabs.get(act)!.demo.evaluate(() => {
          const { left, top } = document.querySelector('verity-card')!.getBoundingClientRect();
          return [document.body.dataset.cardBefore, `${left},${top}`];
        });
        expect(after, act).toBe(before);
      }
      await Promise.all([...tabs.values()].map(({ demo }) => demo.close()));
      await extensionPage.close();
    });

    it('takes a genuine badge the page keeps moving beside unsigned text out of the page, rather than let it vouch there', async () => {
      const { demo, tabId } = await openDemoPage(session);
      const figure = 'figure.case[data-expected-state="verified"]';
      const target = `verity-badge[data-verity-proof="${await demo.evaluate((figure) => document.querySelector(`${figure} verity-badge`)!.getAttribute('data-verity-proof'), figure)}"]`;
      const whereIs = () => demo.evaluate((target) => {
        const badge = document.querySelector(target);
        return badge === null ? 'gone' : badge.closest('figure.case') !== null ? 'own' : 'moved';
      }, target);
      // The page moves the badge of a verified proof beside a claim of its own, each time Verity puts it back, and once more.
      await demo.evaluate(() => document.querySelector('.byline')!.insertAdjacentHTML('afterend', '<p id="claim">An unsigned claim the page wants vouched for.</p>'));
      for (let round = 0; round <= 5; round += 1) {
        await expect.poll(whereIs, { timeout: 5_000 }).toBe('own');
        await demo.evaluate((target) => document.getElementById('claim')!.append(document.querySelector(target)!), target);
      }
      await expect.poll(whereIs, { timeout: 5_000 }).toBe('gone');
      expect(await demo.evaluate(() => document.querySelectorAll('#claim verity-badge').length)).toBe(0);
      const worker = await session.browser.serviceWorker();
      await expect.poll(() => worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId), { timeout: 5_000 }).toMatch(/this page hides Verity’s badges/);
      await demo.close();
    });

    it('flags a page that wraps an altered badge in a see-through element each time it goes in, and one that draws its own popover over the card, passing clicks through', async () => {
      const { browser } = session;
      const { demo, tabId } = await openDemoPage(session);
      const target = `verity-badge[data-verity-proof="${await demo.evaluate(() => document.querySelector('figure.case[data-expected-state="altered"] verity-badge')!.getAttribute('data-verity-proof'))}"]`;
      // Whenever Verity puts the altered badge in, the page wraps it in an element of opacity 0.
      const wraps = await demo.evaluate((target) => {
        let count = 0;
        const wrap = () => {
          const badge = document.querySelector(target);
          if (badge === null || badge.parentElement?.classList.contains('veil')) return;
          const veil = Object.assign(document.createElement('span'), { className: 'veil' });
          veil.style.opacity = '0';
          badge.replaceWith(veil);
          veil.append(badge);
          count += 1;
        };
        new MutationObserver(wrap).observe(document.body, { childList: true, subtree: true });
        wrap();
        return new Promise<number>((resolve) => setTimeout(() => resolve(count), 3_000));
      }, target);
      // Verity puts it back where it belongs five times, then takes it out: it is never left faded.
      expect(wraps).toBe(6);
      expect(await demo.evaluate((target) => document.querySelector(target), target)).toBeNull();

      // Whenever Verity's card opens, the page opens a popover of its own over it, in the top layer after it, out of hit tests' reach.
      await demo.evaluate(() => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<div id="over" popover="manual" style="position: fixed; inset: 0; margin: 0; width: 100vw; height: 100vh; border: 0; background: white; pointer-events: none">Nothing to see</div>',
        );
        new MutationObserver(() => {
          const card = document.querySelector('verity-card');
          if (card === null || card.hasAttribute('data-hostile')) return;
          card.setAttribute('data-hostile', '');
          card.addEventListener('toggle', (event) => (event as Event & { newState: string }).newState === 'open' && (document.getElementById('over') as HTMLElement).showPopover());
        }).observe(document.documentElement, { childList: true });
      });
      const badge = demo.locator('figure.case[data-expected-state="verified"] verity-badge').first();
      await badge.scrollIntoViewIfNeeded();
      await badge.hover();

      const popup = await openPopupBeside(browser, { demo, tabId });
      await expect.poll(() => sendFrom(popup, 'tab-integrity', { tabId }), { timeout: 10_000 }).toMatchObject({ integrity: { badgesKeptOff: 1, cardHidden: true } });
      const warnings = popup.getByRole('alert', { name: "This page and Verity's badges" });
      expect(await warnings.textContent()).toMatch(/This page keeps hiding Verity’s badges/);
      await popup.close();
      await demo.close();
    });

    it('flags a fixed cover that follows a badge as the page scrolls, and not a fixed button the badge only passed under', async () => {
      const { devnet, browser } = session;
      const htmlOf = (state: string) => devnet.scenarios.find((scenario) => scenario.expectedState === state && scenario.form === 'attribute-base64url')!.html;
      // The snippets 400 px down, so that both are still in view after the reader scrolls 300 px.
      const served = await serveHtml(
        `<!doctype html><title>covers</title><p style="height: 400px">News.</p><div id="altered">${htmlOf('altered')}</div><div id="verified">${htmlOf('verified')}</div><p style="height: 3000px">More.</p>`,
      );
      const { url } = served;
      const page = await browser.context.newPage();
      try {
        // Before any script of Verity's runs: a white box fixed over the altered badge that moves with it as the page
        // scrolls, and a "chat" button fixed where the verified badge first is, which stays there.
        await page.addInitScript(() => {
          const boxOver = (badge: Element, follow: boolean) => {
            const box = document.createElement('div');
            const place = () => {
              const { left, top, width, height } = badge.getBoundingClientRect();
              box.style.cssText = `position: fixed; left: ${left - 4}px; top: ${top - 4}px; width: ${width + 8}px; height: ${height + 8}px; background: white; z-index: 9`;
            };
            place();
            document.body!.append(box);
            if (follow) addEventListener('scroll', place, { passive: true });
          };
          new MutationObserver((_records, observer) => {
            for (const [id, follow] of [['altered', true], ['verified', false]] as const) {
              const badge = document.querySelector(`#${id} verity-badge`);
              if (badge === null || badge.hasAttribute('data-boxed')) continue;
              badge.setAttribute('data-boxed', '');
              boxOver(badge, follow);
            }
            if (document.querySelectorAll('[data-boxed]').length === 2) observer.disconnect();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(url);
        await allAnswered(page, 2);
        const worker = await browser.serviceWorker();
        const extension = await openExtensionPage(browser);
        const { tabId } = await tabShowing(extension, url);
        // Nothing on record until the page has done something.
        const hiddenBadges = async () => (await sendFrom(extension, 'tab-integrity', { tabId })).integrity?.badgesHidden ?? 0;
        // Under a fixed element, with the page not yet scrolled: it could be a bar the reader scrolls away from.
        await page.waitForTimeout(1_000);
        expect(await hiddenBadges()).toBe(0);
        await page.mouse.move(400, 300);
        await page.mouse.wheel(0, 300);
        // The box that followed its badge is counted; the button the other badge scrolled out from under is not.
        await expect.poll(hiddenBadges, { timeout: 5_000 }).toBe(1);
        await page.waitForTimeout(1_000);
        expect(await hiddenBadges()).toBe(1);
        await extension.close();
        await expect.poll(() => worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId), { timeout: 5_000 }).toMatch(/this page hides Verity’s badges/);
      } finally {
        await page.close();
        await served.close();
      }
    });

    it.each([
      ['a white box that passes clicks through, which hit tests alone do not see', 'pass-through'],
      ['a white box inside a closed web component, which hit tests name by its unstyled host', 'web-component'],
    ] as const)('flags a badge under %s', async (_cover, kind) => {
      const { devnet, browser } = session;
      const altered = devnet.scenarios.find((scenario) => scenario.expectedState === 'altered' && scenario.form === 'attribute-base64url')!.html;
      const served = await serveHtml(`<!doctype html><title>covered badge</title><div id="altered">${altered}</div>`);
      const { url } = served;
      const page = await browser.context.newPage();
      try {
        // Before any script of Verity's runs: once the badge is in, a white box over it.
        await page.addInitScript((kind) => {
          new MutationObserver((_records, observer) => {
            const badge = document.querySelector('#altered verity-badge');
            if (badge === null) return;
            observer.disconnect();
            const { left, top, width, height } = badge.getBoundingClientRect();
            const box = document.createElement('div');
            box.style.cssText = `position: absolute; left: ${left + scrollX - 4}px; top: ${top + scrollY - 4}px; width: ${width + 8}px; height: ${height + 8}px; background: white`;
            if (kind === 'pass-through') {
              // Taking no clicks, from an important rule.
              const style = document.createElement('style');
              style.textContent = '.quiet { pointer-events: none !important }';
              box.className = 'quiet';
              document.head.append(style);
              document.body.append(box);
            } else {
              const host = document.createElement('span');
              host.attachShadow({ mode: 'closed' }).append(box);
              document.body.append(host);
            }
          }).observe(document, { childList: true, subtree: true });
        }, kind);
        await page.goto(url);
        await allAnswered(page, 1);
        const extension = await openExtensionPage(browser);
        const { tabId } = await tabShowing(extension, url);
        // The page's own hit test at the badge: the badge itself past a box out of reach, the host for what its tree draws.
        expect(await page.evaluate(() => {
          const { left, top, width, height } = document.querySelector('#altered verity-badge')!.getBoundingClientRect();
          return document.elementFromPoint(left + width / 2, top + height / 2)?.localName;
        })).toBe(kind === 'pass-through' ? 'verity-badge' : 'span');
        await expect.poll(async () => (await sendFrom(extension, 'tab-integrity', { tabId })).integrity?.badgesHidden ?? 0, { timeout: 5_000 }).toBe(1);
        await extension.close();
        // What the reader is told, where the page cannot reach.
        const popup = await openPopupBeside(browser, { demo: page, tabId });
        const warnings = popup.getByRole('alert', { name: "This page and Verity's badges" });
        expect(await warnings.textContent()).toMatch(/This page keeps hiding Verity’s badges/);
        if (kind === 'pass-through') await screenshot(popup, 'popup-badge-under-pass-through-box');
        await popup.close();
      } finally {
        await page.close();
        await served.close();
      }
    });

    it('sends no proof again for a made-up pageshow, however many', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const worker = await browser.serviceWorker();
      // Counts the proofs content scripts send from here on (a listener beside the worker's own, which answers).
      await worker.evaluate(() => {
        const counted = globalThis as { sentProofs?: string[] };
        counted.sentProofs = [];
        chrome.runtime.onMessage.addListener((message: { type?: string; proofs?: { shownText: string }[] }) => {
          if (message.type === 'verify-proofs') counted.sentProofs!.push(...(message.proofs ?? []).map((proof) => proof.shownText));
        });
      });
      const sent = () => worker.evaluate(() => (globalThis as { sentProofs?: string[] }).sentProofs!);

      await page.evaluate(() => {
        for (let index = 0; index < 50; index += 1) window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      });
      // Then a change the content script does send, through the same queue: once it arrives, anything the made-up events had sent would have.
      await page.locator('.snippet').first().evaluate((element) => element.append(' A sentence the page added.'));
      await expect.poll(async () => (await sent()).some((text) => text.endsWith('A sentence the page added.')), { timeout: 15_000 }).toBe(true);
      expect(await sent()).toHaveLength(1);
      await page.close();
    });

    it("keeps going when the page makes up the event with which a newer copy of Verity's script would stop an older one", async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      // Verity's own badges, by proof: the clone below also copies the first snippet's badge host, empty (no closed root).
      const badges = () => badgeStatesById(page);
      const before = await badges();
      // WXT's name for it carries the extension's id, which a store listing makes public.
      await page.evaluate((name) => {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'made-up' } }));
      }, `${browser.extensionId}:content:wxt:content-script-started`);
      // A snippet the page adds afterwards is still found and checked, and the badges before stay as they were.
      await page.locator('[data-ai-proof]').first().evaluate((snippet) => snippet.after(snippet.cloneNode(true)));
      await expect.poll(async () => (await badges()).size, { timeout: 15_000 }).toBe(before.size + 1);
      await expect.poll(async () => [...(await badges()).values()].filter((state) => state === 'checking'), { timeout: 15_000 }).toEqual([]);
      const after = await badges();
      expect([...before].filter(([id, state]) => after.get(id) !== state)).toEqual([]);
      // The empty host the clone copied draws nothing: no look-alike of the page's (the search runs after each scan).
      const extensionPage = await openExtensionPage(browser);
      const { tabId } = await tabShowing(extensionPage, page.url());
      await page.waitForTimeout(1_500);
      expect((await sendFrom(extensionPage, 'tab-integrity', { tabId })).integrity?.lookAlikes ?? 0).toBe(0);
      await extensionPage.close();
      await page.close();
    });
  });
}
