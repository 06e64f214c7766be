/**
 * The permission engine: reads what callers ask for and decides it against a product's
 * `operator_permissions`, by meaning rather than by substring.
 */

export { withoutTakingBack } from './_analyze.js';
export { asksWhatARecordHolds } from './_denied-roles.js';
export { MONEY_BACK_CONCEPTS } from './_lexicon.js';
export { standardRegionalWords } from './_normalize.js';
export { amountIn } from './_reasons.js';
export { NOTE_DASH } from './_rule.js';
export { DUPLICATE_RULE, exceptedRole, LATE_CIRCUMSTANCE } from './_rule-exceptions.js';
export { WINDOW_RULE } from './_senses.js';
export type {
  CheckPermissionOptions,
  CountedAmount,
  CountedTotal,
  PermissionDecision,
  PermissionPart,
} from './check-permission.js';
export {
  checkPermission,
  otherPartyUnder,
  saysOvercharged,
  saysWhatABanQuotes,
  toldCircumstance,
} from './check-permission.js';
export type { CompiledRules, CompiledRulesJson, RuleAction } from './compile-rules.js';
export { compiledRulesFromJson, compiledRulesToJson, compileRules, ruleActions } from './compile-rules.js';
export { conceptLabel } from './concept-label.js';
export { contradictsRule } from './contradicts-rule.js';
export type { ActionConcept, ActionRequest } from './find-action-requests.js';
export { findActionRequests, readActionRequests } from './find-action-requests.js';
export type { OtherParty, OtherPartyOptions } from './find-other-party.js';
export { asksOthersData, findOtherParty } from './find-other-party.js';
export { parseNumber } from './parse-number.js';
export type { Currency, Quantity, QuantityFamily } from './parse-quantities.js';
export { CURRENCY_WORDS, isMoneyUnit, numbersSaid, parseQuantities } from './parse-quantities.js';
export { approverOf } from './rule-approver.js';
