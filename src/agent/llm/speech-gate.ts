const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|St|No)$/i;

/** Where a spoken sentence ends: Chinese and English stops, a new line; a period only before a space. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if ('。！？!?；;\n'.includes(c)) return i + 1;
    // Ms. Li: a title's period is no sentence end; cutting there would send half a name ahead.
    if (c === '.' && i + 1 < text.length && /\s/.test(text[i + 1]!) && !TITLE_BEFORE.test(text.slice(0, i))) {
      return i + 1;
    }
  }
  return 0;
}

/** What goes between what was said and what follows: nothing in Chinese, a space in English. */
export function spokenSeparator(before: string, language: 'zh' | 'en'): string {
  return before === '' || language === 'zh' || /\s$/.test(before) ? '' : ' ';
}

/** Joins two pieces of one spoken reply: nothing between Chinese pieces, a space between English ones. */
export function joinSpoken(a: string, b: string, language: 'zh' | 'en'): string {
  if (b === '') return a;
  return a + (/^\s/.test(b) ? '' : spokenSeparator(a, language)) + b;
}

/**
 * Streams a draft to the caller one whole sentence at a time, and only sentences the guard has
 * read: each new sentence is let through when the draft so far passes `check`. After a failing
 * sentence nothing more goes out, so a caller never hears a violating sentence, and what they did
 * hear (`emitted`) is always a clean prefix of the draft.
 *
 * @example const gate = new SpeechGate({ emit: write, check: (t) => guard(t).ok, language: 'zh' })
 */
export class SpeechGate {
  private said = '';
  private pending = '';
  private blocked = false;
  private stepBreak = false;
  private leadSent = false;
  private readonly emit: (text: string) => void;
  private readonly check: (draftSoFar: string) => boolean;
  private readonly language: 'zh' | 'en';
  private readonly lead: string;

  constructor(options: {
    emit: (text: string) => void;
    check: (draftSoFar: string) => boolean;
    language: 'zh' | 'en';
    /** Sent before the first sentence (a space when the caller already heard part of this turn). */
    lead?: string;
  }) {
    this.emit = options.emit;
    this.check = options.check;
    this.language = options.language;
    this.lead = options.lead ?? '';
  }

  /** The whole draft so far, heard or not. */
  get text(): string {
    return this.said + this.pending;
  }

  /** What the caller has heard of this draft. */
  get emitted(): string {
    return this.said;
  }

  /** Adds streamed text. */
  push(delta: string): void {
    // Text of a later step continues the same reply: English words need a space between them.
    if (
      this.stepBreak &&
      this.language === 'en' &&
      this.text !== '' &&
      !/\s$/.test(this.text) &&
      !/^\s/.test(delta)
    ) {
      this.pending += ' ';
    }
    this.stepBreak = false;
    this.pending += delta;
    this.flush(false);
  }

  /** Marks the end of one model step: the next text is a new piece of the same reply. */
  stepBoundary(): void {
    this.stepBreak = true;
  }

  /**
   * Lets the rest through; call once the whole draft has passed the guard. A sentence held back
   * earlier may pass now (a later query in the same draft verified its amount), so it goes too.
   */
  finish(): void {
    this.blocked = false;
    this.pending = this.pending.trimEnd();
    this.flush(true);
  }

  private flush(final: boolean): void {
    if (this.blocked) return;
    if (this.said === '') this.pending = this.pending.trimStart();
    const cut = final ? this.pending.length : lastSentenceEnd(this.pending);
    if (cut <= 0) return;
    const piece = this.pending.slice(0, cut);
    if (!final && !this.check(this.said + piece)) {
      this.blocked = true;
      return;
    }
    if (!this.leadSent && this.lead !== '') this.emit(this.lead);
    this.leadSent = true;
    this.emit(piece);
    this.said += piece;
    this.pending = this.pending.slice(cut);
  }
}
