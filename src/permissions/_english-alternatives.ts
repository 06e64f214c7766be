/**
 * English rule phrases as an ops team writes them carry more than a caller says: examples in
 * brackets (refund (fuel, extras, duplicate or wrong charges)), states that go without saying
 * (extend an active rental, the renter's own invoice), a trailing circumstance (at the booked
 * daily rate, on the renter's own booking, release a deposit hold early) and lists of things one
 * action takes (change pick-up/return branch, date or time), whom it is for and whose the thing is
 * (for the caller, the account holder's own), relative clauses and terms after a semicolon, verbs
 * listed before the thing they share (book, move or cancel a booking) and steps joined by "and".
 * Each of these is read once, when the rules are compiled, into shorter phrases of the same rule:
 * the phrase without its qualifiers and, for a list, one phrase per thing listed. A request
 * matching one of them matches the rule (decisions 021 and 029).
 *
 * What tells two rules of one action apart stays: the rule's condition (<= $40, > 3 days) is kept
 * for every shorter phrase, manner words (free of charge) and a qualifier before the noun that
 * names a kind (early refill, late cancellation fee) are not dropped, and forbidden rules are read
 * only as written (the person they are about, for someone who is not the renter, is what they are).
 */
import { hasCjk } from '../domain/language.js';
import type { PermissionCategory } from '../domain/record-schemas.js';
import { NOTE_DASH, withoutNotes } from './_rule.js';
import { REPEAT_WORDS_EN } from './_senses.js';

/** A colon that opens what a rule's head names, not one of a time (until 18:00). */
const CASE_COLON = /(?<!\d):(?!\d)/;

/**
 * Adjectives that state what a caller's own thing already is (an active rental, my own invoice),
 * or that any booking made is (a new skip).
 */
const STATE_WORDS = /\b(?:active|current|existing|ongoing|own|formal|official|new)\s+/g;
/**
 * Where the thing comes from as the operator checks it (from depot availability, subject to stock,
 * from the slots the schedule offers, from the windows the diary offers).
 */
const FROM_AVAILABILITY =
  /\s*,?\s+(?:from|subject to|according to|depending on|based on|as per)\s+(?:[a-z-]+\s+){0,2}(?:availability|stock|capacity)\b|\s*,?\s+(?:from|in|within)\s+the\s+(?:slots?|windows?|times?|dates?)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:offers?|shows?|has|allows?)\b/g;
/** An adverb closing the phrase that says when, not what (release a deposit hold early). */
const TRAILING_ADVERB = /\s+(?:early|immediately|manually|promptly)$/;
/** How a copy is made, anywhere in the phrase (exactly as originally issued): the operator's care. */
const AS_ISSUED = /\s+(?:exactly\s+)?as (?:originally |first )?(?:issued|written|sent|recorded)\b/g;
/**
 * A prepositional phrase closing the rule: where or on what terms the action is done (at the
 * booked daily rate, on the renter's own booking, before pick-up). Only when at least two words
 * come before it, so the action and its object stay.
 */
const TRAILING_CIRCUMSTANCE =
  /\s+(?:at|on|in|inside|under|within|during|before|after|using|via|through|with)\s+(?:(?:the|a|an|their|his|her|its|one's|[a-z-]+'s?)\s+)*[£$€]?[a-z0-9-]+(?:\s+[£$€]?[a-z0-9-]+){0,3}$/;
/** What a product calls the one it serves (the caller, the candidate, the account holder …). */
const CUSTOMER =
  'caller|customer|client|member|candidate|patient|account holder|holder|user|guest|passenger|student|tenant|renter|resident|subscriber|cardholder|policyholder';
/**
 * Where a thing is sent, closing the rule (resend it to a corrected email / phone): the address
 * is the caller's to give, not words they must say. Only addresses: "to another account" names
 * whose the thing becomes, and stays.
 */
