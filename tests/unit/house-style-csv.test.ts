import { describe, expect, it } from 'vitest';
import { houseStyleFromCsv, houseStyleToCsv, HouseStyleCsvError } from '../../shared/house-style-csv';
import { DEFAULT_HOUSE_STYLE } from '../../shared/settings-house-style';

const HEADER = 'wrong,right,pattern,severity,note';

describe('표기 원칙 CSV', () => {
  it('round-trips the default list, quotes, commas and line breaks included', () => {
    const rules = [
      ...DEFAULT_HOUSE_STYLE.rules,
      { wrong: '"따옴표", 쉼표', right: '“따옴표” 쉼표', pattern: false, severity: 'block' as const, note: '여러\n줄 메모' },
    ];
    const csv = houseStyleToCsv(rules);
    expect(csv.startsWith('\uFEFF' + HEADER)).toBe(true);
    expect(houseStyleFromCsv(csv)).toEqual(rules);
  });

  it('reads the Korean words for the pattern and severity columns', () => {
    const csv = `${HEADER}\n메세지,메시지,일반,경고,\n컨셉트?,콘셉트,정규식,차단,외래어`;
    expect(houseStyleFromCsv(csv)).toEqual([
      { wrong: '메세지', right: '메시지', pattern: false, severity: 'warn', note: '' },
      { wrong: '컨셉트?', right: '콘셉트', pattern: true, severity: 'block', note: '외래어' },
    ]);
  });

  const refusal = (csv: string) => {
    try {
      houseStyleFromCsv(csv);
    } catch (err) {
      expect(err).toBeInstanceOf(HouseStyleCsvError);
      return (err as Error).message;
    }
    throw new Error('imported');
  };

  it('refuses a bad file whole, naming the line', () => {
    expect(refusal(`${HEADER}\n메세지,메시지,plain,warn,\n센타,센터,plain,warn`)).toBe('CSV 3번째 줄: 칸이 5개여야 하는데 4개입니다.');
    expect(refusal(`${HEADER}\n메세지,메시지,plain,warn,\n(a+)+$,x,pattern,warn,`)).toMatch(/^CSV 3번째 줄: '\(a\+\)\+\$': .*반복/);
    expect(refusal(`${HEADER}\n메세지,메시지,plain,sometimes,`)).toMatch(/^CSV 2번째 줄: severity 칸은 block 또는 warn/);
    expect(refusal(`${HEADER}\n메세지,메시지,maybe,warn,`)).toMatch(/^CSV 2번째 줄: pattern 칸/);
    expect(refusal(`${HEADER}\n,메시지,plain,warn,`)).toBe('CSV 2번째 줄: 틀린 표기가 비어 있습니다.');
    expect(refusal(`${HEADER}\n"메세지,메시지,plain,warn,`)).toMatch(/^CSV 2번째 줄을 읽을 수 없습니다/);
    expect(refusal('a,b,c\n메세지,메시지,plain')).toMatch(/^CSV 첫 줄은 wrong,right,pattern,severity,note/);
    expect(refusal(`${HEADER}\n센터,센터센터,plain,warn,`)).toMatch(/^CSV 2번째 줄: .*그대로 들어 있습니다/);
  });
});
