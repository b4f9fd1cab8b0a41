import type { ImportProposals, SetAsideItem } from '../../shared/press-release';
import { blockText, normaliseSpace, runsText, type Block, type ImportedDocument, type Run } from './document';
import { FIELD_WARNING } from '../../shared/import-warnings';
import { besideMasthead } from './masthead';

/**
 * Reads a government or corporate press release (보도자료) laid out as DESIGN.md describes it: a 보도자료
 * box with 보도시점/배포 times, the title, a "- … -" subtitle, a body organised by □, ㅇ and * markers,
 * a 담당부서/책임자/담당자 contact table, 붙임 attachments, page headers and footers. Pure: blocks in,
 * proposals, set-aside boilerplate and the story's body blocks out.
 */

export interface Analysis {
  proposals: ImportProposals;
  setAside: SetAsideItem[];
  body: Block[];
  warnings: string[];
}

/** Central government bodies (정부조직법, 2026), longest first so that 중소벤처기업부 wins over 기업부. */
export const ISSUERS = [
  '과학기술정보통신부',
  '기획재정부',
  '교육부',
  '외교부',
  '통일부',
  '법무부',
  '국방부',
  '행정안전부',
  '국가보훈부',
  '문화체육관광부',
  '농림축산식품부',
  '산업통상자원부',
  '산업통상부',
  '보건복지부',
  '환경부',
  '기후에너지환경부',
  '고용노동부',
  '성평등가족부',
  '여성가족부',
  '국토교통부',
  '해양수산부',
  '중소벤처기업부',
  '재정경제부',
  '기획예산처',
  '인사혁신처',
  '법제처',
  '식품의약품안전처',
  '국가데이터처',
  '지식재산처',
  '국세청',
  '관세청',
  '조달청',
  '통계청',
  '재외동포청',
  '검찰청',
  '병무청',
  '방위사업청',
  '경찰청',
  '소방청',
  '국가유산청',
  '농촌진흥청',
  '산림청',
  '특허청',
  '질병관리청',
  '기상청',
  '해양경찰청',
  '행정중심복합도시건설청',
  '새만금개발청',
  '우주항공청',
  '국무조정실',
  '국무총리비서실',
  '대통령비서실',
  '국가안보실',
  '공정거래위원회',
  '금융위원회',
  '국민권익위원회',
  '개인정보보호위원회',
  '원자력안전위원회',
  '방송미디어통신위원회',
  '방송통신위원회',
  '국가인권위원회',
  '감사원',
  '국가정보원',
  '금융감독원',
  '한국은행',
].sort((a, b) => b.length - a.length);

/** A body named by its own suffix, in a header or contact block (서울특별시, 한국전력공사, ○○재단…). */
const ISSUER_PATTERN =
  /([가-힣]{2,20}(?:부|처|청|위원회|특별시|광역시|특별자치시|특별자치도|도청|시청|군청|구청|공사|공단|재단|진흥원|연구원|협회|㈜|주식회사))(?![가-힣])/;

const EMBARGO_LABEL = /(보도\s*시점|보도\s*일시|보도\s*시간|엠바고|배포\s*일시|배포\s*시각|배포)/;
const CONTACT_LABEL = /(담당\s*부서|책임자|담당자|자료\s*문의|문의처|연락처|홍보\s*담당)/;
const SUBTITLE = /^[-–—―]\s*(.+?)\s*[-–—―]$/;
const BOXED_SUBTITLE = /^[-–—―]\s*(.+?)\s*[-–—―]?$/;

/**
 * A Korean release date and time ("2026. 2. 10.(화) 12:00", "2026년 2월 10일(화) 오후 2시 30분",
 * "2026-02-10 12:00") as an ISO instant, read in Asia/Seoul (UTC+9, no daylight saving).
 * `timeMissing` says the line gave a date only; "배포 시"/"즉시" and lines without a date give undefined.
 */
