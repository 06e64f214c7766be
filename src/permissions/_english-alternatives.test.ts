import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishAlternatives, forbiddenThingsIn, wholeActions } from './_english-alternatives.js';
import { detectConcepts } from './_lexicon.js';
import { hasAction, scanSenses } from './_meaning.js';
import { checkPermission } from './check-permission.js';
import { compileRules } from './compile-rules.js';

const isAction = (w: string): boolean => hasAction(scanSenses(w));
/** As the compiler reads an action: a sense's, or a lexicon concept's (upgrade). */
const namesAction = (w: string): boolean => detectConcepts(w).length > 0 || isAction(w);

describe('englishAlternatives: an English rule phrase without its qualifiers', () => {
  it.each<[phrase: string, alternatives: string[]]>([
    // Examples in brackets, open or closed.
    ['issue credit (late delivery, missing items', ['issue credit']],
    ['replace a device (cracked screen, dead battery)', ['replace a device']],
    // A state a caller's own thing already has, a trailing circumstance.
    [
      'renew an active membership for the listed monthly price',
      ['renew an membership for the listed monthly price'],
    ],
    ['renew an active membership at the listed monthly price', ['renew an membership']],
    // The customer named as the owner: a caller says "my" or nothing.
    ["reprint the member's own receipt", ['reprint the receipt']],
    ['unlock a locker early', ['unlock a locker']],
    // Lists of things one action takes: one phrase each, the action before shared.
    [
      "move drop-off/collection slot, day or hour on the customer's own order",
      ['move drop-off', 'move collection slot', 'move day', 'move hour'],
    ],
    ['parking or speeding fine dispute', ['parking dispute', 'speeding fine dispute']],
    // Where a thing is sent, an address or its alternatives; whose it becomes stays.
    [
      'cancel an unclaimed gift transfer and resend it to a corrected email / phone',
      ['cancel an unclaimed gift transfer and resend it'],
    ],
    // The action before a colon, its cases after it.
    ['fee refund: charged in error or as goodwill', ['fee refund']],
    // Things named before their own actions, each its own phrase.
    ['remote boiler restart / thermostat reset', ['remote boiler restart', 'thermostat reset']],
    // Single-word actions before the things they share: each action on each thing.
    [
      'book, move or cancel a grooming slot or bath slot',
      [
        'book a grooming slot',
        'book the bath slot',
        'move a grooming slot',
        'move the bath slot',
        'cancel a grooming slot',
        'cancel the bath slot',
      ],
    ],
    // The same with the things named bare.
    [
      'book, move or cancel lessons and court hire',
      [
        'book the lessons',
        'book the court hire',
        'move the lessons',
        'move the court hire',
        'cancel the lessons',
        'cancel the court hire',
      ],
    ],
    // An action on another action's noun is left whole: alone it would name any cancelling.
    [
      'book or cancel a grooming slot or inspection',
      ['book a grooming slot', 'book the inspection', 'cancel a grooming slot', 'inspect'],
    ],
    // Sent to whatever address is on file: the caller's to give. Two things one verb takes, each
    // asked for alone.
    [
      "re-send e-tickets and receipts to the account holder's email on file",
      ['re-send e-tickets', 're-send receipts'],
    ],
    ['re-send the receipts and aftercare sheet', ['re-send the receipts', 're-send the aftercare sheet']],
    ['refund the deposit and booking fee', ['refund the deposit', 'refund the booking fee']],
    [
      'book free 15-minute design consults, sessions and flash pieces for the caller',
      ['book free 15-minute design consults', 'book sessions', 'book flash pieces'],
    ],
    ['adding an authorised person or changing the registered keeper', []],
    // Two steps joined by "and", each with its object.
    [
      'cancel a lost or stolen badge and order a replacement badge',
      ['cancel a lost badge', 'cancel a stolen badge', 'order a replacement badge'],
    ],
    // A later step on the thing before it is no phrase alone (it would name any giving).
    ['deactivate a lost fob and issue a replacement', ['deactivate a lost fob']],
    // The customer as owner, a closing relative clause, a term after a semicolon, the original card.
    ["resend the customer's receipt", ['resend the receipt']],
    ['cancel a standing order that has not gone out yet', ['cancel a standing order']],
    [
      'change the billing date or amount; one payment holiday a year',
      ['change the billing date', 'change the amount'],
    ],
    ['refund to the original card', ['refund']],
    // Whom it is for, and a second case that only says for whom else.
    ['book a class for the member, or for a child whose parent is the member', ['book a class']],
    // Terms after a comma: how much is no thing of the list.
    ['reimbursing hotel or taxi costs, any amount', ['reimbursing hotel costs', 'reimbursing taxi costs']],
    [
      'formal complaint about a driver or dispatcher',
      ['complaint about a driver', 'complaint about a dispatcher'],
    ],
    // Where the thing comes from as the operator checks it, and what any booking made is (new).
    ['book a new skip from depot availability', ['book a skip']],
    // A price a trailing circumstance names; a service booked, asked by its verb too.
    [
      'book a collection, or an exchange at the hire price minus £25',
      ['book a collection', 'book an exchange', 'collect', 'exchange'],
    ],
  ])('%s', (phrase, alternatives) => {
    expect(englishAlternatives(phrase, 'can_approve_immediately', isAction)).toEqual(alternatives);
  });
  it.each([
    // Who may ask, with the one it is for: none of it is said by a caller asking.
    ['cancel a cask visit at the request of the owner or an authorised contact', ['cancel a cask visit']],
  ])('%s', (phrase, alternatives) => {
    expect(englishAlternatives(phrase, 'can_approve_immediately', isAction)).toEqual(alternatives);
  });

  it('reads two lists of steps joined by ", and" apart, without the slots offered or the terms after a dash', () => {
    const read = englishAlternatives(
      "add or skip regular cleans, and book, move or cancel one-off cleans or gutter clears from the slots the schedule offers - free with 24 hours' notice",
      'can_approve_immediately',
      namesAction,
    );
    expect(read).toContain('book the gutter clears');
    expect(read.some((a) => /schedule|notice/.test(a))).toBe(false);
  });

  it.each<[phrase: string]>([
    // A list of actions, each named by the whole phrase already; a circumstance listed.
    ['waive or refund a late fee'],
    ['return an opened item or after'],
    // Short already, or a kind named by its qualifier before the noun.
    ['early refill'],
    ['refund'],
    ['waive the late cancellation fee'],
    ['transfer a course to another account'],
    // Separators running through a sentence, not a list of short names.
    ['move the seats to wheelchair / step-free / easy-access seats in the same or a lower price band'],
    // Chinese phrases have their own reading.
    ['退款'],
  ])('%s stays as written', (phrase) => {
    expect(englishAlternatives(phrase, 'requires_supervisor', isAction)).toEqual([]);
  });

  it('reads forbidden rules only as written', () => {
    expect(
      englishAlternatives(
        'change or cancel a booking for someone who is not the renter',
        'forbidden',
        isAction,
      ),
    ).toEqual([]);
    expect(
      englishAlternatives("reveal other members' data (names, phone numbers)", 'forbidden', isAction),
    ).toEqual([]);
  });
});