const SENT_TO =
  /\s+to\s+(?:[\w'-]+\s+){0,4}?(?:email|e-mail|mobile|phone|number|address|inbox|payment method|card|bank account|bank)(?:\s*\/\s*(?:email|e-mail|mobile|phone|number|address))*(?:\s+on file)?$/;
/**
 * The one the product serves named as whose the thing is (the caller's card, the account holder's
 * own appointments): a caller says "my" or nothing. Not another customer's, which is someone else.
 */
const CUSTOMERS_OWN = new RegExp(String.raw`\b(?<!other |another )(?:the\s+)?(?:${CUSTOMER})'s\s+`, 'g');
/**
 * A relative clause closing the phrase (a scheduled transfer that hasn't gone out yet, a charge
 * taken from a bond): the state the operator checks. Only after two words or more, so the action
 * and its object stay.
 */
const RELATIVE_AFTER =
  /\s+(?:(?:that|which|who|whose)\s+|(?:taken|deducted|withheld|kept)\s+(?:from|out of|off)\s+)[\s\S]*$/;
/**
 * A clause closing the rule that states its terms, after a comma (once per client in 12 months,
 * only the amount verified on the invoice, within its 6-month warranty, subject to availability) or
 * a full stop (No charge with 48 hours' notice.), a conjunction (when repeats
 * remain, if the item is unused) or per (up to $40 per incident, per job): the operator
 * checks them; a caller does not say them.
 */
const TERMS_AFTER =
  /(?:\.\s+(?=[a-z])|\s+-\s+(?=free\b|at no\b|no charge\b|within\b|once\b|up to\b)|\s+total\s+(?:in|per|for|over)\s|\s*,\s*one\s+(?:[a-z-]+\s+){0,2}?per\s|\s*,\s*(?:subject to|including|incl\.?)\s|\s*,\s*(?:at no (?:charge|cost|extra cost)|free of charge|once|twice|only|per|first|next|starting|max(?:imum)?|no more than|at most|up to \d|within|(?:claimed|made|requested|reported|filed|lodged)\s+(?:within|before|by)|any (?:amount|sum|value)|whatever the amount|regardless of (?:the )?amount|for (?:clients?|customers?|members?|account holders?) with)\b|\s+(?:when|if|unless|provided|as long as)\s+|\s+per\s+(?:[a-z-]+\s+)?(?:incident|occurrence|visit|customer|client|tenant|household|job|repair|device|booking|order)\b)[\s\S]*$/;

/**
 * A second case of the rule that is a circumstance, not an action (book a test for the caller, or
 * for a 16-17-year-old whose guardian is the caller): who or when the first is done for, which
 * the operator checks. The action is the first case.
 */
const CIRCUMSTANCE_CASE =
  /\s*,\s+or\s+(?:for|to|at|in|on|within|after|before|when|if|where|while|during|by)\s[\s\S]*$/;
/**
 * For the one the product serves, however it names them (for the caller, for the candidate, for
 * a member, for the caller's own boat): the caller asks for themselves and says nothing of it.
 */
// for the policyholder or a named tenant contact: whoever else may ask goes with it.
const FOR_THE_CUSTOMER = new RegExp(
  String.raw`\s+for\s+(?:the|a|an)\s+(?:(?:first-?time|new|existing|returning)\s+)?(?:${CUSTOMER}|owner)(?:'s\s+(?:own\s+)?[a-z-]+|s)?\b(?:\s+or\s+(?:a|an|the|their)\s+(?:named\s+|authori[sz]ed\s+|registered\s+)?[a-z-]+(?:\s+(?:contact|person|user|driver|member))?\b)?`,
  'g',
);

/** In whose name a thing is opened or held (in their own name): the caller's, said by no caller. */
const IN_OWN_NAME =
  /\s+in\s+(?:their|his|her|the caller's|the customer's|the holder's)\s+(?:own\s+)?names?\b/g;

/**
 * Who may ask for it (at the holder's request, at the request of the owner or an authorised
 * contact, from a registered number): the operator checks that; a caller asking says nothing of it.
 */
const AT_WHOSE_REQUEST =
  /\s+(?:at|on)\s+(?:the|their|his|her)\s+(?:[a-z-]+\s+)?request\b(?:\s+of\s+(?:the|a|an)\s+[a-z-]+(?:\s+or\s+(?:the|a|an)\s+(?:authori[sz]ed\s+|named\s+|registered\s+)?[a-z-]+(?:\s+(?:contact|person|user))?)?\b)?|\s+from\s+(?:a|the|their)\s+registered\s+(?:phone\s+|mobile\s+)?number\b/g;

/** Whom the business does it for when that is anyone at all (sell gift vouchers to anyone): no terms. */
const TO_ANYONE = /\s+(?:to|for)\s+(?:anyone|anybody|everyone|everybody|the public|all comers)\b/g;

/**
 * A short other name in brackets right after the rule's name, before its terms: Enquiry on Results
 * (re-mark): … A caller may ask for either name.
 */
const OTHER_NAME = /^[a-z][^(:]*?\(([a-z][a-z' -]{1,24})\)\s*(?::|$)/;

/** A topic of one to three words opening the rule, then a dash and its cases (Food safety - …). */
const TOPIC_BEFORE_DASH = /^([a-z]+(?:\s+[a-z]+){0,2})\s+-\s+\S/;

/** A circumstance opening the rule, before its colon (On the caller's own account:, For members:). */
const CIRCUMSTANCE_FIRST =
  /^(?:on|for|in|within|during|at|with|from|after|before|under|if|when|where|while)\s[^:]*:/;

/**
 * A process named by what is filed (… claims, … appeal, … application, … request) or by the case
 * contested (Disputing a damage charge taken from a bond: …).
 */
const NAMED_PROCESS = /\b(?:claims?|appeals?|applications?|requests?)\s*$|^(?:disput|contest|challeng)\w*\s/;

/** A case counted (a second waiver, a 3rd reissue): what sets it apart from the first. */
const COUNTED_CASE = new RegExp(
  `\\b(?:${REPEAT_WORDS_EN.map((w) => (w.endsWith('*') ? `${w.slice(0, -1)}\\w*` : w)).join('|')})\\b`,
);

/** Between two cases of one rule: "…, or …" (see `englishCases`). */
export const SEVERAL_CASES = /\s*,\s+or\s+/;

/** Between the items of a list: a comma (", or", ", and") or "or". */
// switch auto-renew on or off: two particles of one verb, no list.
const ITEM_SPLIT = /\s*,\s*(?:or\s+|and\s+)?|\s+or\s+(?!(?:off|on|out|in|up|down)\b)/;
/** The same, and a slash (pick-up/return branch). */
const LIST_SPLIT = new RegExp(`\\s*\\/\\s*|${ITEM_SPLIT.source}`);
/** One "and" between a verb's thing and a second thing of one or two words. */
const ONE_AND =
  /^([a-z-]+\s+(?:(?:the|a|an|my)\s+)?[a-z-]+(?:\s+[a-z-]+)?)\s+and\s+((?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)$/;
/** The last two items of a list joined by a bare "and" (sessions and flash pieces). */
const LAST_AND = /^((?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)\s+and\s+((?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)$/;
/** Single-word actions listed before the one thing they share (book, move or cancel the …). */
const VERB_LIST = /^([a-z-]+(?:\s*,\s*[a-z-]+)*,?\s+(?:or|and)\s+[a-z-]+)\s+((?:(?:the|a|an)\s+)?[\s\S]+)$/;
const FUNCTION_WORD = /^(?:a|an|the|my|their|his|her|its|of|to|for|about|on|with|[a-z-]+'s?)$/;
const PREPOSITION = /^(?:at|on|in|within|during|before|after|by|to|from|until|till|for|with|without)$/;

/** A service booked, named by its noun (book a collection, arrange an inspection). */
const BOOKED_SERVICE = /^(?:book|arrange|schedule|order|request)\s+(?:(?:a|an|the)\s+)?([a-z]+)$/;
/** The same, of a thing: book a meter exchange (the thing, then the service). */
const BOOKED_SERVICE_OF =
  /^(?:book|arrange|schedule|order|request)\s+(?:(?:a|an|the)\s+)?(?:free\s+)?(?!(?:a|an|the|free)\b)([a-z]+)\s+([a-z]+)$/;
/** A light verb, then a noun phrase whose last word names the action (set a holiday stop …). */
const LIGHT_VERB_NOUN =
  /^(?:set(?: up)?|put|place|arrange|apply)\s+(?:a|an|the)\s+((?:[a-z-]+\s+)?([a-z-]+))(?:\s+(?:on|for|to|in)\b[\s\S]*)?$/;

/** The verb a caller asks a booked service by (collect it Friday, can you deliver on Monday). */
const VERB_OF_SERVICE: Readonly<Record<string, string>> = {
  collection: 'collect',
  delivery: 'deliver',
  exchange: 'exchange',
  inspection: 'inspect',
  installation: 'install',
  removal: 'remove',
};

/**
 * The shorter phrases an English rule phrase stands for (see the module comment), none when it is
 * short already. `isAction` tells whether a word names an action (the sense table's reading).
 */
export function englishAlternatives(
  phrase: string,
  category: PermissionCategory,
  isAction: (word: string) => boolean,
): string[] {
  if (category === 'forbidden' || !/[a-z]/.test(phrase) || hasCjk(phrase)) return [];
  const otherName = OTHER_NAME.exec(phrase)?.[1]?.trim();
  // Change the Direct Debit date or amount; one payment break …: what follows a semicolon is a
  // term or a step of its own (a step that starts with an action is compiled apart).
  let core = withoutNotes(phrase)
    .replace(EVIDENCE, '')
    .split(/\s*;\s*/)[0]!
    // with 24 hours' or more notice: the apostrophe an amount taken out leaves behind.
    .replace(/\s'(?=\s)/g, '');
  // fan guarantee claim: resale ticket refused at the gate…: the action before the colon, its cases after.
  const colon = core.search(CASE_COLON);
  // Marina Cover Plan claims: storm, theft …: a process named before the colon is one too.
  // What is left before the colon is read on as the phrase (its terms and circumstance dropped).
  // For a registered owner calling from a phone on the account: order a sample …: whom for, with
  // words of its own that read as actions (calling), is still the circumstance.
  if (
    colon > 0 &&
    core.slice(0, colon).includes(' ') &&
    !/^for\s+(?:a|an|the)\s/i.test(core) &&
    (isAction(core.slice(0, colon)) || NAMED_PROCESS.test(core.slice(0, colon)))
  )
    core = core.slice(0, colon).trim();
  // On the caller's own membership: upgrade the tier, switch auto-renew on or off …: where or for
  // whom before the colon, the actions after it.
  else core = actionsAfterCircumstance(core, isAction);
  core = core
    .replace(CIRCUMSTANCE_CASE, '')
    .replace(FOR_THE_CUSTOMER, '')
    .replace(IN_OWN_NAME, '')
    .replace(TO_ANYONE, '')
    .replace(CUSTOMERS_OWN, 'the ')
    .replace(AT_WHOSE_REQUEST, '')
    .replace(STATE_WORDS, '')
    .replace(FROM_AVAILABILITY, '')
    .replace(TRAILING_ADVERB, '')
    .replace(AS_ISSUED, '')
    .replace(SENT_TO, '');
  // waive a missed-appointment fee, once per client in 12 months: the terms after the action.
  const terms = TERMS_AFTER.exec(core);
  // refund per job: a lone action before the terms is the phrase too.
  const before = terms ? core.slice(0, terms.index).trim() : '';
  if (terms && (before.split(' ').length >= 2 || isAction(before))) core = core.slice(0, terms.index);
  const relative = RELATIVE_AFTER.exec(core);
  if (relative && core.slice(0, relative.index).trim().split(' ').length >= 2)
    core = core.slice(0, relative.index);
  // cancel before the test: a lone action before the circumstance is the phrase too. Two joined
  // (at no charge and at any notice) are both the circumstance.
  for (;;) {
    const circumstance = TRAILING_CIRCUMSTANCE.exec(core);
    const acted = circumstance ? core.slice(0, circumstance.index).trim() : '';
    if (!circumstance || !(acted.split(' ').length >= 2 || isAction(acted))) break;
    core = core.slice(0, circumstance.index);
    const joined = /\s+(?:and|or)$/.exec(core);
    if (joined === null) break;
    core = core.slice(0, joined.index);
  }
  core = core
    .replace(/\s*:\s*$/, '')
    .replace(/\s+(?:by|to|until|till|with|for)$/, '')
    .trim();
  const out: string[] = [];
  const add = (p: string): void => {
    // open a new account → open an account: the article of the word left after the one dropped.
    const t = p
      .replace(/\s+/g, ' ')
      .replace(/\ba (?=[aeiou])/g, 'an ')
      .trim();
    // logged for the claims desk, which investigates and answers: a relative clause is what
    // someone else then does, never an action asked.
    if (RELATIVE_LEAD.test(t)) return;
    if (t !== '' && t !== phrase && !out.includes(t)) out.push(t);
  };
  // add or cancel regular cleans, and book, move or cancel one-off jobs: two lists of steps,
  // each read apart.
  const lists = core.split(/,\s+and\s+(?=[a-z-]+\b)/).filter((l, i) => i === 0 || isAction(l));
  const pieces = lists.length > 1 && lists.every((l) => l.includes(' ')) ? lists : [core];
  for (const piece of pieces)
    for (const step of steps(piece, isAction)) {
      const items = listItems(step, isAction) ?? thingsJoined(step, isAction);
      if (items) for (const item of items) add(item);
      else add(step);
    }
  // book a collection: the service booked is asked for by its verb too (collect it Friday).
  for (const p of [...out]) {
    const booked = BOOKED_SERVICE.exec(p);
    const verb = booked ? VERB_OF_SERVICE[booked[1]!] : undefined;
    if (verb !== undefined) add(verb);
    // book a meter exchange, a boiler inspection: the service's verb with the thing it is done to
    // (swap my meter, inspect the boiler).
    const ofThing = BOOKED_SERVICE_OF.exec(p);
    const done = ofThing ? VERB_OF_SERVICE[ofThing[2]!] : undefined;
    if (done !== undefined) add(`${done} ${ofThing![1]}`);
    // set a holiday stop on the account: a light verb before a noun that names the action, which
    // a caller says as the verb (stop the milk for two weeks).
    const named = LIGHT_VERB_NOUN.exec(p);
    if (named && isAction(named[2]!)) add(named[1]!);
  }
  if (otherName !== undefined && otherName.split(' ').length <= 3) add(otherName);
  // Food safety - suspected illness, allergic reaction or a foreign object: a topic of a few words
  // before a dash, its cases after it; naming the topic (the beef made us sick) names the rule.
  const topic = TOPIC_BEFORE_DASH.exec(withoutNotes(phrase))?.[1];
  if (topic !== undefined) add(topic);
  for (const p of remediesOfCircumstances(phrase, isAction)) add(p);
  for (const p of stepsOnTopic(phrase, isAction)) add(p);
  for (const p of stepOnKinds(phrase, isAction)) add(p);
  for (const p of thingsBookedAfterColon(phrase)) add(p);
  return out;
}

/** A relative clause's opening word (which investigates, who answers). */
export const RELATIVE_LEAD = /^(?:which|who|whom|whose|where)\b/i;

/**
 * Book from the service calendar: first visits, make-up visits, Green to Clean ($349 …) and return
 * visits: the things a booking step lists after its colon, each booked alone (book a Green to
 * Clean). A caller names the thing, never the calendar it comes from.
 */
function thingsBookedAfterColon(phrase: string): string[] {
  const text = withoutNotes(phrase).split(NOTE_DASH)[0]!;
  const m = /^(book|schedule|arrange)\b[^:;]*:\s*([^:;]+)$/.exec(text);
  if (m === null) return [];
  const items = m[2]!
    .split(ITEM_SPLIT)
    .flatMap((item) => {
      const pair = LAST_AND.exec(item.trim());
      return pair ? [pair[1]!, pair[2]!] : [item.trim()];
    })
    .filter((item) => item !== '' && item.split(' ').length <= 4);
  return items.length < 2 ? [] : items.map((item) => `${m[1]} ${item}`);
}

/**
 * Refund billing errors exactly as the records show - a duplicate debit order, the old plan price
 * charged after a downgrade took effect - up to R500: the kinds a dash lists after the step's
 * thing, each asked for with the step's verb (refund a duplicate debit order). A caller names the
 * kind, not the category.
 */
function stepOnKinds(phrase: string, isAction: (words: string) => boolean): string[] {
  const m = KINDS_AFTER_DASH.exec(withoutNotes(phrase));
  if (m === null || !isAction(m[1]!)) return [];
  // Each kind keeps its circumstance (a charge after a cancellation took effect): cut, it would
  // be any charge. A kind is a thing named in two words or more (a duplicate charge, wrong plan
  // price): one word alone lost the circumstance the list shares (deliveries, of "deliveries or
  // a service charge during a holiday stop"), and a term, a condition or a step is no kind
  // (considered only for hospitalisation, charged for more litres than the docket).
  const isKind = (k: string): boolean =>
    k.replace(/^(?:a|an|the|any)\s+/, '').includes(' ') && !NOT_A_KIND.test(k) && !isAction(k.split(' ')[0]!);
  const kinds = m[2]!
    .split(ITEM_SPLIT)
    .map((k) => k.trim())
    .filter(isKind);
  // One kind alone is a term of the step (- free until …), not a list of kinds.
  return kinds.length < 2 ? [] : kinds.map((k) => `${m[1]} ${k}`);
}

/** What opens a term or a condition, not a kind: a participle, a preposition, only, if … */
const NOT_A_KIND =
  /^(?:[a-z-]+ed|only|if|when|unless|except|but|not|never|no|with|without|for|to|at|on|in|by|up|within|per|free|same|next)\b/;

/** A verb, its thing, then a dash and what follows up to the next dash or colon. */
const KINDS_AFTER_DASH =
  /^([a-z-]+)\s(?:(?!\s[-–—]\s)[^:;])+?\s[-–—]\s+((?:(?!\s[-–—]\s)[^:;])+?)(?=\s[-–—]\s|\s*[:;]|$)/;

/**
 * Lost property: tell the caller whether …, hold it at the pro shop …, or post it by registered
 * post: the thing named before the colon, and the steps after it done to "it", each asked for
 * alone (post lost property, hold lost property).
 */
function stepsOnTopic(phrase: string, isAction: (words: string) => boolean): string[] {
  const text = withoutNotes(phrase);
  const colon = text.search(CASE_COLON);
  if (colon <= 0) return [];
  const topic = text.slice(0, colon).trim();
  if (topic.split(' ').length > 4 || isAction(topic)) return [];
  const body = text.slice(colon + 1).split(/\s*;\s*|\s+-\s+/)[0]!;
  const out: string[] = [];
  for (const m of body.matchAll(STEP_ON_IT)) {
    const step = `${m[1]} ${topic}`;
    if (isAction(step)) out.push(step);
  }
  return out;
}
/** A step done to the thing before the colon: ", hold it", ", or post them". */
const STEP_ON_IT = /(?:^|,\s*(?:or\s+|and\s+)?|\s+or\s+)([a-z-]+)\s+(?:it|them)\b/g;

/**
 * On the caller's own membership: upgrade the tier, switch auto-renew on or off …: where or for
 * whom before the colon, the actions after it, which are the phrase. Any other phrase as it is.
 */
function actionsAfterCircumstance(core: string, isAction: (word: string) => boolean): string {
  const colon = core.search(CASE_COLON);
  const after = core.slice(colon + 1).trim();
  return colon > 0 && CIRCUMSTANCE_FIRST.test(core) && isAction(after) ? after : core;
}

/**
 * Where the operator finds a case shown (confirmed in the payments record, shown in the journey
 * history): what they check, which a caller does not say.
 */
const EVIDENCE =
  /,?\s+(?:and\s+)?(?:confirmed|shown|verified|recorded|listed|logged|as shown)\s+(?:in|by|on)\s+(?:the\s+)?[a-z -]+?(?=\s*(?:[:,;(]|$))/g;

/**
 * The remedy of a rule written "circumstance: remedy" (duplicate top-up or auto top-up charges
 * confirmed in the payments record: refund the duplicate in full …), said of each case the
 * circumstance lists: refund duplicate top-up, refund auto top-up charges. A caller asks for the
 * remedy by the case it remedies. None where an action comes before the colon (its own phrase).
 */
function remediesOfCircumstances(phrase: string, isAction: (words: string) => boolean): string[] {
  const text = withoutNotes(phrase).replace(EVIDENCE, '');
  const colon = text.search(CASE_COLON);
  if (colon <= 0) return [];
  const before = text.slice(0, colon).trim();
  const verb = /^[a-z-]+/.exec(text.slice(colon + 1).trim())?.[0];
  if (verb === undefined || isAction(before) || !isAction(verb)) return [];
  const cases = before.split(/\s*,\s*(?:or\s+|and\s+)?|\s+or\s+/).map((c) => c.trim());
  if (cases.some((c) => c === '' || c.split(' ').length > 4)) return [];
  return cases.map((c) => `${verb} ${c}`);
}

/** "and" before a verb and its object (and order a replacement): a second step of the rule. */
const AND_STEP = /\s+and\s+(?=[a-z-]+\s+(?:a|an|the|it|them|my|their|its|his|her)\s)/;

/**
 * The steps a phrase joins with "and" (cancel a lost or stolen card and order a standard
 * replacement), each with its own object: either is asked for alone. The phrase itself when the
 * first is no action, or a side is a single word.
 */
function steps(core: string, isAction: (word: string) => boolean): string[] {
  const sides = core.split(AND_STEP).map((s) => s.trim());
  if (sides.length < 2 || sides.some((s) => !s.includes(' ')) || !isAction(sides[0]!)) return [core];
  // …and issue a replacement: a step on the thing before it, which alone would name any giving.
  return sides.filter((s, k) => k === 0 || !ELLIPTICAL_STEP.test(s));
}

/**
 * Refund billing errors exactly as the records show and missed visits through our fault: two
 * things of several words one verb takes, joined by "and" (the second opening with no action),
 * each asked for alone with the verb. Undefined unless both sides name a thing of two words or
 * more: a shorter pair (the deposit and booking fee) is read as a list.
 */
function thingsJoined(step: string, isAction: (word: string) => boolean): string[] | undefined {
  const m = /^([a-z-]+)\s+([\s\S]+?)\s+and\s+([\s\S]+)$/.exec(step);
  if (m === null || !isAction(m[1]!) || / and /.test(m[3]!)) return undefined;
  const words = (t: string) => t.replace(/^(?:a|an|the|any)\s+/, '').split(' ');
  const [first, second] = [words(m[2]!), words(m[3]!)];
  if (first.length < 2 || second.length < 2 || startsWithAction(second, isAction)) return undefined;
  if (FUNCTION_WORD.test(second[0]!) || PREPOSITION.test(second[0]!)) return undefined;
  return [`${m[1]} ${m[2]}`, `${m[1]} ${m[3]}`];
}

/** A step whose thing is the one before it (issue a replacement, send a new one, reopen it). */
const ELLIPTICAL_STEP =
  /^[a-z-]+\s+(?:(?:a|an|the)\s+)?(?:(?:standard|new|free|spare|fresh)\s+)?(?:replacement|new one|one|it|them|another)$/;

/**
 * The cases an English rule joins with ", or" when the second is counted (opening the gate while a
 * balance is owing, or a second late-fee waiver), an action of its own: either is what the rule
 * covers, and the count word belongs to its own case only. Undefined for one case, for a second
 * case not counted (…, or waiving any other fee), or one that leans on the first (…, or a second
 * fee refund, of fee refunds).
 */
export function englishCases(phrase: string, isAction: (phrase: string) => boolean): string[] | undefined {
  if (!/[a-z]/.test(phrase) || hasCjk(phrase)) return undefined;
  const cases = withoutNotes(phrase).split(SEVERAL_CASES);
  if (
    cases.length !== 2 ||
    cases.some((c) => c.trim().split(' ').length < 2) ||
    !isAction(cases[1]!) ||
    !COUNTED_CASE.test(cases[1]!) ||
    elliptical(cases[0]!, cases[1]!)
  )
    return undefined;
  return cases.map((c) => c.trim());
}

/**
 * ATM limit raise above $1,000 a day, or a raise for longer than 3 days: the second case names a
 * word of the first and leans on it for the rest (whose raise): the two are read whole.
 */
function elliptical(first: string, second: string): boolean {
  const own = new Set(
    first
      .split(/[\s/-]+/)
      .filter((w) => w.length >= 4)
      .map((w) => w.replace(/s$/, '')),
  );
  return second.split(/[\s/-]+/).some((w) => w.length >= 4 && own.has(w.replace(/s$/, '')));
}

/**
 * An item of a list that joins two things with "and": service and inspection reports → service
 * reports, inspection reports (one word before the "and" shares the noun after it); product labels
 * and safety data sheets, quotes and job reports → both as they are.
 */
function pairedThings(thing: string[]): string[][] {
  const and = thing.indexOf('and');
  if (and <= 0 || and === thing.length - 1) return [thing];
  const left = thing.slice(0, and);
  const right = thing.slice(and + 1);
  // quotes and job reports: a plural before the "and" is a thing of its own.
  const modifier = left.length === 1 && right.length === 2 && !/s$/.test(left[0]!);
  return modifier ? [[...left, right[1]!], right] : [left, right];
}

/**
 * The whole actions an English rule lists, each with its own object, in any category: hold
 * seats, release unreleased inventory or give out presale codes → three actions. Undefined unless
 * every item starts with an action and names something of its own: a bare verb (look up, change
 * or refund an order) shares the last item's object, and that list is read whole. The items stand
 * for the rule instead of the whole phrase, whose actions and objects would otherwise pair across
 * items (give … seats), so a forbidden rule is no wider than what it lists.
 */
/** The particle of a phrasal verb (sign up, give out), and an article. */
const PARTICLE = /^(?:up|down|out|off|back|over|in)$/;
const ARTICLE = /^(?:a|an|the)$/;

/** Whether the words start with an action: a verb, or a verb with its particle (sign up). */
function startsWithAction(words: readonly string[], isAction: (word: string) => boolean): boolean {
  return (
    isAction(words[0]!) ||
    (words.length > 1 && PARTICLE.test(words[1]!) && isAction(`${words[0]} ${words[1]}`))
  );
}

export function wholeActions(phrase: string, isAction: (word: string) => boolean): string[] | undefined {
  if (!/[a-z]/.test(phrase) || hasCjk(phrase)) return undefined;
  const core = actionsAfterCircumstance(withoutNotes(phrase), isAction).replace(/[:;].*$/, '');
  const items = actionItems(core.split(ITEM_SPLIT), isAction);
  if (items === undefined || items.actions * 2 <= items.items.length) {
    // taking cash or cheques, or refunding to anything other than the card or bank account: cases
    // that each list things of their own, every one opening with its action. Not one that leans
    // on another (…, or waiving any other fee; …, or a second fee refund: see `englishCases`), nor
    // a last case whose terms after a comma are every case's (…, or adding cars, for anyone other
    // than the holder).
    // A case opening with a gerund the sense table does not know (taking cash) opens with an action.
    const cases = actionItems(core.split(SEVERAL_CASES), (w) => isAction(w) || /^[a-z]{2,}ing$/.test(w));
    return cases !== undefined &&
      cases.actions === cases.items.length &&
      !cases.items.some((c, i) => i > 0 && c.includes(',')) &&
      !cases.items.some(
        (c, i) => i > 0 && (/\bother\b(?!\s+than\b)/.test(c) || elliptical(cases.items[0]!, c)),
      )
      ? cases.items
      : undefined;
  }
  // Most items start with an action the sense table knows (hold seats beside release and give out).
  const last = items.items.at(-1)!.split(' ');
  if (startsWithAction(last, isAction)) return items.items;
  // update the card on file or home address: a last thing with no verb is the verb's before it,
  // where every other item opens with its action.
  const before = items.items.at(-2)!.split(' ');
  // Not a noun both share (waive a missed-appointment or late-cancellation fee): the item before
  // names its own thing, in two words or more besides an article.
  const ownThing = before.slice(1).filter((w) => !ARTICLE.test(w) && !PARTICLE.test(w)).length >= 2;
  // Nor a thing with terms of its own (… or deposit for the caller): whose it is reads the list whole.
  const bare = !last.some((w) => PREPOSITION.test(w));
  if (items.actions !== items.items.length - 1 || !startsWithAction(before, isAction) || !ownThing || !bare)
    return undefined;
  const verb = before.length > 1 && PARTICLE.test(before[1]!) ? before.slice(0, 2) : before.slice(0, 1);
  return [...items.items.slice(0, -1), [...verb, ...last].join(' ')];
}

/**
 * Change the standing order, add or remove one-off extras, or change delivery instructions: a
 * lone verb before another action's item shares that item's thing (add one-off extras), where the
 * list has an action with a thing of its own besides. Verbs that all share one thing (book, move
 * or cancel the appointments) are a list of verbs, read as one (see `listItems`).
 */
function withSharedThings(items: readonly string[], isAction: (word: string) => boolean): string[] {
  const out = [...items];
  const borrowed = new Set<number>();
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1]!.split(' ');
    if (out[i]!.includes(' ') || !isAction(out[i]!) || next.length < 2 || !isAction(next[0]!)) continue;
    out[i] = `${out[i]} ${next.slice(1).join(' ')}`;
    borrowed.add(i).add(i + 1);
  }
  if (borrowed.size === 0) return [...items];
  return out.some((_, i) => !borrowed.has(i)) ? out : [...items];
}

/** Items of two words or more with a thing after any verb, and how many open with an action. */
function actionItems(
  split: readonly string[],
  isAction: (word: string) => boolean,
): { items: string[]; actions: number } | undefined {
  const items = withSharedThings(
    split.map((s) => s.trim()),
    isAction,
  );
  if (items.length < 2) return undefined;
  let actions = 0;
  for (const item of items) {
    const words = item.split(' ');
    if (words.length < 2 || /^(?:a|an|the|any|all|some|\d.*)$/.test(words[0]!)) return undefined;
    // A verb with a particle (take down, give out) still needs a thing after it.
    const rest = words.slice(1).filter((w) => !PARTICLE.test(w) && !ARTICLE.test(w));
    if (rest.length === 0) return undefined;
    if (startsWithAction(words, isAction)) actions++;
  }
  return { items, actions };
}

/**
 * One phrase per thing a list names, the action said before the list or the noun after it
 * shared: change pick-up/return branch, date or time → change pick-up, change return branch,
 * change date, change time; toll or traffic fine dispute → toll dispute, traffic fine dispute.
 * Undefined when the phrase lists no things: waive or refund a fee lists actions, each of which
 * the whole phrase names already; return an opened item or after 30 days lists a circumstance.
 */
function listItems(core: string, isAction: (word: string) => boolean): string[] | undefined {
  const segments = core.split(LIST_SPLIT).map((s) => s.trim());
  // re-send the receipts and aftercare sheet: two things one verb takes, joined by a bare "and"
  // (a step of its own, and order a replacement, was split off before); consults, sessions and
  // flash pieces: the last two of a list. Things joined so are things apart: none shares the last
  // one's noun (the deposit and booking fee).
  let apart = false;
  if (segments.length === 1) {
    const pair = ONE_AND.exec(core);
    // e-tickets and receipts: a plural alone is a thing, whatever the lexicon makes of it.
    const thing = (t: string): boolean => /^[a-z-]+s$/.test(t) || !isAction(t.split(' ')[0]!);
    if (pair && isAction(pair[1]!) && thing(pair[2]!)) {
      segments.splice(0, 1, pair[1]!, pair[2]!);
      apart = true;
    }
  } else {
    const last = LAST_AND.exec(segments.at(-1)!);
    if (last && !isAction(last[2]!.split(' ')[0]!)) segments.splice(-1, 1, last[1]!, last[2]!);
  }
  if (segments.length < 2 || segments.some((s) => s === '')) return undefined;
  // remote inverter restart / wi-fi dongle reset: each names its thing, then its own action.
  if (
    segments.every((s) => {
      const words = s.split(' ');
      return words.length >= 2 && words.length <= 4 && isAction(words.at(-1)!);
    })
  )
    return segments;
  // book, move or cancel the appointments and nurse clinics: each action on each thing (a bare
  // "book" is no action, so the whole phrase would ask the caller to say it).
  const verbs = VERB_LIST.exec(core);
  if (verbs) {
    const actions = verbs[1]!.split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/);
    const things = verbs[2]!.split(/\s+(?:and|or)\s+|\s*,\s*/);
    // Only where an action is read with its thing alone (book a …): waive or refund a late fee
    // names each action already, read whole.
    if (
      actions.some((a) => !isAction(a) && isAction(`${a} a`)) &&
      things.every((t) => t.split(' ').length <= 4 && !t.split(' ').some((w) => PREPOSITION.test(w)))
    )
      // cancel the inspection: an action done to another action's noun would be named by either
      // (cancel anything), so such a pair is left to the whole phrase.
      return actions.flatMap((a) =>
        things
          .filter((t) => !(isAction(a) && isAction(t)))
          .map((t) => `${a} ${/^(?:the|a|an|my)\s/.test(t) ? t : `the ${t}`}`),
      );
  }
  const first = segments[0]!.split(' ');
  // transfer to another date or centre: an action read from the words together, led by a verb.
  let verbAt = first.findIndex((w, i) => isAction(w) || isAction(`${w} ${first[i + 1] ?? ''}`));
  if (verbAt < 0 && first.length > 1 && isAction(segments[0]!)) verbAt = 0;
  let prefix: string[] = [];
  let suffix: string[] = [];
  const things = segments.map((s) => s.split(' '));
  if (verbAt >= 0) {
    let end = verbAt + 1;
    while (end < first.length - 1 && FUNCTION_WORD.test(first[end]!)) end++;
    prefix = first.slice(0, end);
    things[0] = first.slice(end);
    // waive a missed-appointment or late-cancellation fee: one word, then a word and the noun they
    // share (a missed-appointment fee).
    const last = things.at(-1)!;
    if (
      !apart &&
      things.length === 2 &&
      things[0]!.length === 1 &&
      last.length === 2 &&
      !/^(?:a|an|the)$/.test(last[0]!)
    )
      suffix = [last.at(-1)!];
  } else {
    // No action before the list: the things share the noun that closes it (traffic fine dispute).
    const last = things.at(-1)!;
    if (last.length < 2 || things.length !== 2 || things[0]!.length !== 1) return undefined;
    suffix = [last.at(-1)!];
  }
  // email the invoices, service and inspection reports, product labels and safety data sheets: an
  // item of the list that is a pair of its own (service and inspection reports share their noun).
  if (verbAt >= 0 && things.length >= 3) things.splice(0, things.length, ...things.flatMap(pairedThings));
  // another date or centre: another centre too.
  const which = /^(?:another|other|different|new)$/.test(things[0]![0] ?? '') ? things[0]![0]! : undefined;
  // free 15-minute design consults, sessions and flash pieces: the first item, after its action,
  // may be longer where the others are short names.
  const firstLonger = verbAt >= 0 && things.slice(1).every((t) => t.length <= 2);
  for (const [k, t] of things.entries()) {
    while (t.length > 0 && /^(?:a|an|the)$/.test(t[0]!)) t.shift();
    if (which !== undefined && t.length === 1) t.unshift(which);
    // An empty thing (waive or refund: a list of actions) or a circumstance: not a list of things.
    if (t.length === 0 || PREPOSITION.test(t[0]!)) return undefined;
    // A list of things is of short names (return branch, date, time). A long item or one with a
    // preposition inside (seats to wheelchair / step-free / easy-access seats in the same or a
    // lower price band) is a sentence the separators only run through: read whole.
    if (t.length > (k === 0 && firstLonger ? 4 : 3) || t.some((w) => PREPOSITION.test(w))) return undefined;
  }
  return things.map((t) => {
    const words = suffix.length > 0 && t.at(-1) === suffix[0] ? t : [...t, ...suffix];
    return [...prefix, ...words].join(' ');
  });
}

/**
 * A forbidden English rule's action on each kind of one thing it lists (reading out gate, garage,
 * alarm or key-safe codes over the phone, even to the account holder → reading out gate codes,
 * reading out garage codes …): a caller asks about one kind. Only what widens the rule is left
 * out (over the phone, even to the holder); the action and the thing stay in every phrase, so
 * none forbids more than the rule. None when the rule lists no kinds of one thing.
 */
export function forbiddenKinds(phrase: string): string[] {
  if (!/[a-z]/.test(phrase) || hasCjk(phrase)) return [];
  const core = withoutNotes(phrase)
    .split(/\s*[;:]\s*/)[0]!
    .replace(/,?\s+even\s+(?:to|for|if|when|with)\b[\s\S]*$/, '')
    .replace(/\s+(?:over|on|by)\s+(?:the\s+)?(?:phone|telephone|email|e-mail|chat)\b/g, '')
    .trim();
  const m = KINDS_OF_ONE_THING.exec(core);
  if (!m) return [];
  const [, action = '', kinds = '', thing = ''] = m;
  // Giving out a code is reading it out or telling it: whichever the caller asks, it is disclosed.
  const actions = DISCLOSING.test(action) ? ['give out', 'read out', 'tell', 'share'] : [action];
  return kinds
    .split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/)
    .filter((k) => k !== '')
    .flatMap((k) => actions.map((a) => `${a} ${k} ${thing}`));
}

/**
 * A forbidden English rule on things put in a place (accepting asbestos, gas bottles, paint or
 * other liquids … in a skip): each thing in the place, which a caller asks whatever their verb
 * (can I chuck the asbestos sheets in the skip). None when the rule lists no such things.
 */
export function forbiddenThingsIn(phrase: string): string[] {
  if (!/[a-z]/.test(phrase) || hasCjk(phrase)) return [];
  const core = withoutNotes(phrase)
    .split(/\s*[;:]\s*/)[0]!
    .split(SEVERAL_CASES)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  const m = THINGS_IN_PLACE.exec(core);
  if (!m) return [];
  const [, action = '', list = '', place = ''] = m;
  const items = list
    .split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/)
    .map((item) => item.replace(/^(?:other|any|all)\s+/, '').trim())
    .filter((item) => item !== '');
  if (items.length < 2 || items.some((item) => item.split(' ').length > 3)) return [];
  // changing a locked quote or an invoice in the records: what is done to a record is the rule, not
  // the record (asking for a copy of the invoice is no change of it).
  return items.map((item) => (ALTERING.test(action) ? `${action} ${item} ${place}` : `${item} ${place}`));
}

/** Verbs of altering a record (changing, amending, backdating): the rule's, said with each thing. */
const ALTERING = /^(?:chang|alter|edit|amend|modif|updat|falsif|back-?dat|rewrit|overwrit|delet)/;

/** An action, the things it takes, and the place they go (accepting …, paint or batteries in a skip). */
const THINGS_IN_PLACE = /^([a-z-]+)\s+(.+?)\s+((?:in|into)\s+(?:a|an|the|any|our|your)\s+[a-z-]+)$/;

/** Actions that tell someone what a thing holds (giving out, reading out, sharing a code). */
const DISCLOSING =
  /^(?:giv(?:e|ing)|read(?:ing)?|tell(?:ing)?|shar(?:e|ing)|disclos(?:e|ing)|reveal(?:ing)?|provid(?:e|ing))(?:\s+(?:out|over))?$/;

/** An action, then one-word kinds joined by commas and "or", then the thing they are kinds of. */
const KINDS_OF_ONE_THING =
  /^([a-z-]+(?:\s+(?:out|up|back|over|away))?)\s+((?:[a-z-]+\s*,\s*)+(?:[a-z-]+\s*,?\s+)?(?:or|and)\s+[a-z-]+)\s+([a-z-]+)$/;