export function parseKoreanDateTime(text: string): { iso: string; timeMissing: boolean } | undefined {
  const t = normaliseSpace(text);
  const date = /(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:\.|일)?/.exec(t);
  if (!date) return undefined;
  const [y, mo, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const rest = t.slice(date.index + date[0].length).replace(/^\s*\([^)]*\)/, '');
  const time = /(오전|오후|AM|PM)?\s*(\d{1,2})\s*(?::|시)\s*(\d{1,2})?\s*(?:분)?/i.exec(rest);
  let h = 0;
  let mi = 0;
  let timeMissing = true;
  if (time && time.index < 20) {
    h = Number(time[2]);
    mi = time[3] ? Number(time[3]) : 0;
    const half = time[1]?.toUpperCase();
    if ((half === '오후' || half === 'PM') && h < 12) h += 12;
    if ((half === '오전' || half === 'AM') && h === 12) h = 0;
    if (h > 24 || mi > 59) return undefined;
    timeMissing = false;
  } else if (/조간/.test(rest)) {
    // 조간: the morning papers of that date; online copy may go from 06:00 at the latest.
    h = 6;
    timeMissing = false;
  } else if (/석간/.test(rest)) {
    h = 12;
    timeMissing = false;
  }
  const ms = Date.UTC(y, mo - 1, d, h - 9, mi);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return undefined;
  return { iso: new Date(ms).toISOString(), timeMissing };
}

/** The embargo in a 보도자료 box: 보도시점 (or 엠바고) wins; a release "배포 시" / "즉시" has none. */
export function findEmbargo(text: string): { iso: string | null; text: string; timeMissing: boolean } | undefined {
  const t = normaliseSpace(text);
  const m = /(?:보도\s*(?:시점|일시|시간)|엠바고)\s*[:：]?\s*(.*?)(?=\s*[/|]?\s*배포\s*(?:일시|시각)?\s*[:：]?\s*\d|$)/.exec(t);
  if (!m) return undefined;
  const value = m[1]!.trim();
  if (!value || /^(?:배포\s*(?:시|즉시|후)|즉시)/.test(value)) return { iso: null, text: value || t, timeMissing: false };
  const parsed = parseKoreanDateTime(value);
  return parsed ? { iso: parsed.iso, text: value, timeMissing: parsed.timeMissing } : { iso: null, text: value, timeMissing: false };
}

export function findIssuer(text: string): string | undefined {
  const t = normaliseSpace(text);
  const known = ISSUERS.find((name) => t.includes(name));
  if (known) return known;
  const m = ISSUER_PATTERN.exec(t);
  return m ? m[1] : undefined;
}

/** A letterhead line: the issuer's name and nothing else. */
const namesOnlyIssuer = (text: string) => ISSUERS.includes(text) || (text.length <= 20 && findIssuer(text) === text);

/** The masthead, alone or beside the issuer's name ("과학기술정보통신부 보 도 자 료"). */
function isMasthead(text: string): boolean {
  const rest = besideMasthead(text);
  return rest !== undefined && (rest === '' || namesOnlyIssuer(rest));
}

/** A box at the top holding the masthead with only the issuer, the times and their labels: the header. */
function isMastheadBox(rows: string[][]): boolean {
  const cells = rows.flat().filter((c) => c.trim() !== '');
  const masthead = cells.some(isMasthead) || rows.some((r) => isMasthead(r.join('')));
  const headerLike = (c: string) =>
    isMasthead(c) || namesOnlyIssuer(normaliseSpace(c)) || EMBARGO_LABEL.test(c) || parseKoreanDateTime(c) !== undefined || /즉시/.test(c);
  // A box whose letters spread over cells (a letter-spaced PDF line) is one masthead read across.
  return masthead && (cells.every(headerLike) || rows.every((r) => isMasthead(r.join(''))));
}

/** One column of a few short lines, no label: a title box, not a table of figures. */
function isTitleBox(rows: string[][]): boolean {
  const lines = rows.map((r) => r.filter(Boolean));
  return (
    lines.length >= 1 &&
    lines.length <= 3 &&
    lines.every((l) => l.length === 1 && l[0]!.length <= 200 && besideMasthead(l[0]!) === undefined) &&
    !/^[□■ㅇ○]/.test(lines[0]![0]!)
  );
}

const stripMarker = (runs: Run[], marker: RegExp): Run[] => {
  const out = runs.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(marker, '');
  return out.filter((r, i) => i > 0 || r.text !== '');
};

