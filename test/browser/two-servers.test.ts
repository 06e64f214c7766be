import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dropSchema, freshSchemaName, pgSuiteTitle, TEST_DATABASE_URL } from '../contract/pg-test-schema.js';
import { seedRecords } from '../support/seed-records.js';
import {
  addUser,
  chatToken,
  HAVE_CHROMIUM,
  launchChromium,
  newPage,
  openChat,
  PHONE,
  refunds,
  type Served,
  SKIP_REASON,
  sayInChat,
  setBilling,
  signIn,
  startServe,
} from './serve-for-browser.js';

// Many servers, one database: two `cs serve` on one PostgreSQL share live events (LISTEN/NOTIFY),
// so a request raised through one shows in the other's inbox, and a decision made on that one
// reaches the customer's chat open on the first.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SUPERVISOR = '王主管';

if (!HAVE_CHROMIUM) {
  describe('browser: two servers on one PostgreSQL', () => {
    it.skip(SKIP_REASON, () => {});
  });
}

describe.skipIf(!HAVE_CHROMIUM || !TEST_DATABASE_URL)(
  pgSuiteTitle('browser: two servers on one PostgreSQL'),
  () => {
    const schema = freshSchemaName();
    const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;
    let first: Served;
    let second: Served;
    let browser: Browser;
    let password: string;

    beforeAll(async () => {
      await seedRecords(url);
      await setBilling(url);
      password = await addUser(url, SUPERVISOR, 'supervisor');
      [first, second] = await Promise.all([startServe(url), startServe(url)]);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([first?.stop(), second?.stop()]);
      await dropSchema(schema);
    });

    it('a refund asked in a chat on one server appears in the inbox open on the other; approved there, the chat on the first is told', async () => {
      const boss = await newPage(browser);
      await signIn(boss.page, second.url, SUPERVISOR, password);
      await boss.page.locator('.inbox .empty').waitFor();

      const customer = await newPage(browser, { phone: true });
      await openChat(customer.page, first.url, await chatToken(url, PHONE));
      await sayInChat(customer.page, '我要退款200元');
      await customer.page.locator('.msg.from-agent:not(.streaming)').nth(1).waitFor();

      const card = boss.page.locator('.approval', { hasText: '退款200元' });
      await card.waitFor();
      await card.locator('button.approve').click();
      await card.waitFor({ state: 'detached' });

      await customer.page.locator('.msg.from-notification', { hasText: '退款200元' }).first().waitFor();
      expect(await refunds(url)).toEqual([-200]);
    });
  },
);
