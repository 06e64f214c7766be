// Public API of the systems layer: only what is named here.
export { generateMockResponse, type MockResponseInput } from './generate-mock-response.js';
export { createHttpBackend, type HttpBackendOptions } from './http-backend.js';
export {
  type ApprovedActionInput,
  type ApprovedActionResult,
  createMockBackend,
  type MockBackendOptions,
  type MockCapableBackend,
  resetMockState,
  type SystemBackend,
  setMockResponse,
  showMockState,
} from './mock-backend.js';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server.js';
export { type QueryRequest, type ResolvedQuery, resolveQuery } from './resolve-query.js';
export { createSystemBackend, type SystemBackendOptions } from './system-backend.js';
