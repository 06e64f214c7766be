import { expect, it, vi } from 'vitest';
import {
  addUser,
  browserSuite,
  chatToken,
  newPage,
  openChat,
  pageErrors,
  sayInChat,
  screenshot,
  signIn,
} from './serve-for-browser.js';

// A complaint made in the chat becomes a ticket once the chat is saved; the board shows it with
// its SLA clocks, and an agent assigns it, comments and starts it, each change live.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const AGENT = '小李';
const PHONE = '13912345678';

let password: string;

browserSuite(
  'browser: the tickets board and the history',
  async (db) => {
    password = await addUser(db, AGENT, 'agent');
  },
  (s) => {
    it('a complaint from an ended chat is a ticket on the board; an agent assigns it, comments and starts it, and may not resolve it', async () => {
      const customer = await newPage(s.browser, { phone: true });
      await openChat(customer.page, s.url, await chatToken(s.db, PHONE));
      await sayInChat(customer.page, '我要投诉，你们的服务太差了');
      await customer.page.locator('.msg.from-agent:not(.streaming)').nth(1).waitFor();
      await customer.page.locator('button.end').click();
      await customer.page.locator('.msg.from-system').waitFor();

      const { page } = await newPage(s.browser);
      await signIn(page, s.url, AGENT, password);
      await page.locator('nav.tabs a[href="#/tickets"]').click();
      const card = page.locator('[data-state=open] .ticket', { hasText: '李女士' });
      await card.waitFor();
      expect(await card.textContent()).toMatch(/解决时限: 剩余 \d+小时/);
      // An agent works tickets; resolving is a supervisor's.
      expect(await card.locator('button.resolve').count()).toBe(0);

      await card.locator('button.assign').click();
      await card.locator('text=负责人: 小李').waitFor();
      await card.locator('input.text').fill('已致电客户了解情况');
      await card.locator('button.comment').click();
      await card.locator('.comments', { hasText: '已致电客户了解情况' }).waitFor();
      await card.locator('button.start').click();
      await page.locator('[data-state=in_progress] .ticket', { hasText: '李女士' }).waitFor();
      expect(await page.locator('[data-state=open] .ticket').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    });

    it('the ended chat is in the history: found by part of the phone, shown with its blocks and its review', async () => {
      const { page } = await newPage(s.browser, { locale: 'en-US' });
      await signIn(page, s.url, AGENT, password);
      await page.locator('nav.tabs a[href="#/history"]').click();
      await page.locator('form.filters input[name=customer]').fill(PHONE.slice(-4));
      await page.locator('form.filters button[type=submit]').click();
      const row = page.locator('table.sessions tr', { hasText: '李女士' });
      await row.waitFor();
      await row.locator('a').click();
      await page.locator('.transcript .tone-bold', { hasText: '客服电话已接通' }).waitFor();
      const transcript = (await page.locator('.transcript').textContent()) ?? '';
      expect(transcript).toContain('客户: 我要投诉，你们的服务太差了');
      expect(transcript).toContain('【权限检查结果】');
      expect(await page.locator('.review').textContent()).toContain('【通话小结】');
      await screenshot(page, 'history');
      // A search that matches nothing says so.
      await page.locator('a', { hasText: 'History' }).first().click();
      await page.locator('form.filters input[name=customer]').fill('no-such-customer');
      await page.locator('form.filters button[type=submit]').click();
      await page.locator('.history .empty').waitFor();
      expect(pageErrors(page)).toEqual([]);
    });

    it('the dashboard counts the saved call, its escalation to a process, and draws its charts with chart.js', async () => {
      const { page } = await newPage(s.browser);
      await signIn(page, s.url, AGENT, password);
      await page.locator('nav.tabs a[href="#/dashboard"]').click();
      await page.locator('.figure-calls dd', { hasText: '1' }).waitFor();
      expect(await page.locator('.figure-escalation dd').textContent()).toBe('100%');
      // Both charts drawn: canvases chart.js sized to their boxes.
      await page.locator('.chart canvas[style*="height"]').nth(1).waitFor();
      const sizes = await page
        .locator('.chart canvas')
        .evaluateAll((list) => list.map((c) => (c as unknown as { width: number; height: number }).width));
      expect(sizes).toHaveLength(2);
      for (const width of sizes) expect(width).toBeGreaterThan(100);
      await screenshot(page, 'dashboard');
      expect(pageErrors(page)).toEqual([]);
    });
  },
);
