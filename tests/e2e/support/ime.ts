import type { CDPSession, Page } from '@playwright/test';

/**
 * Korean input as a 2-set (두벌식) IME delivers it to Chromium, driven through the DevTools protocol the
 * way Lexical's own Composition.spec drives Japanese: `Input.imeSetComposition` for every keystroke that
 * changes the syllable being composed, `Input.insertText` when the IME commits.
 *
 * The IME is modelled as a real one behaves, keystroke by keystroke: 한 is ㅎ → 하 → 한 then committed;
 * in 국가 the second ㄱ cannot join 국, so 국 is committed and ㄱ → 가 composed; in 하나 the ㄴ first becomes
 * 한's final and then moves on to 나 when ㅏ arrives (the IME commits 하, not the 한 it was showing);
 * compound vowels (과: ㄱ → 고 → 과) and finals (읽: 일 → 읽, 갈비 shows 갋 for a moment) are built up
 * the same way. Spaces, digits, Latin letters and punctuation commit the syllable being composed and
 * are then sent by `Input.insertText` as they are.
 */

// Hangul Compatibility Jamo for the 19 initials, 21 medials and 27 finals of the Unicode syllable formula.
const INITIALS = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const MEDIALS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/** Jamo typed with two keys on a 2-set keyboard. Double consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) are one key (Shift). */
const COMPOUND_MEDIALS: Record<string, string> = { ㅘ: 'ㅗㅏ', ㅙ: 'ㅗㅐ', ㅚ: 'ㅗㅣ', ㅝ: 'ㅜㅓ', ㅞ: 'ㅜㅔ', ㅟ: 'ㅜㅣ', ㅢ: 'ㅡㅣ' };
const COMPOUND_FINALS: Record<string, string> = {
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};
const joinTable = (table: Record<string, string>) => new Map(Object.entries(table).map(([joined, keys]) => [keys, joined]));
const JOIN_MEDIAL = joinTable(COMPOUND_MEDIALS);
const JOIN_FINAL = joinTable(COMPOUND_FINALS);

const isConsonant = (jamo: string) => INITIALS.includes(jamo) || FINALS.includes(jamo);
const isVowel = (jamo: string) => MEDIALS.includes(jamo) || [...jamo].every((k) => MEDIALS.includes(k));

export function isHangulSyllable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return ch.length === 1 && code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/** 한 → { initial: 'ㅎ', medial: 'ㅏ', final: 'ㄴ' }: syllable = 0xAC00 + (L × 21 + V) × 28 + T. */
export function decompose(syllable: string): { initial: string; medial: string; final: string } {
  if (!isHangulSyllable(syllable)) throw new Error(`not a Hangul syllable: ${JSON.stringify(syllable)}`);
  const index = syllable.codePointAt(0)! - SYLLABLE_FIRST;
  return {
    initial: INITIALS[Math.floor(index / (21 * 28))]!,
    medial: MEDIALS[Math.floor(index / 28) % 21]!,
    final: FINALS[index % 28]!,
  };
}

export function compose(initial: string, medial: string, final = ''): string {
  const l = INITIALS.indexOf(initial);
  const v = MEDIALS.indexOf(medial);
  const t = FINALS.indexOf(final);
  if (l < 0 || v < 0 || t < 0) throw new Error(`cannot compose ${initial}+${medial}+${final}`);
  return String.fromCodePoint(SYLLABLE_FIRST + (l * 21 + v) * 28 + t);
}

/** The keys a 2-set keyboard user presses for a syllable: 과 → ㄱ ㅗ ㅏ, 읽 → ㅇ ㅣ ㄹ ㄱ. */
export function keystrokes(syllable: string): string[] {
  const { initial, medial, final } = decompose(syllable);
  const split = (jamo: string, table: Record<string, string>) => [...(table[jamo] ?? jamo)];
  return [initial, ...split(medial, COMPOUND_MEDIALS), ...(final ? split(final, COMPOUND_FINALS) : [])];
}

/**
 * The three-step picture of one syllable on its own: the initial as a compatibility jamo, initial +
 * medial, then the whole syllable (ㅎ, 하, 한). Compound vowels and finals add their intermediate step.
 */
export function syllableSteps(syllable: string): string[] {
  const steps: string[] = [];
  for (const step of composingStates(keystrokes(syllable))) if (step.kind === 'compose') steps.push(step.text);
  return steps;
}

/** What the IME sends: a new composition string, a commit, or text that never went through composition. */
export type ImeStep = { kind: 'compose'; text: string } | { kind: 'commit'; text: string } | { kind: 'insert'; text: string };

interface Syllable {
  initial: string;
  medial: string; // '' or one or two medial keys, joined
  final: string; // '' or one or two final keys, joined
}

const EMPTY: Syllable = { initial: '', medial: '', final: '' };

function render(s: Syllable): string {
  const medial = s.medial ? (JOIN_MEDIAL.get(s.medial) ?? s.medial) : '';
  const final = s.final ? (JOIN_FINAL.get(s.final) ?? s.final) : '';
  if (s.initial && medial) return compose(s.initial, medial, final);
  return s.initial || medial;
}

const joinsMedial = (a: string, b: string) => JOIN_MEDIAL.has(a + b);
const canBeFinal = (c: string) => FINALS.includes(c) && !COMPOUND_FINALS[c];

