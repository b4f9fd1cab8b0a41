import { expect, test, type Page } from '@playwright/test';
import { KoreanIme } from './support/ime';
import { seed } from '../fixtures/seed';
import { useSharedWorkstation } from './support/workstation';

/**
 * Korean input must never lose a syllable: IME composition driven through Chromium's DevTools protocol
 * (`Input.imeSetComposition`, then `Input.insertText` to commit) into the real editor in web mode. Every
 * case checks the body (the Lexical model and what is on screen, block by block) or the field's value
 * exactly, then saves with Ctrl+S, reloads the page and checks the stored story again.
 */

const BOLD = 1; // Lexical's IS_BOLD text format bit

/** A run of text with its Lexical format bits; a block is its runs in order ([] for an empty paragraph). */
type Run = [text: string, format: number];
type Block = string | Run[];

// Each test opens a new story of its own and reads only it, so one server serves the file.
const ws = useSharedWorkstation();
let ime: KoreanIme | undefined;

test.afterEach(async () => {
  await ime?.detach();
  ime = undefined;
});

/** Web mode with a new, empty story open; the IME attached to the page. */
async function openNewArticle(page: Page): Promise<KoreanIme> {
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await expect(page.getByTestId('body-editor')).toBeVisible();
  ime = await KoreanIme.attach(page);
  return ime;
}

async function focusBody(page: Page): Promise<void> {
  await page.getByTestId('body-editor').click();
  await expect(page.getByTestId('body-editor')).toBeFocused();
}

interface BodySnapshot {
  /** The text of each block as the Lexical model holds it (what is saved). */
  model: Run[][];
  /** The text of each block element as it is on screen. */
  dom: string[];
}

/** Reads the body's Lexical state (through the editor the root element carries) and its DOM. */
function readBody(page: Page): Promise<BodySnapshot> {
  return page.getByTestId('body-editor').evaluate((root) => {
    interface JsonNode {
      type: string;
      text?: string;
      format?: number;
      children?: JsonNode[];
    }
    const editor = (root as HTMLElement & { __lexicalEditor?: { getEditorState(): { toJSON(): { root: JsonNode } } } }).__lexicalEditor;
    if (!editor) throw new Error('no Lexical editor on the body element');
    const runsOf = (node: JsonNode, out: [string, number][]) => {
      if (typeof node.text === 'string') out.push([node.text, node.format ?? 0]);
      else if (node.type === 'linebreak') out.push(['\n', 0]);
      for (const child of node.children ?? []) runsOf(child, out);
      return out;
    };
    return {
      model: (editor.getEditorState().toJSON().root.children ?? []).map((block) => runsOf(block, [])),
      dom: Array.from(root.children, (el) => el.textContent ?? ''),
    };
  });
}

/** Adjacent runs of the same format are one run to the reader; an empty run is nothing. */
function normalise(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const [text, format] of runs) {
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last[1] === format) last[0] += text;
    else out.push([text, format]);
  }
  return out;
}

const asRuns = (block: Block): Run[] => (typeof block === 'string' ? (block ? [[block, 0]] : []) : block);
const textOf = (runs: Run[]) => runs.map(([text]) => text).join('');

/** The body is exactly these blocks: same text and formats in the model, same text on screen. */
async function expectBody(page: Page, expected: Block[]): Promise<void> {
  const want = expected.map((block) => normalise(asRuns(block)));
  await expect
    .poll(async () => {
      const body = await readBody(page);
      return { model: body.model.map(normalise), dom: body.dom };
    })
    .toEqual({ model: want, dom: want.map(textOf) });
}