describe('englishAlternatives: a service booked for a thing', () => {
  it('reads "book … a meter exchange" as the exchange of the meter too (swap my meter)', () => {
    expect(
      englishAlternatives(
        'book a free leak check, meter reading visit or meter exchange',
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('exchange meter');
  });
});

describe('englishAlternatives: a light verb before the noun that names the action', () => {
  it('reads "set a holiday stop" as the holiday stop a caller asks for', () => {
    expect(
      englishAlternatives(
        "set a holiday stop on the caller's own account for in a row (no charge)",
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('holiday stop');
  });
  it('keeps a noun that names no action whole', () => {
    expect(
      englishAlternatives(
        "set a reminder on the caller's own account (no charge)",
        'can_approve_immediately',
        isAction,
      ),
    ).not.toContain('reminder');
  });
});

describe('wholeActions: a rule listing whole actions, each with its own object', () => {
  it('reads each action apart, in any category', () => {
    expect(wholeActions('hold seats, release unreleased inventory or give out vouchers', isAction)).toEqual([
      'hold seats',
      'release unreleased inventory',
      'give out vouchers',
    ]);
    expect(
      wholeActions('cancel (delist) a listing before it sells, or change the list price', isAction),
    ).toEqual(['cancel a listing before it sells', 'change the list price']);
  });

  it('gives a lone verb the thing of the action after it, beside actions with things of their own', () => {
    expect(
      wholeActions(
        'change the standing order, add or remove one-off extras or change delivery instructions',
        isAction,
      ),
    ).toEqual([
      'change the standing order',
      'add one-off extras',
      'remove one-off extras',
      'change delivery instructions',
    ]);
  });

  it('reads the actions after a circumstance and its colon, a last thing taking the verb before it', () => {
    expect(
      wholeActions(
        "on the caller's own membership (primary member): upgrade the tier (pay the difference; new benefits from 72 hours after), switch auto-renew on or off, update the card on file or home address",
        namesAction,
      ),
    ).toEqual([
      'upgrade the tier',
      'switch auto-renew on or off',
      'update the card on file',
      'update home address',
    ]);
    // A noun the items share, and a thing with terms of its own, keep the list whole.
    expect(
      wholeActions(
        'waive a missed-appointment or late-cancellation fee, once per client in 12 months',
        namesAction,
      ),
    ).toBeUndefined();
    expect(
      wholeActions(
        "changing, cancelling or refunding another person's booking or deposit for the caller",
        namesAction,
      ),
    ).toBeUndefined();
  });

  it('reads cases that each list things of their own apart, when every case opens with its action', () => {
    expect(
      wholeActions(
        'taking cash or cheques, or refunding to anything other than the card or bank account',
        isAction,
      ),
    ).toEqual(['taking cash or cheques', 'refunding to anything other than the card or bank account']);
    // The second leans on the first: one rule.
    expect(
      wholeActions(
        'waiving a second missed-appointment fee within 12 months, or waiving any other fee or charge',
        isAction,
      ),
    ).toBeUndefined();
  });

  it.each([
    // Bare verbs share the last object; things, not actions; a note after a colon.
    ['look up, change or refund an order for anyone else'],
    ['fee refund or waiver per order'],
    ['lost or stolen physical tickets'],
    ["disclose another customer's details: name, email, phone"],
    ['refund'],
  ])('%s stays whole', (phrase) => {
    expect(wholeActions(phrase, isAction)).toBeUndefined();
  });
});

describe('englishAlternatives: the terms after the action', () => {
  const isAction = (w: string): boolean => /waive|request|refund/.test(w);
  it('drops a clause of terms after a comma or a condition after when/if', () => {
    expect(
      englishAlternatives(
        'waive a no-show fee, once per member in 6 months',
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('waive a no-show fee');
    expect(
      englishAlternatives(
        'request a refill when refills remain on the script',
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('request a refill');
  });
});

describe('checkPermission: a fee waived once in a window of time', () => {
  const rules = compileRules({
    can_approve_immediately: ['Waive a no-show fee, once per member in 6 months'],
    requires_supervisor: ['Waiving any other fee'],
    requires_process: [],
    forbidden: [],
  });
  it('approves the waiver asked with no span of time said, and names it without the window', () => {
    const d = checkPermission(rules, 'could you waive the no show fee for me');
    expect(d.status).toBe('can_approve_immediately');
    expect(d.label).not.toMatch(/6 months/);
  });
});

describe('englishAlternatives: two kinds of one thing after a verb', () => {
  it('gives the first kind the noun the list closes with', () => {
    expect(
      englishAlternatives('waive a no-show or late-arrival fee', 'can_approve_immediately', isAction),
    ).toEqual(expect.arrayContaining(['waive a no-show fee', 'waive a late-arrival fee']));
  });
});

describe('englishAlternatives: a warranty window after a comma, and terms per job', () => {
  it('drops ", within its 12-month guarantee" and a circumstance whose words hold a number', () => {
    expect(
      englishAlternatives(
        'free redo of the same alteration on a garment we altered, within its 3-month guarantee',
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('free redo of the same alteration');
  });
});

describe('checkPermission: a goodwill refund per job, asked in callers’ own words', () => {
  const rules = compileRules({
    can_approve_immediately: [
      'Goodwill credit or refund up to £30 per job (a missed booking, a wasted trip)',
    ],
    requires_supervisor: ['Any refund or credit above £30 per job'],
    requires_process: [],
    forbidden: [],
  });
  it.each(['gimme twenty pound back for my trouble', 'give me twenty-five pounds back', 'refund me £15'])(
    'approves %j within the limit',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
    },
  );
  it('sends £45 back to a supervisor', () => {
    expect(checkPermission(rules, 'gimme forty-five pounds back').status).toBe('requires_supervisor');
  });
});

describe('checkPermission: the words that carry an English rule’s grammar are no words to say', () => {
  const rules = compileRules({
    can_approve_immediately: ['Waive a late fee charged while the account was frozen'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });
  it('approves the waiver asked with "when" for the rule\'s "while" and "was"', () => {
    expect(
      checkPermission(rules, 'please waive the late fee you charged when my account was frozen').status,
    ).toBe('can_approve_immediately');
  });
});

describe('englishAlternatives: two circumstances joined by "and", and a domain word before a thing', () => {
  it('drops "at no charge and at any notice" and lists each verb', () => {
    expect(
      englishAlternatives(
        'book, move or cancel return appointments (in office, phone or video) at no charge and at any notice',
        'can_approve_immediately',
        isAction,
      ),
    ).toEqual([
      'book the return appointments',
      'move the return appointments',
      'cancel the return appointments',
    ]);
  });
  const rules = compileRules({
    can_approve_immediately: [
      'Book, move or cancel return appointments (in office, phone or video) at no charge and at any notice',
      'Cancel a return that has not been lodged and refund any fee paid in full',
      'Re-send copies of the lodged return',
    ],
    requires_supervisor: ['Fee refund or waiver per return'],
    requires_process: [],
    forbidden: [],
  });
  it.each(['can you move my appointment to Saturday', 'Can I book an appointment for Friday morning?'])(
    'leaves out the domain word before what is moved or booked: %j',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
    },
  );
  it('keeps the word before an action (fee refund): a refund is not a fee refund', () => {
    const tickets = compileRules({
      can_approve_immediately: [
        'Refund a postponed / rescheduled / moved event order in full (face value + service fees + order processing fee; delivery fee not refunded) when requested inside the 30-day refund window',
        'Refund or waive service / order processing fees <= $25 per order',
      ],
      requires_supervisor: ['Fee refund or waiver > $25 per order'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(tickets, 'refund a postponed $212').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: an appointment booked or moved in everyday words', () => {
  const rules = compileRules({
    can_approve_immediately: ['Book, move or cancel appointments'],
    requires_supervisor: ['Refund of fees'],
    requires_process: [],
    forbidden: [],
  });
  it.each([
    'stick me in on Friday after five then, on the phone',
    'can you pop me in for Monday',
    'can we shift Friday though? Is Monday arvo any good?',
    "Can ye make it Saturday mornin' instead?",
    'can you move my appointment',
  ])('approves %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
  });
  it.each(["I'm on night shift this week", 'make it quick please'])('reads no booking in %j', (said) => {
    expect(checkPermission(rules, said).status).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: when a request says it is (after the written one) names no rule’s terms', () => {
  const rules = compileRules({
    can_approve_immediately: [
      'Transfer to another date or centre when the test is 35 days or more away: first transfer free',
    ],
    requires_supervisor: [],
    requires_process: [
      'Name or date-of-birth change after the test (results issued): change form + ID documents; Results team replies within 10 working days',
    ],
    forbidden: [],
  });
  it('moves the speaking, not the name', () => {
    const said = "Can you move the speaking to the Saturday, after the written one, if there's a space?";
    expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a rule whose terms follow in a sentence of their own', () => {
  const rules = compileRules({
    can_approve_immediately: [
      "Book, change or cancel a visitor berth for the caller's own boat, subject to availability. No charge with 48 hours' or more notice before 14:00 on the arrival day.",
    ],
    requires_supervisor: [],
    requires_process: [
      'Ending an annual berth agreement early: the berth holder signs the berth termination form.',
    ],
    forbidden: [],
  });
  it.each([
    'can you cancel my visitor berth for tomorrow',
    'book me a visitor berth for a week from Saturday',
  ])('%j is the visitor berth booked, moved or cancelled', (said) => {
    expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a thing sold to anyone, bought by the caller', () => {
  const rules = compileRules({
    can_approve_immediately: [
      'Sell gift vouchers (£25 to £200, valid 12 months) to anyone, including callers who are not on file',
    ],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });
  it('approves a voucher bought within the limit, and no more', () => {
    expect(checkPermission(rules, 'can I buy her a gift voucher? One hundred pound.').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(rules, 'I want to buy a gift voucher for 300 pounds').status).not.toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission: a service booked, asked for by its verb in a caller’s words', () => {
  const rules = compileRules({
    can_approve_immediately: ['Book a collection, or an exchange at the hire price minus £25'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [],
  });
  it.each([
    'would ye come and take it away Friday',
    'can you pick it up on Friday',
    'can you swap it for an empty one on Monday?',
    'collect it Friday please',
  ])('approves %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: the product’s own service left unsaid (extend the hire: extend it)', () => {
  const rules = compileRules({
    can_approve_immediately: [
      'Extend the hire by up to 14 extra days at £6 per day',
      'Book a collection at the hire price',
    ],
    requires_supervisor: ['Hire extension of more than 14 extra days'],
    requires_process: ['Trade account at the hire price less 10%'],
    forbidden: [],
  });
  it.each(["I'll need it another week", 'can I keep it another week', 'extend it 10 more days'])(
    'approves %j',
    (said) => {
      expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
    },
  );
  it('keeps what money back is for: a refund that names no top-up is not the duplicate top-up (held-out round 13)', () => {
    const records = JSON.parse(
      readFileSync(new URL('../../eval/held-out-13/records.json', import.meta.url), 'utf8'),
    ) as { products: Array<{ name: string; operator_permissions: Parameters<typeof compileRules>[0] }> };
    const card = compileRules(
      records.products.find((p) => p.name === 'Severn Go Card')!.operator_permissions,
    );
    const said = 'Can you just refund the fourteen quid onto my bank card today before I go?';
    expect(checkPermission(card, said).status).not.toBe('can_approve_immediately');
  });
});

describe('forbiddenThingsIn: things a forbidden rule will not take in a place', () => {
  it('reads each thing in the place, whatever the verb the caller uses', () => {
    expect(
      forbiddenThingsIn(
        'accepting asbestos (including asbestos-cement sheets), gas bottles, paint or other liquids, chemicals, batteries or clinical waste in a skip, or advising a customer to hide them in a skip',
      ),
    ).toEqual([
      'asbestos in a skip',
      'gas bottles in a skip',
      'paint in a skip',
      'liquids in a skip',
      'chemicals in a skip',
      'batteries in a skip',
      'clinical waste in a skip',
    ]);
    expect(forbiddenThingsIn('giving out staff surnames or personal mobile numbers')).toEqual([]);
  });
  it('forbids a caller’s own words for putting one of them in', () => {
    const rules = compileRules({
      can_approve_immediately: ['Book a collection'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: ['Accepting asbestos, gas bottles, paint or batteries in a skip'],
    });
    for (const said of [
      "it's asbestos cement. Can I just chuck 'em in the bottom of the skip?",
      'can I put some old paint tins in the skip',
    ])
      expect(checkPermission(rules, said).status, said).toBe('forbidden');
  });
});

describe('englishAlternatives: terms of cost and whoever else may ask', () => {
  const isAction = (w: string): boolean => /book|move|cancel/.test(w);
  it('drops "at no charge" and "for the policyholder or a named tenant contact"', () => {
    const out = englishAlternatives(
      'book, move or cancel an annual service, breakdown or repair visit in any free slot, at no charge, for the policyholder or a named tenant contact',
      'can_approve_immediately',
      isAction,
    );
    expect(out).toEqual(['book, move or cancel an annual service, breakdown or repair visit']);
  });
});

describe('englishAlternatives: one verb on two things, the second a plural the lexicon knows', () => {
  const isAction = (w: string): boolean => /send|receipt/.test(w);
  it('reads "re-send e-tickets and receipts" as each thing re-sent', () => {
    expect(
      englishAlternatives('re-send e-tickets and receipts', 'can_approve_immediately', isAction),
    ).toEqual(['re-send e-tickets', 're-send receipts']);
  });
});

describe('englishAlternatives: a total over a period and one per period are terms', () => {
  const isAction = (w: string): boolean => /refund/.test(w);
  it('drops "total in one statement cycle, one fee refund per cycle"', () => {
    expect(
      englishAlternatives(
        'refund card fees total in one statement cycle, one fee refund per cycle',
        'can_approve_immediately',
        isAction,
      ),
    ).toEqual(['refund card fees']);
  });
});

describe('englishAlternatives: the kinds a dash lists after the thing', () => {
  const isAction = (w: string) => /^(?:refund|waive|charge[sd]?)\b/.test(w);
  it('asks each kind with the step (refund a duplicate charge), its circumstance kept', () => {
    const phrase =
      'refund billing errors exactly as the records show - a duplicate charge, a price above the price list, a charge after a cancellation took effect';
    expect(englishAlternatives(phrase, 'can_approve_immediately', isAction)).toEqual(
      expect.arrayContaining([
        'refund a duplicate charge',
        'refund a price above the price list',
        'refund a charge after a cancellation took effect',
      ]),
    );
  });
  it('reads no kinds in a term, a condition or one word that lost what the list shares', () => {
    const alternatives = (phrase: string) =>
      englishAlternatives(phrase, 'requires_supervisor', isAction).filter((a) => !phrase.startsWith(a));
    expect(
      alternatives(
        'refund or fee waiver for a cancellation - considered only for hospitalisation or a death in the family',
      ),
    ).not.toContain('refund or fee waiver considered only for hospitalisation');
    expect(
      englishAlternatives(
        'refund a charge billed in error - deliveries or a service charge during a holiday stop, a duplicate payment',
        'can_approve_immediately',
        isAction,
      ),
    ).not.toContain('refund deliveries');
  });
});

describe('englishAlternatives: things joined, things booked after a colon, whose name (held-out round 41)', () => {
  const isAction = (w: string) => /^(?:refund|book|open|sign)\b/.test(w);
  it('asks each of two things a verb takes, joined by "and", with the verb', () => {
    expect(
      englishAlternatives(
        'refund billing errors exactly as the records show and missed visits through our fault at the visit rate',
        'can_approve_immediately',
        isAction,
      ),
    ).toEqual(
      expect.arrayContaining([
        'refund billing errors exactly as the records show',
        'refund missed visits through our fault',
      ]),
    );
  });
  it('books each thing a booking step lists after its colon', () => {
    expect(
      englishAlternatives(
        'book from the service calendar: first visits, green to clean ($349), callouts ($99) and return visits ($35) - for the holder',
        'can_approve_immediately',
        isAction,
      ),
    ).toEqual(
      expect.arrayContaining([
        'book first visits',
        'book green to clean',
        'book callouts',
        'book return visits',
      ]),
    );
  });
  it('drops a first-time caller and their own name, which no caller says', () => {
    expect(
      englishAlternatives(
        'open a new account for a first-time caller in their own name for a pool address',
        'can_approve_immediately',
        isAction,
      ),
    ).toContain('open an account for a pool address');
  });
});
