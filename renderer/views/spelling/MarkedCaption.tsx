import { useId, useRef, useState } from 'react';
import { IsolatedField } from '../../editor/nodes/IsolatedField';
import { useT } from '../../i18n/i18n';
import { FieldMarks } from '../FieldMarks';
import { useHouseStyle } from '../house-style-context';
import { useSpelling } from './SpellingProvider';
import { useFieldSpelling } from './useFieldSpelling';

interface Props {
  value: string;
  label: string;
  placeholder: string;
  readOnly: boolean;
  onCommit: (caption: string) => void;
  testId: string;
}

/**
 * A photo's caption with its 표기 원칙 and 맞춤법 underlined, as the headline and deck have them: the
 * copy of its text (FieldMarks) follows every keystroke, the story only each pause (IsolatedField).
 */
export function MarkedCaption({ value, label, placeholder, readOnly, onCommit, testId }: Props) {
  const t = useT();
  const style = useHouseStyle();
  const [live, setLive] = useState(value);
  const [shown, setShown] = useState(value);
  const mirror = useRef<HTMLDivElement>(null);
  const id = useId();
  // The story changed under the field (undo, a fix from the list): the copy shows it too.
  if (shown !== value) {
    setShown(value);
    setLive(value);
  }
  useFieldSpelling(useSpelling(), `caption:${id}`, t('sp_caption'), live, mirror, (text) => {
    setLive(text);
    onCommit(text);
  });
  return (
    <div className="field-marked">
      <FieldMarks ref={mirror} className="isolated-field" text={live} style={style} testId={`${testId}-marks`} />
      <IsolatedField
        value={value}
        multiline
        maxLength={1000}
        label={label}
        placeholder={placeholder}
        readOnly={readOnly}
        invalid={!value.trim()}
        onCommit={onCommit}
        onInput={setLive}
        onScroll={(top) => mirror.current?.scrollTo(0, top)}
        testId={testId}
      />
    </div>
  );
}
