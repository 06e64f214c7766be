import { expect, it, vi } from 'vitest';
import {
  addUser,
  browserSuite,
  chatToken,
  newPage,
  openChat,
  pageErrors,
  refunds,
  sayInChat,
  screenshot,
  setBilling,
  signIn,
} from './serve-for-browser.js';

// 转人工 as a customer and an agent live it: the customer asks for a person, the agent takes the
// call over in the console and types the replies, still held to the agent's rules, and hands back.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const AGENT = '小李';
const PHONE = '13912345678'; // 李女士

let password: string;

browserSuite(
  'browser: taking a call over',
  async (db) => {
    await setBilling(db, PHONE);
    password = await addUser(db, AGENT, 'agent');
  },
  (s) => {
    it('转人工 → an agent takes over and replies; a reply promising an unapproved refund is refused; hands back and the agent answers again', async () => {
      const customer = await newPage(s.browser, { phone: true });
      const chat = customer.page;
      await openChat(chat, s.url, await chatToken(s.db, PHONE));
      await chat.locator('button.human').click();
      await chat.locator('.msg.from-system').waitFor();
      // Waiting for a person: the agent no longer answers.
      const agentLines = await chat.locator('.msg.from-agent').count();
      await Promise.all([
        chat.waitForResponse((r) => r.url().endsWith('/say')),
        sayInChat(chat, '我想退款200元，请找个真人'),
      ]);
      await chat.locator('form.composer[aria-busy="false"]').waitFor();
      await chat.locator('.msg.from-customer', { hasText: '请找个真人' }).waitFor();
      expect(await chat.locator('.msg.from-agent').count()).toBe(agentLines);

      const { page } = await newPage(s.browser);
      await signIn(page, s.url, AGENT, password);
      await page.locator('nav.tabs a[href="#/calls"]').click();
      const row = page.locator('tr.call.state-waiting_human', { hasText: '李女士' });
      await row.waitFor();
      expect(await row.textContent()).toContain('等待人工');
      await row.locator('a').click();

      // The transcript shows the call as its blocks.
      await page.locator('.transcript .tone-bold', { hasText: '客服电话已接通' }).waitFor();
      expect(await page.locator('.transcript').textContent()).toContain('请找个真人');

      await page.locator('button.take').click();
      await page.locator('.call-state', { hasText: AGENT }).waitFor();
      await page.locator('textarea[name=reply]').fill('您好，我是人工客服小李，马上为您查看账单。');
      await page.locator('form.reply button.send').click();
      await chat.locator('.msg.from-person', { hasText: '我是人工客服小李' }).waitFor();
      await page.locator('.transcript', { hasText: '我是人工客服小李' }).waitFor();
      await screenshot(page, 'live-call');

      // A person is held to the agent's rules: no refund promised without an approval.
      await page.locator('textarea[name=reply]').fill('已经给您退款200元了');
      await page.locator('form.reply button.send').click();
      const refused = page.locator('.refused');
      await refused.waitFor();
      // The guard's one line says why (a refund promised that no check approved).
      expect(await refused.textContent()).toMatch(/退款/);
      expect(await chat.locator('.msg', { hasText: '已经给您退款200元了' }).count()).toBe(0);
      expect(await refunds(s.db, PHONE)).toEqual([]);

      await page.locator('button.hand-back').click();
      await page.locator('button.take').waitFor();
      await sayInChat(chat, '我要重置密码');
      await chat.locator('.msg.from-agent').nth(agentLines).waitFor();
      expect(pageErrors(page)).toEqual([]);
      expect(pageErrors(chat)).toEqual([]);
    });
  },
);
