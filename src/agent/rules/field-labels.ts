import { type Bilingual, hasCjk, type Language } from '../../domain/language.js';
import { FIELD_PHRASES, FIELD_WORDS } from './field-words.js';

/**
 * A field's name in words (warranty_until → 保修到, used_gb → 已用GB): word by word. In English
 * an unknown word is said as written; in Chinese it is left out (a Chinese caller hears 退款测算,
 * not 退款quote), and a name of unknown words only is empty.
 */
export function fieldLabel(key: string, lang: Language): string {
  const phrase = FIELD_PHRASES[key.replaceAll(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()];
  if (phrase) return phrase[lang];
  const words = key
    .replaceAll(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\s-]+/)
    .filter(Boolean);
  const known = words.map((w) => wordOf(w, lang));
  if (lang === 'zh' && known.every((w) => w === undefined) && !words.some(hasCjk)) return '';
  const spoken = known.map((w, i) => w ?? unknownWord(words[i] ?? '', lang)).filter(Boolean);
  // tree_id with tree unknown: 编号, not a bare 号.
  if (lang === 'zh' && spoken.length === 1 && spoken[0] === '号') return '编号';
  return spoken.join(lang === 'zh' ? '' : ' ');
}

/**
 * A word of the table, or of its singular (coupons of coupon), in the call's language. A plain
 * entry is said in English as the field has it (coupons, not coupon).
 */
function wordOf(word: string, lang: Language): string | undefined {
  const singular = word.replace(/s$/, '');
  const known = entryOf(word) ?? (singular === word ? undefined : entryOf(singular));
  if (known === undefined) return undefined;
  if (typeof known === 'string') return lang === 'zh' ? known : word;
  return known[lang];
}

function entryOf(word: string): string | Bilingual | undefined {
  return Object.hasOwn(FIELD_WORDS, word) ? FIELD_WORDS[word] : undefined;
}

/** A word no table knows: kept in English and where it is Chinese already (消费人). */
function unknownWord(word: string, lang: Language): string {
  return lang === 'en' || hasCjk(word) ? word : '';
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
