import type { CallAgent } from '../agent/call-agent.js';
import { detectLanguage } from '../agent/detect-language.js';
import type { Review } from '../domain/session-schemas.js';
import { buildReview } from './build-review.js';
import type { CallSession } from './call-session.js';
import { parseReview } from './finish-call.js';

/** Words that end a call (DESIGN.md): 结束通话, end call, exit. */
const END_MARKER = /结束通话|挂断电话|\bend (the )?call\b|^\s*(exit|quit)\s*$/i;

/** True when the line ends the call; `rest` is what else the caller said on it. */
export function splitEndMarker(line: string): { ends: boolean; rest: string } {
  if (!END_MARKER.test(line)) return { ends: false, rest: line };
  const rest = line.replace(END_MARKER, '').replace(/^[\s,，。.!！、]+|[\s,，。.!！、]+$/g, '');
  return { ends: true, rest: /[\p{L}\p{N}]/u.test(rest) ? line.trim() : '' };
}

/**
 * Runs the conversation part of a call: the greeting, then one reply per customer line until
 * an end marker or the end of input. Returns the review (validated; the built-in review when
 * the agent's fails). Recording and events are the session's.
 */
export async function runConversation(options: {
  session: CallSession;
  agent: CallAgent;
  lines: AsyncIterable<string>;
  onDelta?: (text: string) => void;
  onReply?: (text: string) => void;
}): Promise<Review> {
  const { session, agent } = options;
  session.prepareKnowledge();
  const greeting = await agent.greet(session.context());
  session.addAgentTurn(greeting);
  options.onReply?.(greeting);
  for await (const raw of options.lines) {
    const line = raw.trim();
    if (line === '') continue;
    const { ends, rest } = splitEndMarker(line);
    if (ends && rest === '') break;
    session.setLanguage(detectLanguage(line, session.record.language));
    session.addCustomerTurn(line);
    const reply = await agent.reply(
      session.context(),
      line,
      options.onDelta === undefined ? undefined : { onDelta: options.onDelta },
    );
    session.addAgentTurn(reply);
    options.onReply?.(reply);
    if (ends) break;
  }
  return reviewCall(session, agent);
}

/** The agent's review, checked against the schema; the built-in one if it fails. */
export async function reviewCall(session: CallSession, agent: CallAgent): Promise<Review> {
  try {
    return parseReview(await agent.review(session.context()), 'The agent review');
  } catch {
    return buildReview(session.record);
  }
}
