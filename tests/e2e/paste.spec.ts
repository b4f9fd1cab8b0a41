import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { useSharedWorkstation } from './support/workstation';

/**
 * Rich paste in the real editor (web mode, Chromium): each clipboard fixture is pasted through a real
 * paste event, the body is checked block by block, saved with Ctrl+S and checked again after a reload.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'clipboard');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');

// The app's CSP would stop inline handlers on its own; without it, anything the sanitiser let through
// would actually run and be caught below, so the test checks the sanitiser rather than the CSP.
test.use({ bypassCSP: true });

interface Body {
  /** One line per block: "p text", "h2 text", "quote text"; list items as "ul text", nested "  ul text". */
  outline: string[];
  bold: string[];
  italic: string[];
  underline: string[];
  strike: string[];
  links: [href: string, text: string][];
  html: string;
  state: string;
}

// Each test opens a new story of its own (its own headline), so one server serves the file.
const ws = useSharedWorkstation();
let dialogs: string[];

test.beforeEach(async ({ page }) => {
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: unknown[] } & Window;
    w.__xss = [];
    const record =
      (kind: string) =>
      (...args: unknown[]) => {
        w.__xss.push([kind, ...args]);
        return null;
      };
    Object.assign(w, { alert: record('alert'), confirm: record('confirm'), prompt: record('prompt'), open: record('open') });
  });
});

async function openNewArticle(page: Page, headline: string): Promise<void> {
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill(headline);
  await page.getByTestId('body-editor').click();
  await expect(page.getByTestId('body-editor')).toBeFocused();
}

