import { forwardRef, useMemo, type ReactNode } from 'react';
import { findHouseStyle, type CompiledHouseStyle } from '../../shared/house-style';

interface Props {
  /** The textarea's own class, so the copy wraps its lines exactly where the textarea does. */
  className: string;
  text: string;
  style: CompiledHouseStyle;
  testId: string;
}

/**
 * A textarea cannot underline part of its text, so a copy of the text sits behind it (transparent
 * letters, same font and box) with the 표기 원칙 findings underlined; the textarea above is transparent.
 * Nothing here is part of the story.
 */
export const FieldMarks = forwardRef<HTMLDivElement, Props>(function FieldMarks({ className, text, style, testId }, ref) {
  const findings = useMemo(() => findHouseStyle(text, style), [text, style]);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of findings) {
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.start} className={`field-marks__mark field-marks__mark--${f.severity}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  // A trailing line break needs a character after it to take up its line, as it does in the textarea.
  parts.push(text.slice(at) + '\u200b');
  return (
    <div ref={ref} className={`${className} field-marks`} aria-hidden="true" data-testid={testId}>
      {parts}
    </div>
  );
});
