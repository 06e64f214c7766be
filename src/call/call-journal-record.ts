import { systemClock } from '../domain/clock.js';
import type { Language } from '../domain/language.js';
import { currentProcess } from '../domain/process-identity.js';
import type { CallJournalHeader, CallJournalWriter } from '../store/call-journal.js';
import type { RecordStore } from '../store/record-store.js';
import {
  CALL_RECORD_LISTS,
  type CallRecordState,
  type CallSession,
  emptyCallRecord,
} from './call-session.js';

/**
 * Starts the journal of a call run by this process and keeps it: every change to the call's
 * record is appended as it happens, so a call that ends any other way than normally is saved
 * by whoever comes next (`recoverCalls`).
 */
export async function journalCall(options: {
  store: RecordStore;
  session: CallSession;
  agent: string;
  tag?: string;
}): Promise<CallJournalWriter> {
  const { session } = options;
  const { product, operator, customer, phone, coldStart } = session.participants;
  const header: CallJournalHeader = {
    call_id: session.callId,
    owner: currentProcess(),
    started_at: session.record.started_at,
    product_id: product._id,
    operator_id: operator._id,
    customer_id: customer._id,
    phone,
    cold_start: coldStart,
    language: session.record.language,
    agent: options.agent,
    ...(options.tag === undefined ? {} : { tag: options.tag }),
  };
  const writer = await options.store.journal.start(header);
  session.onRecord((change) => writer.append(change), { flush: () => writer.flush() });
  return writer;
}

interface Started {
  action: string;
  grant_id: string;
  turn: number;
}

/** Rebuilds a call's record from its journal; changes it does not know are skipped. */
export function replayCallJournal(header: CallJournalHeader, changes: readonly unknown[]): CallRecordState {
  const language: Language = header.language === 'en' ? 'en' : 'zh';
  const record: CallRecordState = {
    ...emptyCallRecord(language, systemClock),
    started_at: header.started_at,
  };
  const lists = new Set<string>(CALL_RECORD_LISTS);
  const started: Started[] = [];
  const notStarted = new Set<string>();
  for (const change of changes) {
    if (typeof change !== 'object' || change === null) continue;
    const { list, entry } = change as { list?: unknown; entry?: unknown };
    if (list === 'language' && (entry === 'zh' || entry === 'en')) record.language = entry as Language;
    else if (list === 'learned' && typeof entry === 'object' && entry !== null)
      record.learned = entry as Record<string, unknown>;
    else if (list === 'action_started' && typeof entry === 'object' && entry !== null)
      started.push(entry as Started);
    else if (list === 'action_not_started' && typeof entry === 'object' && entry !== null)
      notStarted.add(String((entry as { grant_id?: unknown }).grant_id));
    else if (typeof list === 'string' && lists.has(list) && typeof entry === 'object' && entry !== null)
      (record[list as keyof CallRecordState] as unknown[]).push(entry);
  }
  // An action that reached the backend as the call was cut off: recorded, its outcome unknown.
  const done = new Set(record.actions_performed.map((a) => a.grant_id));
  for (const s of started) {
    if (done.has(s.grant_id) || notStarted.has(s.grant_id)) continue;
    const description =
      record.language === 'en'
        ? `${s.action}: started when the call was cut off; outcome unconfirmed, check the system`
        : `${s.action}：通话中断时正在办理，结果未确认，请核实系统`;
    record.actions_performed.push({
      action: s.action,
      description,
      turn: s.turn,
      grant_id: s.grant_id,
      unconfirmed: true,
    });
  }
  return record;
}
