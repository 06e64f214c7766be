import { CsError } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import { detectLanguage } from '../../domain/language.js';
import { normalizePhone } from '../../domain/phone.js';
import { checkInputSize } from '../../domain/size-limits.js';
import { checkPermissionOperation, querySystemOperation } from '../../operations/call-operations.js';
import { checkPermission, compileRules } from '../../permissions/index.js';
import { productPermissions } from '../../records/product-permissions.js';
import { resolveRecord } from '../../records/resolve-record.js';
import { renderPermissionBlock } from '../../render/permission-block.js';
import { renderSystemQueryBlock } from '../../render/system-query-block.js';
import { createSystemBackend, resolveQuery, setMockResponse, showMockState } from '../../systems/index.js';
import { type CliContext, parseJsonObject, parsePhoneFlag } from '../cli-context.js';
import { runCliOperation } from '../run-cli-operation.js';

/** A free-text flag (an action, a caller's words): something to act on, within the size limit. */
function requiredText(value: string, flag: string): string {
  if (value.trim() === '')
    throw new CsError('E_USAGE', `${flag} must not be empty: say what is asked, e.g. 退款200元.`);
  checkInputSize(value, flag);
  return value;
}

/** `cs permit`: the permission block for an action (recorded into a live session with --session). */
export async function permitCommand(
  ctx: CliContext,
  options: { product?: string; action: string; session?: string; lang?: Language },
): Promise<number | undefined> {
  requiredText(options.action, '--action');
  const store = await ctx.store();
  const lang = options.lang ?? detectLanguage(options.action, 'zh');
  if (options.session) {
    await runCliOperation(ctx, checkPermissionOperation, {
      call_id: options.session,
      action: options.action,
      product: options.product,
      language: options.lang,
    });
    return undefined;
  }
  if (!options.product) throw new CsError('E_USAGE', 'Give --product (or --call ID).');
  const product = await resolveRecord(store, 'product', { name: options.product });
  const decision = checkPermission(compileRules(productPermissions(product)), options.action);
  ctx.emit(decision, () => renderPermissionBlock(decision, { lang, sla: String(product.sla ?? '') }));
  return undefined;
}

/** `cs query`: a system query block; a failed query exits 1 after printing its block. */
export async function queryCommand(
  ctx: CliContext,
  options: {
    product?: string;
    phone?: string;
    interface?: string;
    endpoint?: string;
    param?: Record<string, string>;
    session?: string;
    lang?: Language;
  },
): Promise<number | undefined> {
  if ((options.interface === undefined) === (options.endpoint === undefined)) {
    throw new CsError('E_USAGE', 'Give exactly one of --interface NAME or --endpoint PATH.');
  }
  // Checked before any store is opened: on every store a bad number is bad input (exit 2).
  const givenPhone = options.phone === undefined ? undefined : parsePhoneFlag(options.phone);
  if (options.session) {
    const out = await runCliOperation(ctx, querySystemOperation, {
      call_id: options.session,
      interface: options.interface,
      endpoint: options.endpoint,
      params: options.param,
      product: options.product,
      phone: givenPhone,
      language: options.lang,
    });
    return out.result.ok ? undefined : 1;
  }
  if (!options.product || givenPhone === undefined)
    throw new CsError('E_USAGE', 'Give --product and --phone (or --call ID).');
  const store = await ctx.store();
  const product = await resolveRecord(store, 'product', { name: options.product });
  const phone = givenPhone;
  const target = {
    ...(options.interface === undefined ? {} : { interfaceName: options.interface }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.param === undefined ? {} : { params: options.param }),
  };
  const resolved = resolveQuery({ product, phone, ...target });
  const result = await createSystemBackend({ store, env: ctx.env }).query(resolved, { product, phone });
  const lang = options.lang ?? 'zh';
  ctx.emit(result, () => renderSystemQueryBlock(result, { lang, phone }));
  return result.ok ? undefined : 1;
}

export async function mockSetCommand(
  ctx: CliContext,
  options: { product: string; phone: string; interface: string; response: string },
): Promise<number | undefined> {
  parsePhoneFlag(options.phone);
  const store = await ctx.store();
  const product = await resolveRecord(store, 'product', { name: options.product });
  const interfaces = Object.keys((product.api_interfaces ?? {}) as Record<string, unknown>);
  if (!interfaces.includes(options.interface)) {
    throw new CsError(
      'E_NOT_FOUND',
      `Product "${product.name}" has no interface "${options.interface}"; it has: ${interfaces.join(', ') || 'none'}.`,
    );
  }
  const response = parseJsonObject(options.response, '--response');
  const state = await setMockResponse(store, product._id, options.phone, options.interface, response);
  ctx.emit(
    state,
    () =>
      `已设置 Mock response set: ${product.name} / ${normalizePhone(options.phone)} / ${options.interface}`,
  );
  return undefined;
}

export async function mockShowCommand(
  ctx: CliContext,
  options: { product?: string; phone?: string },
): Promise<number | undefined> {
  const store = await ctx.store();
  const product = options.product
    ? await resolveRecord(store, 'product', { name: options.product })
    : undefined;
  const states = await showMockState(store, product?._id, options.phone);
  // JSON is snake_case everywhere.
  const rows = states.map((s) => ({ product_id: s.productId, phone: s.phone, state: s.state }));
  ctx.emit(rows, () =>
    states.length === 0
      ? '暂无 Mock 状态 No mock state yet.'
      : states.map((s) => `## ${s.productId} / ${s.phone}\n${JSON.stringify(s.state, null, 2)}`).join('\n\n'),
  );
  return undefined;
}

/** `cs mock-server`: serves until interrupted; only the database's customers unless --any-caller. */
export async function mockServerCommand(
  ctx: CliContext,
  options: { port: string; anyCaller?: boolean },
): Promise<number | undefined> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CsError('E_USAGE', '--port must be 0 to 65535.');
  const store = await ctx.store();
  const { startMockServer } = await import('../../systems/index.js');
  const server = await startMockServer({ store, port, anyCaller: options.anyCaller === true });
  ctx.emit(
    { url: server.url, port: server.port },
    () => `Mock 后端已启动 Mock backend listening on ${server.url}`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return undefined;
}
