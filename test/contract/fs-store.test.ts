import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { defineCallSaveContract } from './call-save-contract.js';
import { defineRecordStoreContract } from './record-store-contract.js';
import { defineWorkflowContract } from './workflow-contract.js';

describe('file store', () => {
  defineRecordStoreContract('RecordStore contract', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cs-contract-fs-'));
    const store = new FsRecordStore(join(root, 'customer_service'));
    return { store, cleanup: () => rm(root, { recursive: true, force: true }) };
  });
  defineCallSaveContract('saving a call', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cs-contract-fs-'));
    const store = new FsRecordStore(join(root, 'customer_service'));
    return { store, cleanup: () => rm(root, { recursive: true, force: true }) };
  });
  defineWorkflowContract('work items', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cs-contract-fs-'));
    const store = new FsRecordStore(join(root, 'customer_service'));
    return { store, cleanup: () => rm(root, { recursive: true, force: true }) };
  });
});
