import { type Bilingual, hasCjk, type Language } from '../../domain/language.js';

/**
 * Words of response fields, for speech. A field is read word by word (warranty_until → 保修 到期),
 * so any interface's fields are spoken sensibly; an unknown word is said as written.
 */
const FIELD_WORDS: Record<string, Bilingual> = {
  used: { zh: '已用', en: 'used' },
  left: { zh: '剩余', en: 'left' },
  principal: { zh: '本金', en: 'principal' },
  bonus: { zh: '赠送', en: 'bonus' },
  valid: { zh: '有效', en: 'valid' },
  deposit: { zh: '押金', en: 'deposit' },
  // A job's or a production's steps (current_stage, expected_ship, size, material).
  current: { zh: '当前', en: 'current' },
  stage: { zh: '阶段', en: 'stage' },
  expected: { zh: '预计', en: 'expected' },
  ship: { zh: '发货', en: 'ship' },
  size: { zh: '尺寸', en: 'size' },
  material: { zh: '材料', en: 'material' },
  quota: { zh: '总容量', en: 'quota' },
  largest: { zh: '最大的', en: 'largest' },
  folder: { zh: '文件夹', en: 'folder' },
  status: { zh: '状态', en: 'status' },
  online: { zh: '在线', en: 'online' },
  firmware: { zh: '固件版本', en: 'firmware' },
  warranty: { zh: '保修', en: 'warranty' },
  until: { zh: '到', en: 'until' },
  last: { zh: '最近', en: 'last' },
  seen: { zh: '在线时间', en: 'seen' },
  date: { zh: '日期', en: 'date' },
  fare: { zh: '票价', en: 'fare' },
  amount: { zh: '金额', en: 'amount' },
  fee: { zh: '费用', en: 'fee' },
  price: { zh: '价格', en: 'price' },
  item: { zh: '商品', en: 'item' },
  order: { zh: '订单', en: 'order' },
  id: { zh: '号', en: 'number' },
  eta: { zh: '预计', en: 'expected in' },
  progress: { zh: '进度', en: 'progress' },
  due: { zh: '到期', en: 'due' },
  min: { zh: '最低', en: 'minimum' },
  payment: { zh: '还款', en: 'payment' },
  statement: { zh: '账单', en: 'statement' },
  credit: { zh: '信用', en: 'credit' },
  limit: { zh: '额度', en: 'limit' },
  available: { zh: '可用', en: 'available' },
  distance: { zh: '距离', en: 'distance' },
  estimate: { zh: '预估', en: 'estimate' },
  flight: { zh: '航班', en: 'flight' },
  paid: { zh: '付款', en: 'paid' },
  delivered: { zh: '签收', en: 'delivered' },
  deleted: { zh: '删除', en: 'deleted' },
  restorable: { zh: '可恢复', en: 'restorable' },
  at: { zh: '时间', en: 'on' },
  days: { zh: '天数', en: 'days' },
  since: { zh: '距', en: 'since' },
  delivery: { zh: '签收', en: 'delivery' },
  changes: { zh: '改签', en: 'changes' },
  delay: { zh: '延误', en: 'delay' },
  minutes: { zh: '分钟', en: 'minutes' },
  name: { zh: '名称', en: 'name' },
  type: { zh: '类型', en: 'type' },
  balance: { zh: '余额', en: 'balance' },
  plan: { zh: '套餐', en: 'plan' },
  expire: { zh: '到期', en: 'expires' },
  expires: { zh: '到期', en: 'expires' },
  next: { zh: '下次', en: 'next' },
  billing: { zh: '扣费', en: 'billing' },
  points: { zh: '积分', en: 'points' },
  level: { zh: '等级', en: 'level' },
  tier: { zh: '等级', en: 'tier' },
  remaining: { zh: '剩余', en: 'remaining' },
  total: { zh: '合计', en: 'total' },
  count: { zh: '数量', en: 'count' },
  time: { zh: '时间', en: 'time' },
  rider: { zh: '骑手', en: 'rider' },
  driver: { zh: '司机', en: 'driver' },
  courier: { zh: '快递员', en: 'courier' },
  technician: { zh: '师傅', en: 'technician' },
  transaction: { zh: '交易', en: 'transaction' },
  record: { zh: '记录', en: 'record' },
  subscription: { zh: '订阅', en: 'subscription' },
  start: { zh: '开始', en: 'start' },
  end: { zh: '结束', en: 'end' },
  auto: { zh: '自动', en: 'auto' },
  renew: { zh: '续费', en: 'renewal' },
  refund: { zh: '退款', en: 'refund' },
  charge: { zh: '扣费', en: 'charge' },
  overage: { zh: '超出', en: 'overage' },
  speed: { zh: '速率', en: 'speed' },
  drop: { zh: '断线', en: 'drop' },
  fault: { zh: '故障', en: 'fault' },
  cycle: { zh: '周期', en: 'cycle' },
  station: { zh: '电站', en: 'station' },
  pile: { zh: '桩', en: 'charger' },
  no: { zh: '号', en: 'number' },
  gift: { zh: '赠送', en: 'gift' },
  invoice: { zh: '发票', en: 'invoice' },
  title: { zh: '抬头', en: 'title' },
  to: { zh: '退至', en: 'to' },
  kwh: { zh: '电量(度)', en: 'kWh' },
  energy: { zh: '电量', en: 'energy' },
  idle: { zh: '占位', en: 'idle' },
  electricity: { zh: '电', en: 'electricity' },
  // Where and when a visit is made (city, district, period, installed_on, repairs).
  city: { zh: '城市', en: 'city' },
  district: { zh: '区', en: 'district' },
  period: { zh: '时段', en: 'time' },
  slot: { zh: '时段', en: 'slot' },
  installed: { zh: '安装', en: 'installed' },
  on: { zh: '于', en: 'on' },
  repairs: { zh: '维修记录', en: 'repairs' },
  repair: { zh: '维修', en: 'repair' },
  promised: { zh: '承诺', en: 'promised' },
  arrival: { zh: '到达', en: 'arrival' },
  arrived: { zh: '到达', en: 'arrived' },
  service: { zh: '服务', en: 'service' },
  storage: { zh: '存储', en: 'storage' },
  members: { zh: '成员', en: 'members' },
  member: { zh: '成员', en: 'member' },
  organizer: { zh: '管理者', en: 'organiser' },
  device: { zh: '设备', en: 'device' },
  devices: { zh: '设备', en: 'devices' },
  pending: { zh: '待', en: 'pending' },
  uploads: { zh: '上传', en: 'uploads' },
  backup: { zh: '备份', en: 'backup' },
  errors: { zh: '错误', en: 'errors' },
  channel: { zh: '渠道', en: 'channel' },
  location: { zh: '位置', en: 'location' },
  result: { zh: '结果', en: 'result' },
  desc: { zh: '', en: '' },
  description: { zh: '', en: '' },
};

