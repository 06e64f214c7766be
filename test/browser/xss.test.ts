import type { Page } from 'playwright-core';
import { expect, it, vi } from 'vitest';
import {
  addUser,
  browserSuite,
  chatToken,
  cs,
  newPage,
  openChat,
  sayInChat,
  signIn,
} from './serve-for-browser.js';

// Whatever a customer types, and whatever a record's name says, the pages show as text: markup
// in a chat line or a customer name never runs, in the chat or in the console.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const PHONE = '13700000001';

/** True when a payload ran on the page (or an element it would have made exists). */
async function ran(page: Page): Promise<boolean> {
  // Runs in the page (no DOM types here).
  return page.evaluate(() => {
    const page = globalThis as unknown as {
      __xss?: unknown;
      document: { querySelector(s: string): unknown };
    };
    return (
      page.__xss !== undefined || page.document.querySelector('img[src="x"], script:not([src])') !== null
    );
  });
}

let password: string;
let adminPassword: string;

browserSuite(
  'browser: markup stays text',
  async (db) => {
    await cs(db, [
      'create',
      'customer',
      '--data',
      JSON.stringify({
        name: IMG,
        phone: PHONE,
        type: 'returning',
        background: SCRIPT,
        communication_style: '直接简洁',
        special_needs: '无',
      }),
    ]);
    password = await addUser(db, '王主管', 'supervisor');
    adminPassword = await addUser(db, '管理员', 'admin');
  },
  (s) => {
    it('chat lines and a customer name with <img onerror> and <script> are shown as text in the chat, the inbox, the live calls and the transcript', async () => {
      const customer = await newPage(s.browser, { phone: true });
      const chat = customer.page;
      await openChat(chat, s.url, await chatToken(s.db, PHONE));
      for (const line of [IMG, SCRIPT, `我要退款200元 ${IMG}`]) {
        const sent = chat.locator('.msg.from-customer').count();
        await sayInChat(chat, line);
        await chat
          .locator('.msg.from-customer')
          .nth(await sent)
          .waitFor();
        await chat.locator('form.composer[aria-busy="false"]').waitFor();
      }
      await chat.locator('.msg.from-customer', { hasText: SCRIPT }).waitFor();
      expect(await chat.locator('.msg.from-customer', { hasText: IMG }).count()).toBe(2);
      expect(await ran(chat)).toBe(false);

      const { page } = await newPage(s.browser);
      await signIn(page, s.url, '王主管', password);
      // The inbox: the customer's name on the request card.
      await page.locator('.approval .caller', { hasText: IMG }).waitFor();
      expect(await ran(page)).toBe(false);
      // The live calls: the name in the list, and the lines in the transcript.
      await page.locator('nav.tabs a[href="#/calls"]').click();
      const row = page.locator('tr.call', { hasText: IMG });
      await row.waitFor();
      await row.locator('a').click();
      await page.locator('.transcript .block', { hasText: SCRIPT }).waitFor();
      expect(await page.locator('.transcript').textContent()).toContain(`客户: ${IMG}`);
      expect(await ran(page)).toBe(false);
      expect(await ran(chat)).toBe(false);
    });

    it('records show the name as text; a supervisor only reads them; an admin edits one, and a bad edit is refused with one line', async () => {
      const boss = await newPage(s.browser);
      await signIn(boss.page, s.url, '王主管', password);
      await boss.page.locator('nav.tabs a[href="#/records"]').click();
      await boss.page.locator('.record-types button.type-customer').click();
      await boss.page.locator('.record-list li', { hasText: IMG }).locator('a').click();
      await boss.page.locator('form.record', { hasText: '只有管理员可以编辑记录' }).waitFor();
      expect(await boss.page.locator('form.record button.save').count()).toBe(0);
      expect(await boss.page.locator('form.record textarea').inputValue()).toContain(SCRIPT);
      expect(await ran(boss.page)).toBe(false);

      const { page } = await newPage(s.browser);
      await signIn(page, s.url, '管理员', adminPassword);
      await page.locator('nav.tabs a[href="#/records"]').click();
      await page.locator('.record-types button.type-customer').click();
      await page.locator('.record-list li', { hasText: IMG }).locator('a').click();
      const form = page.locator('form.record');
      const record = JSON.parse(await form.locator('textarea').inputValue()) as Record<string, unknown>;
      await form.locator('textarea').fill(JSON.stringify({ ...record, special_needs: '希望短信通知' }));
      await form.locator('button.save').click();
      await form.locator('.saved').waitFor();
      expect(await cs(s.db, ['read', 'customer', '--phone', PHONE, '--json'])).toContain('希望短信通知');

      await form.locator('textarea').fill(JSON.stringify({ ...record, name: '' }));
      await form.locator('button.save').click();
      const error = form.locator('.error');
      await error.waitFor();
      // The API's own line (as the CLI says it), not a bare status.
      expect(await error.textContent()).toMatch(/name/i);
      expect(await error.textContent()).not.toContain('\n');
      expect(await cs(s.db, ['read', 'customer', '--phone', PHONE, '--json'])).toContain('onerror');
      expect(await ran(page)).toBe(false);
    });
  },
);