/** Ctrl+S, wait for 저장됨, reload the page: the stored story comes back, not a recovered journal. */
async function saveAndReload(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await page.reload();
  await expect(page.getByTestId('body-editor')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
  await expect(page.getByTestId('story-notice')).toHaveCount(0);
}

async function expectBodySurvivesReload(page: Page, expected: Block[]): Promise<void> {
  await expectBody(page, expected);
  await saveAndReload(page);
  await expectBody(page, expected);
}

test.describe('Korean composition in the body', () => {
  test('at the start of an empty story, the first syllable and the ones after it are kept once', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await ime.type('한');
    await expectBody(page, ['한']);
    await ime.type('국 기자가 씁니다');
    await expectBodySurvivesReload(page, ['한국 기자가 씁니다']);
  });

  test('a syllable whose last consonant moves on (하나, 갈비, 읽어) is split the way the IME commits it', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    // 하나: 한 is shown, then ㅏ takes the ㄴ: 하 is committed and 나 composed. 갈비 shows 갋 on the way.
    await ime.type('하나의 갈비를 읽어 보았다');
    await expectBodySurvivesReload(page, ['하나의 갈비를 읽어 보았다']);
  });

  test('after a bold run of Latin text, Korean is composed in plain text without losing its first syllable', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await page.keyboard.press('Control+b');
    await page.keyboard.type('BREAKING');
    await page.keyboard.press('Control+b');
    await ime.type('정부는 오늘');
    await expectBodySurvivesReload(page, [
      [
        ['BREAKING', BOLD],
        ['정부는 오늘', 0],
      ],
    ]);
  });

  test('after a bold run of composed Korean, plain Korean follows without duplicates', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await page.keyboard.press('Control+b');
    await ime.type('속보');
    await page.keyboard.press('Control+b');
    await ime.type('정부가 ');
    await page.keyboard.press('Control+b');
    await ime.type('긴급');
    await page.keyboard.press('Control+b');
    await ime.type('회의를 열었다.');
    await expectBodySurvivesReload(page, [
      [
        ['속보', BOLD],
        ['정부가 ', 0],
        ['긴급', BOLD],
        ['회의를 열었다.', 0],
      ],
    ]);
  });

  test('before digits and punctuation typed after it', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await ime.type('장관은');
    await expectBody(page, ['장관은']);
    await ime.type(' 2025년 9월 23일(현지시간) “양자과학의 해”라고 말했다. 100%, A·B, 끝!');
    await expectBodySurvivesReload(page, ['장관은 2025년 9월 23일(현지시간) “양자과학의 해”라고 말했다. 100%, A·B, 끝!']);
  });

  test('right before existing digits and punctuation, and between them', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await page.keyboard.insertText('123.');
    await page.keyboard.press('Home');
    await ime.type('제');
    await expectBody(page, ['제123.']);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // between 3 and .
    await ime.type('번째');
    await expectBody(page, ['제123번째.']);
    await page.keyboard.press('End');
    await page.keyboard.insertText(' 2025.');
    await page.keyboard.press('ArrowLeft');
    await ime.type('년');
    await expectBodySurvivesReload(page, ['제123번째. 2025년.']);
  });

  test('Enter pressed mid-composition (as the DevTools protocol delivers it) commits the syllable once, then a new paragraph', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await ime.type('대한민국 ');
    await ime.compose('만세');
    expect(ime.pending).toBe('세');
    await page.keyboard.press('Enter');
    // Chrome ends the composition itself when a key it did not route through the IME arrives.
    ime.forgetComposition();
    await expectBody(page, ['대한민국 만세', '']);
    await ime.type('다음 문단');
    await expectBodySurvivesReload(page, ['대한민국 만세', '다음 문단']);
  });

  test('Enter pressed mid-composition as a Korean IME delivers it (keydown 229, commit, Enter) makes one new paragraph', async ({ page }) => {
    const ime = await openNewArticle(page);
    await focusBody(page);
    await ime.type('대한민국 ');
    await ime.compose('만세');
    await ime.commitWithEnter();
    await expectBody(page, ['대한민국 만세', '']);
    await ime.compose('한');
    await ime.commitWithEnter();
    await ime.type('끝');
    await expectBodySurvivesReload(page, ['대한민국 만세', '한', '끝']);
  });

  test('the bold toolbar button pressed mid-composition keeps the syllable (Chrome commits on the mouse press)', async ({ page }) => {
    const ime = await openNewArticle(page);
    const bold = page.getByRole('button', { name: '굵게' });
    await focusBody(page);
    await ime.type('대한민국 ');
    await ime.compose('만');
    // A real mouse press makes Chrome finish the composition before the page sees mousedown; the
    // protocol's mouse events skip that step, so the commit is sent first, as the browser would.
    await ime.commit();
    await bold.click();
    await ime.type('세');
    await expectBodySurvivesReload(page, [
      [
        ['대한민국 만', 0],
        ['세', BOLD],
      ],
    ]);
  });

  test('the bold toolbar button clicked while the composition is still open keeps the syllable once', async ({ page }) => {
    const ime = await openNewArticle(page);
    const bold = page.getByRole('button', { name: '굵게' });
    await focusBody(page);
    await ime.type('대한민국 ');
    await ime.compose('만');
    await bold.click();
    // By the time the click has run, Chrome has ended the composition (no compositionend reaches the
    // page, 만 stays as composed, the next imeSetComposition starts a new one): the IME starts afresh.
    ime.forgetComposition();
    await ime.type('세');
    await expectBodySurvivesReload(page, [
      [
        ['대한민국 만', 0],
        ['세', BOLD],
      ],
    ]);
  });

  test('a long paragraph of the seed story composed in full', async ({ page }) => {
    const paragraph = seed.body[0]!; // with its agency credit, (포탈뉴스통신), as the portal prints it
    const ime = await openNewArticle(page);
    await focusBody(page);
    await ime.type(paragraph);
    await expectBodySurvivesReload(page, [paragraph]);
  });
});