/** Fields said as one phrase, not word by word (check_in is not "check" and "in"). */
const FIELD_PHRASES: Record<string, Bilingual> = {
  check_in: { zh: '入住', en: 'check-in' },
  checkin: { zh: '入住', en: 'check-in' },
  check_out: { zh: '离店', en: 'check-out' },
  checkout: { zh: '离店', en: 'check-out' },
  room_type: { zh: '房型', en: 'room' },
  estimated_fare: { zh: '预估车费', en: 'estimated fare' },
  estimated_amount: { zh: '预估金额', en: 'estimated amount' },
  refund_of: { zh: '对应扣费', en: 'refund of' },
  // 号 alone (订单号, 交易号 keep it) reads as a house number.
  id: { zh: '编号', en: 'number' },
  number: { zh: '号码', en: 'number' },
  last_active: { zh: '最近使用', en: 'last active' },
  progress_pct: { zh: '进度', en: 'progress' },
  reason: { zh: '原因', en: 'for' },
  discount: { zh: '优惠', en: 'discount' },
  original_transaction_id: { zh: '原交易号', en: 'original transaction' },
};

/**
 * A field's name in words (warranty_until → 保修到, used_gb → 已用GB): word by word, an unknown
 * word said as written.
 */
export function fieldLabel(key: string, lang: Language): string {
  const phrase = FIELD_PHRASES[key.replaceAll(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()];
  if (phrase) return phrase[lang];
  const words = key
    .replaceAll(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\s-]+/)
    .filter(Boolean);
  const spoken = words.map((w) => FIELD_WORDS[w]?.[lang] ?? FIELD_WORDS[w.replace(/s$/, '')]?.[lang] ?? w);
  return spoken.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/**
 * What the product calls an interface's fields, read from the list its description gives after a
 * colon (查询本人的停车月卡：卡名称、价格、开始和到期日期、总次数、已用次数、剩余次数), so that a
 * record is said in the product's words (剩余8次, not 剩余entries 8) and asked about in them.
 *
 * A name is given to a field only when the field's words share a two-character word with it and
 * with no other name (align): anything less certain keeps the field's own words, for a wrong name
 * would state a wrong fact.
 */
export function describedLabels(
  description: string | undefined,
  fields: readonly string[] | undefined,
  /**
   * `said`: names by place only where most fields share a character with theirs, so that no
   * fact is said under another's name. `kept`: by place wherever the shared words allow, so that
   * a name marked as kept from callers (门禁密码（仅供上门师傅使用）) finds its field.
   */
  use: 'said' | 'kept' = 'said',
): ReadonlyMap<string, string> {
  if (description === undefined || fields === undefined || fields.length === 0) return NO_LABELS;
  const key = `${use}\u0000${description}\u0000${fields.join(',')}`;
  let labels = LABELS_CACHE.get(key);
  if (labels === undefined) {
    const names = listedNames(description);
    const paired = align(names, fields);
    labels = inOrder(names, fields, paired, use) ?? paired;
    if (LABELS_CACHE.size >= 256) LABELS_CACHE.clear();
    LABELS_CACHE.set(key, labels);
  }
  return labels;
}

/** No field named in the product's words. */
export const NO_LABELS: ReadonlyMap<string, string> = new Map();
const LABELS_CACHE = new Map<string, ReadonlyMap<string, string>>();

/** What a name ends with that a name joined to it by 和/及 shares (开始和到期日期 → 开始日期). */
const SHARED_TAIL = /(?:日期|时间|次数|金额|状态|原因|编号|单号|名称|数量|天数)$/;

/**
 * An interface's description in its two parts: what the interface is (查询本人的停车月卡), and
 * what it lists after a colon (套餐名称、价格…), '' when it lists nothing.
 */
export function describedParts(description: string): { what: string; listed: string } {
  const colon = description.search(/[:：]/);
  return colon < 0
    ? { what: description, listed: '' }
    : { what: description.slice(0, colon), listed: description.slice(colon + 1) };
}

/** The names a description lists after its colon, up to the end of that sentence. */
function listedNames(description: string): string[] {
  const { listed } = describedParts(description);
  if (listed === '' || !hasCjk(description)) return [];
  const list = listed.split(/[；;。]/)[0]!.replaceAll(/（[^）]*）|\([^)]*\)/g, '');
  return list
    .split(/[、，,]/)
    .map((n) => n.trim())
    .filter((n) => hasCjk(n))
    .flatMap(joinedNames);
}