/** A paste as the browser delivers it: a ClipboardEvent whose DataTransfer holds both flavours. */
async function paste(page: Page, html: string | null, text: string): Promise<void> {
  await page.getByTestId('body-editor').evaluate(
    (editor, clip) => {
      const clipboardData = new DataTransfer();
      if (clip.html !== null) clipboardData.setData('text/html', clip.html);
      clipboardData.setData('text/plain', clip.text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** The text/plain flavour that travels with the HTML; only its presence matters here. */
const plainOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function readBody(page: Page): Promise<Body> {
  return page.getByTestId('body-editor').evaluate((root) => {
    const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const ownText = (li: Element) => {
      const copy = li.cloneNode(true) as Element;
      for (const nested of Array.from(copy.querySelectorAll('ul, ol'))) nested.remove();
      return squash(copy.textContent);
    };
    const outline: string[] = [];
    const walkList = (list: Element, depth: number) => {
      for (const li of Array.from(list.children)) {
        const own = ownText(li);
        if (own) outline.push(`${'  '.repeat(depth)}${list.nodeName.toLowerCase()} ${own}`);
        for (const nested of Array.from(li.children).filter((c) => c.nodeName === 'UL' || c.nodeName === 'OL')) {
          walkList(nested, depth + 1);
        }
      }
    };
    for (const block of Array.from(root.children)) {
      if (block.nodeName === 'UL' || block.nodeName === 'OL') walkList(block, 0);
      else outline.push(`${block.nodeName === 'BLOCKQUOTE' ? 'quote' : block.nodeName.toLowerCase()} ${squash(block.textContent)}`);
    }
    const all = (selector: string) => Array.from(root.querySelectorAll(selector), (el) => squash(el.textContent));
    const editor = (root as unknown as { __lexicalEditor: { getEditorState(): { toJSON(): unknown } } }).__lexicalEditor;
    return {
      outline,
      bold: all('.ed-bold'),
      italic: all('.ed-italic'),
      underline: all('.ed-underline'),
      strike: all('.ed-strike'),
      links: Array.from(root.querySelectorAll('a'), (a) => [a.getAttribute('href') ?? '', squash(a.textContent)] as [string, string]),
      html: root.innerHTML,
      state: JSON.stringify(editor.getEditorState().toJSON()),
    };
  });
}

async function saveAndReopen(page: Page, headline: string): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await page.reload();
  await page
    .getByTestId('story-list')
    .getByRole('button', { name: new RegExp(headline) })
    .click();
  await expect(page.getByTestId('headline-input')).toHaveValue(headline);
}

function expectNothingUnsafe(body: Body): void {
  expect(body.html).not.toMatch(/<(script|iframe|svg|math|form|input|button|img|style|meta|object|embed)\b/i);
  expect(body.html).not.toMatch(/\son\w+=/i);
  expect(body.html).not.toMatch(/javascript:|data:|vbscript:/i);
  expect(body.state).not.toMatch(/javascript:|data:|vbscript:|__xss/i);
}

const EXPECTED: Record<string, Pick<Body, 'outline' | 'bold' | 'italic' | 'underline' | 'strike' | 'links'>> = {
  word: {
    outline: [
      'h2 과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진',
      'p (포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 블랙록과의 협력 양해각서 체결을 계기로 현지시간 9월 22일부터 23일까지, 미국 뉴욕을 방문해 한·미 간 산학연 양자기술 협력방안을 본격적으로 논의했다.[1]',
      'p 주요 협력 내용은 다음과 같다.',
      'ul 양자 기반시설(양자인프라) 구축 및 서비스 제공',
      '  ul 양자컴퓨터 기반 시설(인프라) 구축',
      'ul 연구개발 및 산업 활용',
      'ul 전문인력 양성 및 역량 강화',
      'p 추진 일정은 다음과 같다.',
      'ol 뉴욕 IBM 왓슨 연구소 방문 및 양해각서(MOU) 체결',
      'ol 브룩헤이븐 국립연구소 시찰',
      'p 자세한 내용은 과학기술정보통신부 누리집에서 볼 수 있다.삭제된 문장',
    ],
    bold: ['(포탈뉴스통신)', '연구개발 및 산업 활용'],
    italic: ['현지시간 9월 22일부터 23일까지'],
    underline: ['양해각서'],
    strike: ['삭제된 문장'],
    links: [['https://www.msit.go.kr/', '과학기술정보통신부 누리집']],
  },
  'google-docs': {
    outline: [
      'h2 브룩헤이븐 국립연구소 방문',
      'p (포탈뉴스통신) 9월 23일(현지시간), 배경훈 장관은 미국 에너지부 브룩헤이븐 국립연구소를 방문하여 기초 대형인프라 협력 관련 시설을 시찰했다. 초안 문장',
      'p 논의된 분야는 다음과 같다.',
      'ul 전자-이온 충돌기 사업(EIC 프로젝트)',
      '  ul 핵물리와 소재과학 분야 대형 연구시설',
      'ul 인공 지능·양자 기술 활용 연구혁신',
      'ol 이행약정(IA) 체결 논의',
      'ol 정부 간 협력의향서(SOI) 체결 논의',
      'p 출처: 과학기술정보통신부 보도자료',
    ],
    bold: ['(포탈뉴스통신)', '인공 지능·양자 기술'],
    italic: ['브룩헤이븐 국립연구소'],
    underline: ['기초 대형인프라'],
    strike: ['초안 문장'],
    links: [['https://www.msit.go.kr/bbs/view.do?sCode=user&mId=307&mPid=208', '과학기술정보통신부 보도자료']],
  },
  'web-page': {
    outline: [
      'p IT/과학',
      'h2 과기정통부 배경훈 장관, 한미 양자기술-대형과학 기반시설(인프라) 협력 가속화 추진',
      'h3 미국 에너지부 산하 브룩헤이븐 국립연구소 방문',
      'p 배경훈 장관이 브룩헤이븐 국립연구소를 시찰하고 있다. (사진=과학기술정보통신부)',
      'p (포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 블랙록과의 협력 양해각서 체결을 계기로 현지시간 9월 22일부터 23일까지, 미국 뉴욕을 방문했다.',
      'p 9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문해 협력 양해각서(MOU)를 체결했다.',
      'p 이번 양해각서(MOU)에는 한국연구재단, 국가과학기술연구회, 4대 과기원이 공동 참여했다.',
      'quote “2025년은 양자과학기술 100주년으로 국제연합(UN) 총회에서 선포한 ‘양자과학의 해’이다.”',
      'h2 주요 협력 내용',
      'ul 양자 기반시설(양자인프라) 구축 및 서비스 제공',
      'ul 연구개발 및 산업 활용',
      'ul 전문인력 양성 및 역량 강화',
      'p 기관',
      'p 협력 분야',
      'p IBM',
      'p 양자컴퓨터',
      'p 문의: press@example.com · IT/과학 기사 더보기',
      'p [뉴스출처 : 과학기술정보통신부]',
    ],
    bold: ['IT/과학', '(포탈뉴스통신)', '한국연구재단'],
    italic: ['국가과학기술연구회'],
    underline: [],
    strike: [],
    links: [
      ['https://www.ibm.com/quantum', 'IBM 왓슨 연구소'],
      ['mailto:press@example.com', 'press@example.com'],
    ],
  },
  hwp: {
    outline: [
      'p 과기정통부 배경훈 장관, 한미 양자기술-대형과학 기반시설(인프라) 협력 가속화 추진',
      'p - 미국 에너지부 산하 브룩헤이븐 국립연구소 방문 -',
      'p □ 과학기술정보통신부(장관 배경훈, 이하 ‘과기정통부’)는 블랙록과의 협력 양해각서 체결을 계기로 현지시간 9월 22일부터 23일까지 미국 뉴욕을 방문했다고 밝혔다.',
      'p ㅇ 9월 23일(현지시간), 배경훈 장관은 뉴욕 IBM 왓슨 연구소를 방문해 양자과학기술 산업 육성을 위한 협력 양해각서(MOU)를 체결했다.',
      'p * 주요 협력 내용: 양자 기반시설 구축, 연구개발 및 산업 활용, 전문인력 양성',
      'p 향후 계획',
      'p ㅇ 이행약정(IA)과 정부 간 협력의향서(SOI) 체결을 논의 중이다.',
      'p 담당 부서',
      'p 양자혁신기술개발과',
      'p [뉴스출처 : 과학기술정보통신부]',
    ],
    bold: ['□ 과학기술정보통신부', '담당 부서'],
    italic: ['양자과학기술 산업 육성'],
    underline: ['향후 계획'],
    strike: [],
    links: [],
  },
  xss: {
    outline: [
      'p 안전한 문단: 배경훈 장관은 과학기술정보통신부 누리집에서 발표했다.',
      'p 이미지 오류 처리기',
      'p 이벤트 처리기가 달린 문단',
      'p 자바스크립트 링크 · 대소문자 섞은 링크 · 탭 낀 링크 · 엔티티 링크 · 앞 공백 링크',
      'p 데이터 링크 · · VB 링크 · 파일 링크',
      'p 요약',
      'p 펼친 내용',
      'p 스타일 식',
      'p 흐르는 글',
      'h2 마지막 제목',
      'p 마지막 문단은 그대로 남는다.',
    ],
    bold: ['배경훈 장관'],
    italic: ['그대로'],
    underline: [],
    strike: [],
    links: [['https://www.msit.go.kr/', '과학기술정보통신부']],
  },
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`pasting ${name}.html keeps its structure through a save and a reload`, async ({ page }) => {
    const headline = `붙여넣기 시험 ${name}`;
    await openNewArticle(page, headline);
    const html = fixture(name);
    await paste(page, html, plainOf(html));

    await expect.poll(async () => (await readBody(page)).outline).toEqual(expected.outline);
    const pasted = await readBody(page);
    expect({ ...pasted, html: undefined, state: undefined }).toEqual({ ...expected, html: undefined, state: undefined });
    expectNothingUnsafe(pasted);

    await saveAndReopen(page, headline);
    const reopened = await readBody(page);
    expect({ ...reopened, html: undefined, state: undefined }).toEqual({ ...expected, html: undefined, state: undefined });
    expectNothingUnsafe(reopened);
    expect(await page.evaluate(() => (window as unknown as { __xss: unknown[] }).__xss)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

test('nothing in xss.html runs when pasted, while a handler outside the editor would', async ({ page }) => {
  await openNewArticle(page, '스크립트 시험');
  const html = fixture('xss');
  await paste(page, html, plainOf(html));
  await expect.poll(async () => (await readBody(page)).outline.at(-1)).toBe('p 마지막 문단은 그대로 남는다.');

  // The control proves handlers can run on this page and gives the pasted images time to fail: it
  // fails to load from the same server as their src="x" does.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('src', 'x-control');
    img.setAttribute('onerror', "window.__xss.push('control'); this.remove()");
    document.body.append(img);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __xss: unknown[] }).__xss)).toContain('control');
  expect(await page.evaluate(() => (window as unknown as { __xss: unknown[] }).__xss)).toEqual(['control']);
  expect(dialogs).toEqual([]);
  expectNothingUnsafe(await readBody(page));
});

test('HTML dropped in from another application is sanitised like a paste', async ({ page }) => {
  await openNewArticle(page, '끌어놓기 시험');
  const html = fixture('xss');
  await page.getByTestId('body-editor').evaluate((editor, dropped) => {
    const dataTransfer = new DataTransfer();
    dataTransfer.setData('text/html', dropped);
    dataTransfer.setData('text/plain', 'plain');
    editor.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromDrop', dataTransfer, bubbles: true, cancelable: true }));
  }, html);

  await expect.poll(async () => (await readBody(page)).outline).toEqual(EXPECTED.xss!.outline);
  const body = await readBody(page);
  expect(body.links).toEqual(EXPECTED.xss!.links);
  expectNothingUnsafe(body);
  expect(await page.evaluate(() => (window as unknown as { __xss: unknown[] }).__xss)).toEqual([]);
});

test('plain text is pasted by Lexical as it always was: one paragraph per line', async ({ page }) => {
  await openNewArticle(page, '일반 텍스트 시험');
  await paste(page, null, '첫째 줄 <b>태그 아님</b>\n둘째 줄');
  await expect.poll(async () => (await readBody(page)).outline).toEqual(['p 첫째 줄 <b>태그 아님</b>', 'p 둘째 줄']);
  expect((await readBody(page)).bold).toEqual([]);
});
