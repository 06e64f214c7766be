import { standardMethodology } from '../../domain/methodology.js';
/** The pieces of one reply; the methodology decides their order and which are spoken. */
export interface ReplyParts {
  ack?: string | undefined;
  empathy?: string | undefined;
  apology?: string | undefined;
  resolve: string[];
  ask?: string | undefined;
  notify?: string | undefined;
  thank?: string | undefined;
  closing?: string | undefined;
}

/**
 * Orders a reply by the operator's methodology:
 * HEAR  Hear → Empathize → Apologize → Resolve
 * LAST  Listen → Apologize → Solve → Thank
 * LEARN Listen → Empathize → Ask → Resolve → Notify
 * others (custom) acknowledge → resolve → ask, the common core of the three.
 */
export function composeReply(methodology: string, parts: ReplyParts): string {
  // The one reading of a methodology name (domain/methodology.ts): "HEART" is a custom one.
  const m = standardMethodology(methodology);
  let order: Array<string | undefined>;
  if (m === 'HEAR') {
    order = [parts.ack, parts.empathy, parts.apology, ...parts.resolve, parts.notify, parts.ask];
  } else if (m === 'LAST') {
    order = [parts.ack, parts.apology, ...parts.resolve, parts.notify, parts.ask, parts.thank];
  } else if (m === 'LEARN') {
    const ask = parts.resolve.length === 0 ? parts.ask : undefined;
    order = [
      parts.ack,
      parts.empathy,
      ask,
      ...parts.resolve,
      parts.notify,
      parts.resolve.length > 0 ? parts.ask : undefined,
    ];
  } else {
    order = [parts.ack, parts.empathy, ...parts.resolve, parts.notify, parts.ask];
  }
  order.push(parts.closing);
  return joinSpoken(order.filter((s): s is string => typeof s === 'string' && s.trim() !== ''));
}

/** Joins sentences the way they are spoken: no space in Chinese, one space in English. */
export function joinSpoken(sentences: string[]): string {
  let out = '';
  for (const s of sentences) {
    const t = s.trim();
    if (out === '') out = t;
    else out += /[\u3400-\u9fff。！？，]$/.test(out) && /^[\u3400-\u9fff“"'《]/.test(t) ? t : ` ${t}`;
  }
  return out;
}
