import { describe } from 'vitest';
import { defineCallSaveContract } from './call-save-contract.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';
import { defineRecordStoreContract } from './record-store-contract.js';
import { defineWorkflowContract } from './workflow-contract.js';

warnPgSkipped('RecordStore contract on PostgreSQL');

// Registered either way, so a run without PostgreSQL lists every contract test as skipped.
describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('PostgreSQL store'), () => {
  defineRecordStoreContract('RecordStore contract', makePgTestStore);
  defineCallSaveContract('saving a call', makePgTestStore);
  defineWorkflowContract('work items', makePgTestStore);
});
