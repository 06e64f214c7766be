import { CsError } from '../domain/cs-error.js';
import { detectLanguage } from '../domain/language.js';
import type { Review } from '../domain/session-schemas.js';
import { buildReview } from './build-review.js';
import type { CallAgent } from './call-agent.js';
import type { CallSession } from './call-session.js';
import { closingFor } from './closing-words.js';
import { parseReview } from './finish-call.js';
import { isGoodbye } from './goodbye-words.js';

export { isGoodbye };

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
 * an end marker, a goodbye (answered with the operator's closing) or the end of input. Returns the review (validated; the built-in review when
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
    if (isGoodbye(line)) {
      // A goodbye ends the call: the operator's own closing, then the review and the save.
      const closing = closingFor(session.context());
      session.addAgentTurn(closing);
      options.onReply?.(closing);
      break;
    }
    const reply = await replyOrExcuse(session, () =>
      agent.reply(
        session.context(),
        line,
        options.onDelta === undefined ? undefined : { onDelta: options.onDelta },
      ),
    );
    session.addAgentTurn(reply);
    options.onReply?.(reply);
    await session.settled();
    // A supervisor's decision made while the caller is on the line reaches them now.
    for (const n of await session.deliverNotifications()) {
      session.addAgentTurn(n.content);
      options.onReply?.(n.content);
    }
    if (ends) break;
  }
  await session.settled();
  return reviewCall(session, agent);
}

/**
 * The agent's reply; when the database or a backend stays unreachable past its retries
 * (E_UPSTREAM), the caller hears that the system cannot do it right now and the call goes on:
 * what was done is in the call's journal, and nothing is said to be done that was not.
 */
export async function replyOrExcuse(session: CallSession, reply: () => Promise<string>): Promise<string> {
  try {
    return await reply();
  } catch (error) {
    if (!CsError.isInstance(error) || error.code !== 'E_UPSTREAM') throw error;
    return session.record.language === 'en'
      ? 'Sorry, the system cannot do this right now. Please try again a little later.'
      : '非常抱歉，系统暂时无法处理，请您稍后再试。';
  }
}

/** The agent's review, checked against the schema; the built-in one if it fails. */
export async function reviewCall(session: CallSession, agent: CallAgent): Promise<Review> {
  try {
    return parseReview(await agent.review(session.context()), 'The agent review');
  } catch {
    return buildReview(session.record);
  }
}
