/**
 * Retrieval over a product's knowledge (faq, common issues with their solutions, features,
 * description) for Chinese and English. Used by the built-in agent, the LLM agent's
 * `search_knowledge` tool and the MCP server.
 */
export { buildKnowledgeIndex, type KnowledgeIndex } from './build-knowledge-index.js';
export { isStaffOnly, POWER_CHARGE, READY_ASKED, STILL_FOR_SALE, WHEN_ZH } from './interface-vocabulary.js';
export { type KnowledgeEntry, knowledgeEntries } from './knowledge-entries.js';
export { productNameWords, stem, tokenize } from './tokenize.js';