/**
 * 开始和到期日期 → 开始日期, 到期日期; 冻结状态及原因 → 冻结状态, 冻结原因; 最近登录和登录时间 →
 * 最近登录, 登录时间; 违约金和退款 → 违约金, 退款: two names joined by 和/及/与, each made whole.
 */
function joinedNames(name: string): string[] {
  const m = /^(.+?)(?:以及|和|及|与)(.+)$/.exec(name);
  if (!m) return [name];
  const [, left = '', right = ''] = m;
  // 付款时间和渠道 names the channel of paying; 违约金和退款 names two things.
  if (right.length <= 2 && (SHARED_TAIL.test(left) || left.startsWith('是否')))
    return [left, `${left.replace(/^是否/, '').replace(SHARED_TAIL, '')}${right}`];
  const tail = SHARED_TAIL.exec(right)?.[0];
  if (tail !== undefined && left.length <= 2) return [`${left}${tail}`, right];
  return [left, right];
}

/**
 * Two-character words that many fields share (日期, 状态 …): they pair no name with a field alone.
 */
const COMMON_PAIR = /^(?:日期|时间|状态|金额|次数|编号|号码|记录|类型|名称|数量|天数|是否)$/;

/** The two-character words of a name or a field's words, beyond the common ones. */
function pairsOf(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    if (/^[\u3400-\u9fff]{2}$/.test(pair) && !COMMON_PAIR.test(pair)) out.add(pair);
  }
  return out;
}

