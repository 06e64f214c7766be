/**
 * Who a Chinese rule sends a request up to, read the same way where the rule's name drops it
 * (`actionLabel`) and where the agent names the approver to the caller (`approverOf`).
 */

/** The supervisor any rule means, named in its own words. */
const SUPERVISOR_ZH = '主管|上级|领导';
/** Those a rule may name as deciding instead (店长, 值班经理, 站长). */
const NAMED_APPROVER_ZH = '店长|经理|站长|组长|主任|馆长|园长|校长';

/** A Chinese rule's tail that says where the request goes (的整笔报主管, 须报经理审批, 整笔报门店店长). */
export const ROUTED_ZH = new RegExp(
  `(?<=[\\u4e00-\\u9fff])的?[,，]?(?:须|需|要|需要|应)?(?:整笔|全部|一律|都)?(?:上报|报|转|交|提交)给?(?:门店|客服|运营|值班|区域|财务)?(?:${SUPERVISOR_ZH}|${NAMED_APPROVER_ZH})(?:处理|审批|复核|决定|审核|批)?$`,
);

/** Who decides what a Chinese rule sends up: 须店长, 金额再小也要门店店长批, 整笔报运营主管. */
const APPROVER_ZH = new RegExp(
  `(?:须|需|要|由|报|交|经|请|找)(?:门店|客服|运营|值班|区域|财务)?(${NAMED_APPROVER_ZH})(?:批|审批|同意|决定|核定|审核|定|处理|签字)?`,
);

/**
 * The one a Chinese rule names as deciding what it sends up (店长 of 金额再小也要门店店长批), to be
 * named to the caller; undefined where it names none, or names the supervisor any rule means.
 */
export function approverOf(rule: string | null): string | undefined {
  if (rule === null) return undefined;
  return APPROVER_ZH.exec(rule)?.[1];
}
