import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Events a field inside a decorator must keep from the editor. Lexical listens on its root element, an
 * ancestor of every decorator: a keystroke, an IME composition or a paste bubbling up from a caption
 * would also be applied to the body (the known doubling of Korean syllables). Stopping them at the
 * field itself keeps the body out of it, which also means React's own listeners (at the app root) never
 * see them: the field is uncontrolled and reads its value with native listeners.
 */
const KEPT_FROM_EDITOR = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
  'drop',
  'dragover',
  'dragstart',
  'mousedown',
  'pointerdown',
  'click',
  'focus',
  'blur',
  'select',
] as const;

/** A pause in typing after which the text is written into the story (so autosave picks it up). */
const COMMIT_AFTER_MS = 400;

interface Props {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  maxLength: number;
  readOnly: boolean;
  invalid?: boolean;
  testId?: string;
  /** Every change as typed (before the pause that commits it): for the marks drawn behind the field. */
  onInput?: (value: string) => void;
  onScroll?: (scrollTop: number) => void;
}

export function IsolatedField({ value, onCommit, label, placeholder, multiline = false, maxLength, readOnly, invalid, testId, onInput, onScroll }: Props) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const commitRef = useRef(onCommit);
  const inputRef = useRef(onInput);
  useLayoutEffect(() => {
    commitRef.current = onCommit;
    inputRef.current = onInput;
  });
  const committed = useRef(value);

  // The story changed under the field (undo, a restored revision): show it, unless the user is typing here.
  useEffect(() => {
    const el = ref.current;
    committed.current = value;
    if (el && el.ownerDocument.activeElement !== el && el.value !== value) el.value = value;
  }, [value]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let timer: number | undefined;
    let composing = false;
    const commit = () => {
      window.clearTimeout(timer);
      if (el.value === committed.current) return;
      committed.current = el.value;
      commitRef.current(el.value);
    };
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(commit, COMMIT_AFTER_MS);
    };
    const handlers: Partial<Record<(typeof KEPT_FROM_EDITOR)[number], (e: Event) => void>> = {
      compositionstart: () => {
        composing = true;
      },
      compositionend: () => {
        composing = false;
        later();
      },
      input: (e) => {
        inputRef.current?.(el.value);
        if (!composing && !(e as InputEvent).isComposing) later();
      },
      blur: commit,
      keydown: (e) => {
        const k = e as KeyboardEvent;
        if (k.isComposing || k.keyCode === 229) return;
        if (k.key === 'Enter' && !multiline) {
          k.preventDefault();
          commit();
        }
        if (k.key === 'Escape') el.blur();
        // Ctrl+S still saves the story: the app listens on window in the capture phase, before this.
      },
    };
    const listener = (e: Event) => {
      e.stopPropagation();
      handlers[e.type as keyof typeof handlers]?.(e);
    };
    for (const type of KEPT_FROM_EDITOR) el.addEventListener(type, listener);
    return () => {
      commit();
      for (const type of KEPT_FROM_EDITOR) el.removeEventListener(type, listener);
    };
  }, [multiline]);

  const common = {
    ref,
    defaultValue: value,
    'aria-label': label,
    'aria-invalid': invalid || undefined,
    placeholder,
    maxLength,
    readOnly,
    className: `isolated-field${invalid ? ' isolated-field--invalid' : ''}`,
    'data-testid': testId,
    onScroll: onScroll && ((e: { currentTarget: HTMLElement }) => onScroll(e.currentTarget.scrollTop)),
  };
  return multiline ? <textarea rows={2} {...common} /> : <input {...common} />;
}