/** How ㅇ/○/◦ items come in: a bulleted list, or paragraphs without their marker (newsroom setting). */
export type ItemsAs = 'list' | 'prose';

/**
 * □ paragraphs lose the box; runs of ㅇ/○/◦/- items become a bulleted list, or with `prose` the ㅇ/○/◦
 * items become paragraphs (the - and ● sub-points under them stay a list); * and ※ notes stay as written.
 */
function restructure(blocks: Block[], items: ItemsAs): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    const text = runsText(block.runs);
    if (/^[□■◇◆]\s*/.test(text)) {
      out.push({ kind: 'paragraph', runs: stripMarker(block.runs, /^\s*[□■◇◆]\s*/) });
    } else if (items === 'prose' && /^[ㅇ○◦]\s+/.test(text)) {
      out.push({ kind: 'paragraph', runs: stripMarker(block.runs, /^\s*[ㅇ○◦]\s+/) });
    } else if (/^(?:ㅇ|○|◦|●|ㆍ|-)\s+/.test(text)) {
      const item = stripMarker(block.runs, /^\s*(?:ㅇ|○|◦|●|ㆍ|-)\s+/);
      const last = out.at(-1);
      if (last && last.kind === 'list' && !last.ordered) last.items.push(item);
      else out.push({ kind: 'list', ordered: false, items: [item] });
    } else out.push(block);
  }
  return out;
}

