// An approval request as the benches write it through `importWork`: request i of many, oldest
// first, pending unless a decided state is given.

/**
 * Approval request i. A pending one is due four hours from now (one a day past due would be
 * expired by the first listing, and the timed ones would list nothing); a decided one was due
 * four hours after it was made and decided when made.
 */
export function approvalRequest(i, decided) {
  const created = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const pending = decided === undefined;
  return {
    id: `ap_${i.toString(16).padStart(12, '0')}`,
    state: pending ? 'pending' : decided,
    created_at: created,
    updated_at: created,
    due_at: pending
      ? new Date(Date.now() + 4 * 3_600_000).toISOString()
      : new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 4 * 3_600_000).toISOString(),
    product_id: `p${(i % 20).toString(16).padStart(7, '0')}`,
    product_name: `产品${i % 20}`,
    customer_id: `c${(i % 5000).toString(16).padStart(7, '0')}`,
    customer_name: `客户${i % 5000}`,
    phone: `138${String(i % 100_000_000).padStart(8, '0')}`,
    call_id: `call_${i}`,
    session_id: null,
    language: 'zh',
    action: '退款200元',
    concept: 'refund',
    amount: { value: 200, unit: 'CNY' },
    rule: '退款超过100元需主管审批',
    reason: 'over the limit',
    rules_hash: 'bench',
    facts: [],
    raised_by: 'rules-agent',
    decided_by: pending ? null : 'supervisor-li',
    decided_at: pending ? null : created,
    decision_note: null,
    grant_id: null,
    idempotency_key: `idem_${i}`,
    execution: null,
  };
}
