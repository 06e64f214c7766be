import type { Page } from 'playwright-core';
import { expect, it, vi } from 'vitest';
import {
  addUser,
  browserSuite,
  chatToken,
  newPage,
  openChat,
  PHONE,
  PRODUCT,
  pageErrors,
  refunds,
  sayInChat,
  screenshot,
  setBilling,
  signIn,
} from './serve-for-browser.js';

// The loop a support team runs, in a real browser against a real `cs serve`: a customer asks for
// a refund above the agent's limit in the chat, a supervisor decides it in the console's inbox,
// the backend carries it out once, and the customer's open chat is told.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SUPERVISOR = '王主管';
const AGENT = '小李';

/** A chat driven over HTTP, as the page drives it: for a request a test needs to exist. */
async function chatOverHttp(url: string, token: string, lines: string[]): Promise<string> {
  const start = await fetch(`${url}/chat/api/start`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, product: PRODUCT }),
  });
  expect(start.status, await start.clone().text()).toBe(200);
  const { call_id, chat_key } = (await start.json()) as { call_id: string; chat_key: string };
  for (const content of lines) {
    const r = await fetch(`${url}/chat/api/${call_id}/say`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Chat-Key': chat_key },
      body: JSON.stringify({ content }),
    });
    expect(r.status, await r.clone().text()).toBe(200);
  }
  return call_id;
}

/** POST from inside the signed-in page, with the CSRF header the console sends. */
function postFromPage(page: Page, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ path, body }) => {
      // Runs in the page (no DOM types here): the cookie the console reads.
      const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
      const csrf = /(?:^|;\s*)cs_csrf=([^;]*)/.exec(cookie)?.[1] ?? '';
      const r = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as unknown };
    },
    { path, body },
  );
}

const passwords: Record<string, string> = {};