export function analysePressRelease(doc: ImportedDocument, options: { items?: ItemsAs } = {}): Analysis {
  const setAside: SetAsideItem[] = [];
  const warnings: string[] = [];
  let issuer: string | undefined;
  let embargo: ReturnType<typeof findEmbargo>;
  const noteIssuer = (text: string) => {
    issuer ??= findIssuer(text);
  };
  const noteEmbargo = (text: string) => {
    if (!embargo || embargo.iso === null) embargo = findEmbargo(text) ?? embargo;
  };

  for (const h of doc.pageHeaders) {
    setAside.push({ kind: 'page_header', text: h });
    noteIssuer(h);
  }
  for (const f of doc.pageFooters) setAside.push({ kind: 'page_footer', text: f });

  const kept: Block[] = [];
  let attachments = false;
  const boxed = new Set<Block>();
  // Above the title, where a masthead can stand; a "참고자료" heading further down is the body's.
  let top = true;
  for (const block of doc.blocks) {
    const text = blockText(block);
    if (block.kind === 'table') {
      if (top && isMastheadBox(block.rows)) {
        setAside.push({ kind: 'header', text });
        noteIssuer(block.rows.flat().join(' '));
        noteEmbargo(block.rows.flat().join(' '));
        continue;
      }
      const cells = block.rows.flat().join(' ');
      if (EMBARGO_LABEL.test(cells) && /보도\s*(?:시점|일시|시간)|엠바고|보도\s*자료/.test(cells)) {
        setAside.push({ kind: 'header', text });
        noteIssuer(cells);
        noteEmbargo(cells);
        continue;
      }
      if (CONTACT_LABEL.test(cells)) {
        setAside.push({ kind: 'contact', text });
        noteIssuer(cells);
        continue;
      }
      if (top && isTitleBox(block.rows)) {
        // The title (and its "- …" subtitle) drawn in a box under the masthead: read as the lines they are.
        for (const row of block.rows) {
          const line: Block = { kind: 'paragraph', runs: [{ text: row.find(Boolean)! }] };
          boxed.add(line);
          kept.push(line);
        }
        top = false;
        continue;
      }
      kept.push(block);
      continue;
    }
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      if (/^보도\s*자료$|^PRESS\s*RELEASE$/i.test(text) || (top && isMasthead(text))) {
        setAside.push({ kind: 'header', text });
        noteIssuer(text);
        continue;
      }
      if (/^(?:보도\s*(?:시점|일시|시간)|엠바고|배포\s*(?:일시|시각)?)\s*[:：]?/.test(text)) {
        setAside.push({ kind: 'embargo', text });
        noteEmbargo(text);
        continue;
      }
      if (/^(?:담당\s*부서|책임자|담당자|자료\s*문의|문의처?)\s*[:：]?/.test(text)) {
        setAside.push({ kind: 'contact', text });
        noteIssuer(text);
        continue;
      }
      if (/^붙임\s*\d*\s*[.:：]?/.test(text)) attachments = true;
      if (attachments) {
        // 붙임 lists run to the end of the release: attachment titles, not the story.
        setAside.push({ kind: 'attachment', text });
        continue;
      }
    }
    if (block.kind !== 'image' && !namesOnlyIssuer(text)) top = false;
    kept.push(block);
  }

  // The title: the first heading, else the first paragraph before the body's first marker.
  let titleAt = kept.findIndex((b) => b.kind === 'heading');
  const firstMarker = kept.findIndex((b) => b.kind === 'paragraph' && /^[□■ㅇ○]/.test(runsText(b.runs)));
  if (titleAt < 0 || (firstMarker >= 0 && titleAt > firstMarker)) {
    titleAt = kept.findIndex((b, i) => b.kind === 'paragraph' && (firstMarker < 0 || i < firstMarker) && !SUBTITLE.test(runsText(b.runs)));
  }
  // A short line naming the issuer above the title (a letterhead) is the header, not the title.
  while (titleAt >= 0 && titleAt < kept.length - 1) {
    const t = blockText(kept[titleAt]!);
    if (namesOnlyIssuer(t)) {
      setAside.push({ kind: 'header', text: t });
      noteIssuer(t);
      kept.splice(titleAt, 1);
      continue;
    }
    break;
  }
  let headline = '';
  if (titleAt >= 0) {
    headline = blockText(kept[titleAt]!);
    kept.splice(titleAt, 1);
  } else if (doc.title) headline = doc.title;
  else warnings.push(`${FIELD_WARNING.headline} 제목을 직접 입력하세요.`);

  // The subtitle: "- … -" lines right under the title (one or more).
  const deckLines: string[] = [];
  const at = Math.max(0, titleAt);
  while (kept[at] && (kept[at]!.kind === 'paragraph' || kept[at]!.kind === 'heading')) {
    // In a title box the subtitle often has its opening dash only.
    const m = SUBTITLE.exec(blockText(kept[at]!)) ?? (boxed.has(kept[at]!) ? BOXED_SUBTITLE.exec(blockText(kept[at]!)) : null);
    if (!m) break;
    deckLines.push(m[1]!);
    kept.splice(at, 1);
  }

  // Blocks above the title were the letterhead: anything left there that names the issuer is set aside.
  for (let i = 0; i < at && i < kept.length;) {
    const text = blockText(kept[i]!);
    if (kept[i]!.kind !== 'image' && text.length <= 40 && findIssuer(text)) {
      setAside.push({ kind: 'header', text });
      noteIssuer(text);
      kept.splice(i, 1);
    } else i += 1;
  }

  if (!issuer) {
    // Last resort: the opening sentence ("과학기술정보통신부(장관 …)는 …").
    const opening = kept.find((b) => b.kind === 'paragraph');
    if (opening) issuer = ISSUERS.find((n) => runsText((opening as { runs: Run[] }).runs).includes(n));
  }
  if (!issuer) warnings.push(`${FIELD_WARNING.sourceAttribution} 직접 입력하세요.`);
  if (embargo?.timeMissing) warnings.push(`${FIELD_WARNING.embargoAt}에 시각이 없어 그날 0시로 제안했습니다 (${embargo.text}). 확인하세요.`);
  if (embargo && embargo.iso === null && embargo.text && !/배포|즉시/.test(embargo.text))
    warnings.push(`${FIELD_WARNING.embargoAt} '${embargo.text}'을(를) 날짜로 읽지 못했습니다. 엠바고를 직접 입력하세요.`);

  return {
    proposals: {
      headline: headline.slice(0, 300),
      deck: deckLines.join('\n').slice(0, 2_000),
      sourceAttribution: (issuer ?? '').slice(0, 100),
      embargoAt: embargo?.iso ?? null,
      embargoText: (embargo?.text ?? '').slice(0, 300),
    },
    setAside,
    body: restructure(kept, options.items ?? 'list'),
    warnings,
  };
}
