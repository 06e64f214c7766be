import { describe } from 'vitest';
import { MemoryRecordStore } from '../../src/store/memory/memory-record-store.js';
import { defineCallSaveContract } from './call-save-contract.js';
import { defineRecordStoreContract } from './record-store-contract.js';
import { defineWorkflowContract } from './workflow-contract.js';

describe('memory store (the test double)', () => {
  defineRecordStoreContract('RecordStore contract', async () => ({
    store: new MemoryRecordStore(),
    cleanup: async () => undefined,
  }));
  defineCallSaveContract('saving a call', async () => ({
    store: new MemoryRecordStore(),
    cleanup: async () => undefined,
  }));
  defineWorkflowContract('work items', async () => ({
    store: new MemoryRecordStore(),
    cleanup: async () => undefined,
  }));
});
