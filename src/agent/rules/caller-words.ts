import type { CallContext } from '../../call/call-agent.js';
import { tokenize } from '../../knowledge/index.js';
import { asWritten } from './as-written.js';

/** Each line the caller said, as written (a turn's words never change, nor its call's product). */
const writtenLines = new WeakMap<object, string>();

/**
 * Every line the caller has said in the call so far, as the agent reads the line it answers
 * (`asWritten`): an earlier line read raw would not match this one's reading (好久 beside 多久).
 */
export function callerLines(ctx: CallContext): string[] {
  return ctx.conversation
    .filter((t) => t.role === 'customer')
    .map((t) => {
      let line = writtenLines.get(t);
      if (line === undefined) {
        line = asWritten(ctx, t.content);
        writtenLines.set(t, line);
      }
      return line;
    });
}

/** What the caller said last in the call, if anything (the line being answered). */
export function lastCallerLine(ctx: CallContext): string | undefined {
  return callerLines(ctx).at(-1);
}

/** Every word the caller has said in the call so far (the knowledge tokenizer's terms). */
export function callerWords(ctx: CallContext): Set<string> {
  return new Set(tokenize(callerLines(ctx).join('，')));
}

/**
 * Spoken spellings of English words as callers in St Helena, West Africa and the Caribbean write
 * them (wot, wid, sumtin, dem), in the standard spelling the agent's readings know. Only words
 * with one meaning: "ent" (isn't, hasn't, didn't) and "ya" (you, your) stay as said.
 */
const SPOKEN_SPELLINGS: Readonly<Record<string, string>> = {
  wot: 'what',
  wid: 'with',
  sumtin: 'something',
  sumting: 'something',
  nuttin: 'nothing',
  nutting: 'nothing',
  nutin: 'nothing',
  ting: 'thing',
  tings: 'things',
  dem: 'them',
  dat: 'that',
  tink: 'think',
};
const SPOKEN_SPELLING = new RegExp(`\\b(?:${Object.keys(SPOKEN_SPELLINGS).join('|')})\\b`, 'gi');

/** A caller's English line with its spoken spellings in the standard one (see `SPOKEN_SPELLINGS`). */
export function inStandardSpelling(line: string): string {
  return line.replace(SPOKEN_SPELLING, (w) => SPOKEN_SPELLINGS[w.toLowerCase()] ?? w);
}