/**
 * Names paired with fields that share a two-character word with them (剩余次数 ~ remaining_swaps,
 * 剩余), only where the pairing is one to one: the name is akin to no other field, nor the field
 * to another name.
 */
function align(names: readonly string[], fields: readonly string[]): ReadonlyMap<string, string> {
  if (names.length === 0) return NO_LABELS;
  const fieldPairs = fields.map((f) => pairsOf(fieldLabel(f, 'zh')));
  const akin = names.map((name) => {
    const own = pairsOf(name);
    return fieldPairs.map((pairs) => [...pairs].some((p) => own.has(p)));
  });
  const out = new Map<string, string>();
  names.forEach((name, i) => {
    const matched = fields.flatMap((_, j) => (akin[i]![j] ? [j] : []));
    if (matched.length !== 1) return;
    const j = matched[0]!;
    if (akin.filter((row) => row[j]).length === 1) out.set(fields[j]!, name);
  });
  return out;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A field a description's list leaves out: the list whose entries the other fields describe
 * (bookings, payments), or the id of what the interface was asked about (order_id of a bill).
 */
const OUTSIDE_LIST = /s$|_list$|^items?$|_id$|_no$|^id$/;

/**
 * Names given to fields by their order, when the description lists one name for each field (the
 * list that holds them, or the id asked about, aside) in the order the fields are declared:
 * 起步价、实际里程、超公里费 for base_fee, distance_km, extra_km_fee. Only when every field paired
 * by shared words sits at the same place (with none paired, when most share a character with the
 * name at their place), and no field shares a word with a name at another place only: a list out
 * of order would give a field another's name, which states a wrong fact.
 */
function inOrder(
  names: readonly string[],
  fields: readonly string[],
  paired: ReadonlyMap<string, string>,
  use: 'said' | 'kept',
): ReadonlyMap<string, string> | undefined {
  if (names.length < 3) return undefined;
  const listed =
    fields.length === names.length
      ? fields
      : fields.length === names.length + 1 && OUTSIDE_LIST.test(fields[0]!)
        ? fields.slice(1)
        : undefined;
  if (listed === undefined) return undefined;
  for (const [field, name] of paired) if (listed.indexOf(field) !== names.indexOf(name)) return undefined;
  const namePairs = names.map(pairsOf);
  let akin = 0;
  for (const [j, field] of listed.entries()) {
    const label = fieldLabel(field, 'zh');
    const own = pairsOf(label);
    // 天数 of days_left in 剩余天数 at its place, and in 合同天数 too: no sign of another place.
    const elsewhere = [...own].some((p) => !namePairs[j]!.has(p) && namePairs.some((pairs) => pairs.has(p)));
    if (elsewhere) return undefined;
    if ([...label].some((c) => CJK.test(c) && names[j]!.includes(c))) akin++;
  }
  // None paired one to one (服务 of service_kind is in 服务类型 and 已服务天数 both): most fields
  // share a character with the name at their place. To say a fact by its name, that holds however
  // many are paired: two fields that happen to sit at their names' places (赛事 of event_id) do
  // not make a list of another shape (赛事、日期和鸣枪时间、起终点 for event_id, name, race_date,
  // venue) one name per field.
  if ((paired.size === 0 || use === 'said') && akin * 2 < listed.length) return undefined;
  return new Map(listed.map((field, j) => [field, names[j]!]));
}

/**
 * A name in a description's list marked as kept from callers: access notes (technician use only),
 * lockbox notes (cleaner use only), crew notes (internal), 巡检员手机号（仅供内部调度）, 备注（内部）,
 * risk flag (not to be read out).
 */
const KEPT_FROM_CALLERS =
  /\b(?:internal|staff|technicians?|crew|drivers?|office|team|ops|operations|engineers?|installers?|inspectors?)\b[^)）]{0,20}\b(?:use|only|eyes)\b|\b(?!(?:customer|caller|client|member|your|own|personal|home)\b)[a-z]+ (?:use|eyes) only\b|\binternal\b|\bnot (?:for|to be) (?:customers|callers|read out|shared|given out|disclosed)\b|\bnever (?:read|given|said) out\b|\bdo not (?:read out|disclose|share)\b|内部|仅供|仅限(?!本人|客户|来电)|不对外|不告知|勿告知|不得告知|不可告知|不可透露|不得透露|勿透露|不得向[\u4e00-\u9fff]{1,6}(?:透露|告知|说)|不(?:能|可|要)(?:向|跟|对)[\u4e00-\u9fff]{1,6}(?:透露|告知|说)/i;