test.describe('Korean composition in the headline and deck', () => {
  test('the headline takes a whole composed sentence', async ({ page }) => {
    const ime = await openNewArticle(page);
    const headline = page.getByTestId('headline-input');
    await headline.click();
    await ime.type(seed.headline);
    await expect(headline).toHaveValue(seed.headline);
    await saveAndReload(page);
    await expect(page.getByTestId('headline-input')).toHaveValue(seed.headline);
  });

  test('the deck takes a whole composed sentence', async ({ page }) => {
    const ime = await openNewArticle(page);
    const deck = page.getByTestId('deck-input');
    await deck.click();
    await ime.type(seed.deck);
    await expect(deck).toHaveValue(seed.deck);
    await saveAndReload(page);
    await expect(page.getByTestId('deck-input')).toHaveValue(seed.deck);
  });

  test('Enter mid-composition in the headline as a Korean IME delivers it adds no newline and keeps the syllable', async ({ page }) => {
    const ime = await openNewArticle(page);
    const headline = page.getByTestId('headline-input');
    await headline.click();
    await ime.type('과기정통부 ');
    await ime.compose('장관');
    await ime.commitWithEnter();
    await expect(headline).toHaveValue('과기정통부 장관');
    await ime.type(', 뉴욕 방문');
    await expect(headline).toHaveValue('과기정통부 장관, 뉴욕 방문');
    await saveAndReload(page);
    await expect(page.getByTestId('headline-input')).toHaveValue('과기정통부 장관, 뉴욕 방문');
  });

  test('Enter mid-composition in the headline (as the DevTools protocol delivers it) adds no newline and keeps the syllable', async ({ page }) => {
    const ime = await openNewArticle(page);
    const headline = page.getByTestId('headline-input');
    await headline.click();
    await ime.type('과기정통부 ');
    await ime.compose('장관');
    // Chrome gets a keydown Enter the IME did not consume (keyCode 13, isComposing true): the field's
    // handler lets it through, Chrome commits 장관 and inserts a line break, and the line break must
    // not survive in any form (not as a newline, not as a space).
    await page.keyboard.press('Enter');
    ime.forgetComposition();
    await expect(headline).toHaveValue('과기정통부 장관');
    await ime.type(', 뉴욕 방문');
    await expect(headline).toHaveValue('과기정통부 장관, 뉴욕 방문');
    await saveAndReload(page);
    await expect(page.getByTestId('headline-input')).toHaveValue('과기정통부 장관, 뉴욕 방문');
  });

  test('Enter mid-composition in the deck commits the syllable once, then breaks the line', async ({ page }) => {
    const ime = await openNewArticle(page);
    const deck = page.getByTestId('deck-input');
    await deck.click();
    await ime.type('브룩헤이븐 ');
    await ime.compose('방문');
    await ime.commitWithEnter();
    await ime.type('핵물리 협력');
    await expect(deck).toHaveValue('브룩헤이븐 방문\n핵물리 협력');
    await saveAndReload(page);
    await expect(page.getByTestId('deck-input')).toHaveValue('브룩헤이븐 방문\n핵물리 협력');
  });
});
