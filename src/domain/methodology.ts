/** The three service methodologies the seed names; anything else is a custom methodology. */
export const METHODOLOGY_NAMES = ['HEAR', 'LAST', 'LEARN'] as const;
export type MethodologyName = (typeof METHODOLOGY_NAMES)[number];

/** One step of a methodology: a stable key plus its Chinese and English labels. */
export interface MethodologyStep {
  step: string;
  zh: string;
  en: string;
}

/**
 * The steps of each standard methodology, in order. The conversation agent walks them during a
 * call; references/service-methodologies.md explains what each step asks of an agent.
 *
 * @example METHODOLOGY_STEPS.LAST.map((s) => s.en) // ['Listen', 'Apologize', 'Solve', 'Thank']
 */
export const METHODOLOGY_STEPS: Record<MethodologyName, MethodologyStep[]> = {
  HEAR: [
    { step: 'hear', zh: '倾听', en: 'Hear' },
    { step: 'empathize', zh: '共情', en: 'Empathize' },
    { step: 'apologize', zh: '道歉', en: 'Apologize' },
    { step: 'resolve', zh: '解决', en: 'Resolve' },
  ],
  LAST: [
    { step: 'listen', zh: '倾听', en: 'Listen' },
    { step: 'apologize', zh: '道歉', en: 'Apologize' },
    { step: 'solve', zh: '解决', en: 'Solve' },
    { step: 'thank', zh: '感谢', en: 'Thank' },
  ],
  LEARN: [
    { step: 'listen', zh: '倾听', en: 'Listen' },
    { step: 'empathize', zh: '共情', en: 'Empathize' },
    { step: 'ask', zh: '询问', en: 'Ask' },
    { step: 'resolve', zh: '解决', en: 'Resolve' },
    { step: 'notify', zh: '告知', en: 'Notify' },
  ],
};

/**
 * What the agent follows for a custom methodology: the operator's own fields still shape the
 * wording, but the call always moves through these four steps.
 */
export const CUSTOM_METHODOLOGY_STEPS: MethodologyStep[] = [
  { step: 'acknowledge', zh: '回应', en: 'Acknowledge' },
  { step: 'verify', zh: '核实', en: 'Verify' },
  { step: 'resolve', zh: '解决', en: 'Resolve' },
  { step: 'close', zh: '结束', en: 'Close' },
];

// A standard name at the start, not followed by another letter: "hear", "LAST策略", "LEARN v2"
// match; "LEARNING" or "HEART" do not.
const STANDARD_NAME = /^\s*(HEAR|LAST|LEARN)(?![A-Za-z])/i;

/**
 * The standard methodology an operator's `methodology` field names, or undefined for a custom one.
 *
 * @example standardMethodology('learn') // 'LEARN'
 */
export function standardMethodology(name: string): MethodologyName | undefined {
  const match = STANDARD_NAME.exec(name.normalize('NFKC'));
  return match ? (match[1]!.toUpperCase() as MethodologyName) : undefined;
}

/**
 * The steps to walk for a methodology name (case-insensitive); a custom name gets the fallback
 * acknowledge → verify → resolve → close. Returns fresh objects the caller may change.
 *
 * @example methodologySteps('HEAR').map((s) => s.step) // ['hear', 'empathize', 'apologize', 'resolve']
 * @example methodologySteps('先安抚后解决').map((s) => s.step) // ['acknowledge', 'verify', 'resolve', 'close']
 */
export function methodologySteps(name: string): MethodologyStep[] {
  const standard = standardMethodology(name);
  const steps = standard ? METHODOLOGY_STEPS[standard] : CUSTOM_METHODOLOGY_STEPS;
  return steps.map((s) => ({ ...s }));
}