/** The 2-set automaton over a stream of jamo keys, ending with the last syllable still composing. */
function composingStates(keys: string[]): ImeStep[] {
  const steps: ImeStep[] = [];
  let s: Syllable = { ...EMPTY };
  const commit = (syllable: Syllable) => {
    const text = render(syllable);
    if (text) steps.push({ kind: 'commit', text });
  };
  for (const key of keys) {
    if (isConsonant(key)) {
      if (!s.initial && !s.medial) s = { ...EMPTY, initial: key };
      else if (s.initial && s.medial && !s.final && canBeFinal(key)) s = { ...s, final: key };
      else if (s.initial && s.medial && s.final.length === 1 && JOIN_FINAL.has(s.final + key)) s = { ...s, final: s.final + key };
      else {
        commit(s);
        s = { ...EMPTY, initial: key };
      }
    } else if (isVowel(key)) {
      if (s.final) {
        // The last final key moves on to start the next syllable (도깨비불): 한 + ㅏ → 하 | 나.
        const moving = s.final.slice(-1);
        commit({ ...s, final: s.final.slice(0, -1) });
        s = { ...EMPTY, initial: moving, medial: key };
      } else if (s.medial) {
        if (s.medial.length === 1 && joinsMedial(s.medial, key)) s = { ...s, medial: s.medial + key };
        else {
          commit(s);
          s = { ...EMPTY, medial: key };
        }
      } else s = { ...s, medial: key };
    } else throw new Error(`not a jamo key: ${JSON.stringify(key)}`);
    steps.push({ kind: 'compose', text: render(s) });
  }
  return steps;
}

export interface PlanOptions {
  /** Leave the last syllable composing (not committed), as when a key or a click arrives mid-composition. */
  leaveComposing?: boolean;
}

/**
 * The IME steps that type `text`. Throws if the steps would not produce `text` exactly, so a test can
 * never pass by typing something other than what it asserts.
 */
export function planTyping(text: string, options: PlanOptions = {}): ImeStep[] {
  const steps: ImeStep[] = [];
  let keys: string[] = [];
  const flushHangul = (commitLast: boolean) => {
    if (keys.length === 0) return;
    const states = composingStates(keys);
    steps.push(...states);
    const last = [...states].reverse().find((s) => s.kind === 'compose');
    if (commitLast && last) steps.push({ kind: 'commit', text: last.text });
    keys = [];
  };
  for (const ch of text) {
    if (isHangulSyllable(ch)) keys.push(...keystrokes(ch));
    else if (isConsonant(ch) || isVowel(ch)) keys.push(ch);
    else {
      flushHangul(true);
      steps.push({ kind: 'insert', text: ch });
    }
  }
  flushHangul(!options.leaveComposing);

  const produced = resultOf(steps);
  if (produced !== text) throw new Error(`IME model typed ${JSON.stringify(produced)} for ${JSON.stringify(text)}`);
  return steps;
}

/** The text an editor should end up with after `steps`, including a composition still open. */
export function resultOf(steps: ImeStep[]): string {
  let done = '';
  let composing = '';
  for (const step of steps) {
    if (step.kind === 'compose') composing = step.text;
    else {
      done += step.text;
      composing = '';
    }
  }
  return done + composing;
}

/** The IME on a page: `type` composes and commits a string; `compose` leaves its last syllable open. */
export class KoreanIme {
  private composing = '';

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<KoreanIme> {
    return new KoreanIme(await page.context().newCDPSession(page));
  }

  /** The syllable currently composing ('' when none). */
  get pending(): string {
    return this.composing;
  }

  /**
   * Composes and commits `text`. A syllable still composing is committed first, as the IME does when
   * the next syllable starts (`text` is taken to begin a new syllable).
   */
  async type(text: string): Promise<void> {
    await this.commit();
    await this.run(planTyping(text));
  }

  /** Types `text` but leaves its last syllable composing: compose('한') sends ㅎ, 하, 한 and no commit. */
  async compose(text: string): Promise<void> {
    await this.commit();
    await this.run(planTyping(text, { leaveComposing: true }));
  }

  /** Commits what is composing, as the IME does when the user presses a key that ends the syllable. */
  async commit(): Promise<void> {
    if (this.composing) await this.run([{ kind: 'commit', text: this.composing }]);
  }

  /**
   * Enter pressed mid-composition as Chrome receives it from a Korean IME: a keydown the IME consumed
   * (keyCode 229, `isComposing` true, no text; key 'Enter' as Chrome on macOS reports it), the IME's
   * commit of the syllable, then Enter itself, settled (`isComposing` false) — the double keydown that
   * Korean IMEs are known for, and the one a field's Enter handler has to tell apart.
   */
  async commitWithEnter(): Promise<void> {
    const key = { key: 'Enter', code: 'Enter' };
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await this.commit();
    await this.cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      ...key,
      windowsVirtualKeyCode: 13,
      nativeVirtualKeyCode: 13,
      text: '\r',
      unmodifiedText: '\r',
    });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
  }

  /**
   * Forgets the open composition without sending anything, for when the browser ended it and told the
   * IME so: Chrome finishes the composition itself when a key it did not route through the IME (the
   * protocol's Enter) arrives mid-composition, and when a toolbar click changes the text around it.
   */
  forgetComposition(): void {
    this.composing = '';
  }

  /** Drops the open composition (Escape in some IMEs): an empty composition, then an empty commit. */
  async cancel(): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await this.cdp.send('Input.insertText', { text: '' });
    this.composing = '';
  }

  async run(steps: ImeStep[]): Promise<void> {
    for (const step of steps) {
      if (step.kind === 'compose') {
        await this.cdp.send('Input.imeSetComposition', { text: step.text, selectionStart: step.text.length, selectionEnd: step.text.length });
        this.composing = step.text;
      } else {
        await this.cdp.send('Input.insertText', { text: step.text });
        this.composing = '';
      }
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
