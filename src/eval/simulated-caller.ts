import type { LanguageModel } from 'ai';
import type { Language } from '../domain/language.js';
import type { CallEvent } from '../domain/session-schemas.js';
import type { Persona } from './eval-suite.js';

/** Said by the simulated caller when its goal is met or it gives up: the call ends there. */
const DONE = '[DONE]';

/**
 * A language model playing the caller of a `persona` scenario (EVAL.md): it is told the goal,
 * what it knows and how it talks, sees the call so far, and says its next line. It ends the call
 * when its goal is met or it gives up (or after `max_turns` lines).
 */
export function simulatedCallerLines(options: {
  model: LanguageModel;
  persona: Persona;
  language: Language;
  /** The call's events so far (the agent's replies are read from them). */
  events: readonly CallEvent[];
}): AsyncIterable<string> {
  const { model, persona, language, events } = options;
  const system = personaPrompt(persona, language);
  return {
    async *[Symbol.asyncIterator]() {
      const { generateText } = await import('ai');
      for (let said = 0; said < persona.max_turns; said++) {
        const result = await generateText({ model, system, messages: transcript(events), temperature: 0.7 });
        const raw = result.text.trim();
        const done = raw.includes(DONE);
        const line = raw.replace(DONE, '').trim();
        if (line !== '') yield line;
        if (done || line === '') return;
      }
    },
  };
}

/** The call as the caller heard it: the agent's lines are the other side, the caller's its own. */
function transcript(events: readonly CallEvent[]): Message[] {
  const messages = events.flatMap((e): Message[] =>
    e.type === 'agent'
      ? [{ role: 'user', content: e.content }]
      : e.type === 'customer'
        ? [{ role: 'assistant', content: e.content }]
        : [],
  );
  // A conversation for the model starts with the other side; the greeting always comes first.
  return messages.length > 0 ? messages : [{ role: 'user', content: '(the call is connected)' }];
}

type Message = { role: 'user' | 'assistant'; content: string };

function personaPrompt(persona: Persona, language: Language): string {
  const knows =
    persona.knows === undefined
      ? ''
      : typeof persona.knows === 'string'
        ? persona.knows
        : JSON.stringify(persona.knows);
  return [
    'You are a customer phoning a customer-service line. Stay in role: you are the caller, never the agent.',
    `Your goal: ${persona.goal}`,
    knows ? `What you know (say it only when it helps or when asked): ${knows}` : '',
    persona.style ? `How you talk: ${persona.style}` : '',
    `Speak ${language === 'en' ? 'English' : 'Chinese (简体中文)'}, one short spoken line at a time, as people talk on the phone.`,
    `When your goal is met, or you give up, say a short goodbye and put ${DONE} at the end of that line.`,
  ]
    .filter(Boolean)
    .join('\n');
}