/** A field whose name says it is kept for staff (internal_only, staff_notes, _audit), whatever the description says. */
const INTERNAL_FIELD = /^_|internal|staff_?only|staff_?notes|confidential|内部/i;

/**
 * The response fields an interface's description marks as kept from callers (see
 * KEPT_FROM_CALLERS): each marked name of its list, paired with the one field whose words it
 * holds (access notes → access_notes, 巡检员手机号 → inspector_phone by a shared two-character word).
 * A mark the description puts on the whole interface is `isStaffOnly`'s.
 */
export function keptFromCallers(
  description: string | undefined,
  fields: readonly string[] | undefined,
): ReadonlySet<string> {
  if (description === undefined || fields === undefined || fields.length === 0) return NONE_KEPT;
  const key = `${description}\u0000${fields.join(',')}`;
  let kept = KEPT_CACHE.get(key);
  if (kept === undefined) {
    const marked = new Set<string>();
    kept = marked;
    const { listed, what } = describedParts(description);
    const labels = describedLabels(description, fields, 'kept');
    // Marks are read inside the brackets after a name; the brackets hold commas of their own.
    const pieces = (listed === '' ? what : listed).split(/[、，,;；。](?![^(（]*[)）])/);
    for (const piece of pieces) {
      const mark = /[(（]([^)）]*)[)）]/.exec(piece);
      if (mark === null || !KEPT_FROM_CALLERS.test(mark[1]!)) continue;
      const name = piece.slice(0, mark.index).trim();
      const field = fieldNamed(name, fields, labels);
      if (field !== undefined) marked.add(field);
    }
    // internal_only含欠费停电户明细…，只供营销稽查使用，不得向来电人透露: a sentence of the description
    // that opens with a field's name and keeps what it holds from callers.
    for (const clause of description.split(/[；;。\n]/)) {
      const opening = /^\s*([A-Za-z][A-Za-z0-9_]*)/.exec(clause)?.[1];
      if (opening !== undefined && fields.includes(opening) && KEPT_FROM_CALLERS.test(clause))
        marked.add(opening);
    }
    for (const f of fields) if (INTERNAL_FIELD.test(f)) marked.add(f);
    if (KEPT_CACHE.size >= 256) KEPT_CACHE.clear();
    KEPT_CACHE.set(key, kept);
  }
  return kept;
}

const NONE_KEPT: ReadonlySet<string> = new Set();
const KEPT_CACHE = new Map<string, ReadonlySet<string>>();

/**
 * The one field a listed name stands for: the field the product's names give it (describedLabels:
 * 门禁密码 of door_pin, by order), every word of the field's in the name (access notes →
 * access_notes), or in Chinese one two-character word shared with that field alone.
 */
function fieldNamed(
  name: string,
  fields: readonly string[],
  labels: ReadonlyMap<string, string>,
): string | undefined {
  for (const [field, label] of labels) if (label === name) return field;
  const words = new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  const byWords = fields.filter((f) => {
    const own = f
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    return (
      own.length > 0 && own.every((w) => words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, '')))
    );
  });
  if (byWords.length === 1) return byWords[0];
  if (!hasCjk(name)) return undefined;
  const own = pairsOf(name);
  const akin = fields.filter((f) => [...pairsOf(fieldLabel(f, 'zh'))].some((p) => own.has(p)));
  return akin.length === 1 ? akin[0] : undefined;
}