browserSuite(
  'browser: the approval loop',
  async (db) => {
    await setBilling(db);
    passwords[SUPERVISOR] = await addUser(db, SUPERVISOR, 'supervisor');
    passwords[AGENT] = await addUser(db, AGENT, 'agent');
  },
  (s) => {
    it('a 200元 refund asked in the chat appears in the open inbox without a reload; approved there, the open chat is told and the backend refunds once', async () => {
      const boss = await newPage(s.browser);
      await signIn(boss.page, s.url, SUPERVISOR, passwords[SUPERVISOR]!);
      await boss.page.locator('.inbox .empty').waitFor();
      // A mark a reload would wipe: the card must arrive over the live events.
      await boss.page.evaluate(() => {
        (globalThis as { __noReload?: boolean }).__noReload = true;
      });

      const customer = await newPage(s.browser, { phone: true });
      await openChat(customer.page, s.url, await chatToken(s.db, PHONE));
      await sayInChat(customer.page, '我要退款200元');
      const reply = customer.page.locator('.msg.from-agent:not(.streaming)').nth(1);
      await reply.waitFor();
      const replyText = (await reply.textContent()) ?? '';
      // Told a supervisor decides, and by when (the product's SLA: 主管审批2小时内回复).
      expect(replyText).toContain('主管');
      expect(replyText).toContain('2小时');

      const card = boss.page.locator('.approval', { hasText: '退款200元' });
      await card.waitFor();
      expect(await boss.page.evaluate(() => (globalThis as { __noReload?: boolean }).__noReload)).toBe(true);
      expect(await card.locator('.caller').textContent()).toContain(PHONE);
      expect(await card.locator('.due').textContent()).toMatch(/^剩余 [12]小时\d+分\d\d秒$/);
      expect(await card.textContent()).toContain('退款>=100元');
      const id = await card.getAttribute('data-approval-id');
      expect(id).toMatch(/^ap_[0-9a-f]{12}$/);
      await screenshot(boss.page, 'inbox');

      await card.locator('button.approve').click();
      await card.waitFor({ state: 'detached' });
      await boss.page.locator('.inbox .empty').waitFor();

      // Told of the approval, then of the refund carried out.
      const notices = customer.page.locator('.msg.from-notification', { hasText: '退款200元' });
      await notices.first().waitFor();
      expect(await notices.first().textContent()).toContain('批准');
      await screenshot(customer.page, 'chat');

      // Carried out once, under the signed-in supervisor's name.
      expect(await refunds(s.db)).toEqual([-200]);
      const shown = (await (await boss.page.request.get(`${s.url}/api/approvals/${id}`)).json()) as {
        state: string;
        decided_by: string;
      };
      expect(shown.state).toBe('executed');
      expect(shown.decided_by).toBe(SUPERVISOR);
      // Approving again changes nothing.
      expect((await postFromPage(boss.page, `/api/approvals/${id}/approve`, {})).status).toBe(409);
      expect(await refunds(s.db)).toEqual([-200]);

      // A reload picks up the same chat: its lines in order, each notice once, the same call,
      // and it goes on answering.
      await vi.waitFor(async () => expect(await notices.count()).toBe(2));
      const lines = customer.page.locator('.msg p');
      const before = await lines.allTextContents();
      const callOf = () =>
        customer.page.evaluate(() => {
          // Runs in the page (no DOM types here): the chat this tab keeps.
          const storage = (globalThis as unknown as { sessionStorage: Record<string, string> })
            .sessionStorage;
          return Object.entries(storage)
            .filter(([k]) => k.startsWith('cs-chat:'))
            .map(([, v]) => (JSON.parse(v) as { call_id: string }).call_id);
        });
      const callBefore = await callOf();
      await customer.page.reload();
      await notices.nth(1).waitFor();
      expect(await lines.allTextContents()).toEqual(before);
      expect(await callOf()).toEqual(callBefore);
      await sayInChat(customer.page, '谢谢');
      await customer.page.locator('.msg.from-agent:not(.streaming)').nth(2).waitFor();

      expect(pageErrors(boss.page)).toEqual([]);
      expect(pageErrors(customer.page)).toEqual([]);
      await boss.context.close();
      await customer.context.close();
    });

    it('an agent sees the request but no approve button, and the API refuses the agent with 403', async () => {
      const before = await refunds(s.db);
      await chatOverHttp(s.url, await chatToken(s.db, PHONE), ['我要退款300元']);
      const { page, context } = await newPage(s.browser);
      await signIn(page, s.url, AGENT, passwords[AGENT]!);
      const card = page.locator('.approval', { hasText: '退款300元' });
      await card.waitFor();
      expect(await card.locator('button.approve').count()).toBe(0);
      expect(await card.locator('button.reject').count()).toBe(0);
      expect(await card.textContent()).toContain('只有主管可以审批');

      const id = (await card.getAttribute('data-approval-id'))!;
      const refused = await postFromPage(page, `/api/approvals/${id}/approve`, {});
      expect(refused.status).toBe(403);
      const error = (refused.body as { error: { code: string; message: string } }).error;
      expect(error.message).not.toMatch(/\n|\bat .*\.js:\d+/);
      expect(await refunds(s.db)).toEqual(before);
      await context.close();
    });

    it('a supervisor must give a reason to reject; the English console says so in English', async () => {
      const before = await refunds(s.db);
      const { page, context } = await newPage(s.browser, { locale: 'en-US' });
      await signIn(page, s.url, SUPERVISOR, passwords[SUPERVISOR]!);
      const card = page.locator('.approval', { hasText: '退款300元' });
      await card.waitFor();
      expect(await page.locator('nav.tabs').textContent()).toContain('Inbox');
      await card.locator('button.reject').click();
      expect(await card.locator('.error').textContent()).toBe('Say why it is rejected');
      await card.locator('input.reason').fill('退款已在其他渠道处理');
      await card.locator('button.reject').click();
      await card.waitFor({ state: 'detached' });
      expect(await refunds(s.db)).toEqual(before);
      // 中/EN switch.
      await page.locator('.lang-switch button', { hasText: '中' }).click();
      expect(await page.locator('nav.tabs').textContent()).toContain('待审批');
      await context.close();
    });
  },
);

browserSuite(
  'browser: signing in',
  async (db) => {
    await addUser(db, SUPERVISOR, 'supervisor');
  },
  (s) => {
    it('a wrong password is refused with one line; after 5 failures the sign-in says to wait', async () => {
      const { page, context } = await newPage(s.browser);
      await page.goto(s.url);
      const error = page.locator('form.sign-in .error');
      const lines: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.locator('input[name=name]').fill(SUPERVISOR);
        await page.locator('input[name=password]').fill(`wrong-${i}`);
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/login')),
          page.locator('form.sign-in button[type=submit]').click(),
        ]);
        await error.waitFor();
        lines.push((await error.textContent()) ?? '');
      }
      for (const line of lines) {
        expect(line).not.toBe('');
        expect(line).not.toContain('\n');
        expect(line).not.toContain('尝试次数过多');
      }
      await page.locator('input[name=password]').fill('wrong-again');
      await page.locator('form.sign-in button[type=submit]').click();
      await page.locator('form.sign-in .error', { hasText: '尝试次数过多' }).waitFor();
      expect(await page.locator('nav.tabs').count()).toBe(0);
      await context.close();
    });
  },
);
