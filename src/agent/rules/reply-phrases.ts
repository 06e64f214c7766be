import type { Language } from '../../domain/language.js';

/** Short spoken phrases the built-in agent uses besides the operator's own. */
export const PHRASES = {
  zh: {
    ack: ['好的，我明白了。', '嗯，您说的情况我了解了。', '好的，我来看一下。'],
    apology: '给您添麻烦了，实在不好意思。',
    greetingReply: '您好！请问有什么可以帮您？',
    askDetails: '您能具体说说是什么情况吗？',
    thank: '感谢您的耐心。',
    authority: '规则是系统定的，我这边没办法跳过，还是按正常流程帮您看。',
    queryFailed: '系统这会儿没查到您的信息，我先帮您记下来，核实后尽快回复您。',
    offerCancelRenew: '如果您不想继续扣费，我可以帮您把自动续费关掉。',
    noSubscriptions: '我查了一下，您的账户下目前没有开通中的会员服务。',
    noAnswer: '这个我这边没有查到确切的说明，不好随便答复您。还有其他我可以先帮您看的吗？',
    englishOk: '',
    wouldGiveBack: (sum: string) => `按记录，这样办的话可以退您${sum}；您确定要办再跟我说。`,
  },
  en: {
    ack: ['Got it.', 'Okay, I understand.', 'Sure, let me take a look.'],
    apology: 'Sorry for the trouble.',
    greetingReply: 'Hi! How can I help you today?',
    askDetails: 'Could you tell me a bit more about what happened?',
    thank: 'Thanks for your patience.',
    authority: "The rules are set by the system, so I can't skip them. I'll handle this the normal way.",
    queryFailed:
      "I can't pull up your details right now. I'll note this down and get back to you once I've checked.",
    offerCancelRenew: 'If you want to stop the charges, I can switch off auto-renewal for you.',
    noSubscriptions: "I checked, and there's no active subscription on your account right now.",
    noAnswer:
      "I don't have a reliable answer to that here, and I'd rather not guess. Is there anything else I can check for you?",
    englishOk: 'Sure, we can continue in English.',
    wouldGiveBack: (sum: string) =>
      `By our records, that would give you ${sum} back; just tell me if you want to go ahead.`,
  },
} as const;

export function phrases(language: Language) {
  return PHRASES[language];
}

/** Picks a phrase deterministically by turn, so calls replay the same way. */
export function pick<T>(list: readonly T[], turn: number): T | undefined {
  if (list.length === 0) return undefined;
  return list[((turn % list.length) + list.length) % list.length];
}

/** A rule that says its own "no" (禁止透露…, 不得…, Never …, No …): quoted, not negated again. */
const NEGATED_RULE =
  /^(?:禁止|严禁|不得|不能|不可|不准|不允许|不予|无权|未经|没有)|^(?:never|no|not|don't|do not)\b/i;

/**
 * The reason a forbidden rule gives, said in a sentence whatever form the rule was written in:
 * 透露其他用户信息 and "disclose other customers' data" follow "not allowed to"; "Telling anyone
 * about another account", 会员信息… and 禁止… are quoted as the rule's own words.
 */
export function forbiddenReason(rule: string, language: Language): string {
  const text = rule.trim().replace(/[。.；;]+$/, '');
  if (language === 'zh') return NEGATED_RULE.test(text) ? `按规定，${text}` : `按规定不能${text}`;
  if (/^[a-z]/.test(text) && !NEGATED_RULE.test(text)) return `our rules don't allow us to ${text}`;
  return `it's against our rules: ${text}`;
}
