import { expect, test, type Page } from '@playwright/test';
import { KoreanIme } from './support/ime';
import { dropFiles, makePhoto, withXmp, xmpPacket } from './support/photos';
import { useWorkstation } from './support/workstation';

/**
 * Photos end to end in web mode: files dropped, pasted and picked reach the library through the real
 * server, their embedded caption and credit fill the photo's fields, Korean typed into those fields
 * (through the IME) stays there and out of the body, and everything is back after a reload.
 */

const ws = useWorkstation();
let ime: KoreanIme | undefined;

test.afterEach(async () => {
  await ime?.detach();
  ime = undefined;
});

const EMBEDDED = { caption: '과학기술정보통신부 장관이 양자 연구실을 둘러보고 있다', credit: '과학기술정보통신부 제공', creator: '홍길동' };

async function newArticle(page: Page, headline: string, body: string): Promise<void> {
  await ws.start();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill(headline);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(body);
}

/** The body's blocks as the Lexical model holds them: text for paragraphs, the photo fields for photos. */
function bodyModel(page: Page): Promise<unknown[]> {
  return page.getByTestId('body-editor').evaluate((root) => {
    type Node = { type: string; text?: string; children?: Node[]; mediaId?: string; caption?: string; credit?: string; alt?: string; items?: Node[] };
    const editor = (root as HTMLElement & { __lexicalEditor?: { getEditorState(): { toJSON(): { root: Node } } } }).__lexicalEditor!;
    const text = (n: Node): string => (n.text ?? '') + (n.children ?? []).map(text).join('');
    return (editor.getEditorState().toJSON().root.children ?? []).map((b) =>
      b.type === 'photo' ? { photo: [b.caption, b.credit, b.alt] } : b.type === 'gallery' ? { gallery: (b.items ?? []).map((i) => i.caption) } : text(b),
    );
  });
}

async function saveAndWait(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('저장됨');
}

async function imageLoaded(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
      return img.naturalWidth > 0;
    });
}

test('a dropped photo brings its embedded caption and credit; Korean typed into its fields stays there after a reload', async ({ page }) => {
  await newArticle(page, '양자 연구실 방문', '본문 첫 문단');
  const jpeg = withXmp(await makePhoto(page, { width: 1200, height: 800, label: '양자' }), xmpPacket(EMBEDDED));
  await dropFiles(page, '[data-testid="body-editor"]', [{ name: '양자연구실.jpg', type: 'image/jpeg', bytes: jpeg }]);

  const block = page.getByTestId('photo-block');
  await expect(block).toBeVisible();
  await expect(page.getByTestId('photo-caption')).toHaveValue(EMBEDDED.caption);
  await expect(page.getByTestId('photo-credit')).toHaveValue(EMBEDDED.credit);
  await expect(page.getByTestId('photo-problems')).toHaveText('대체 텍스트가 없습니다');
  expect(await imageLoaded(page, '[data-testid="photo-block"] img')).toBe(true);

  // Korean through the IME into the alt text and a rewritten caption: no syllable doubled, none in the body.
  ime = await KoreanIme.attach(page);
  await page.getByTestId('photo-alt').click();
  await ime.type('양자 컴퓨터 앞에 선 장관');
  await ime.commit();
  await page.getByTestId('photo-caption').click();
  await page.getByTestId('photo-caption').press('Control+a');
  await page.getByTestId('photo-caption').press('Delete');
  await ime.type('장관이 큐비트 칩을 살펴보고 있다');
  await ime.commit();
  // Keys the body would act on: Backspace past the start of an emptied field, Enter that ends a syllable.
  await page.getByTestId('photo-credit').click();
  await page.getByTestId('photo-credit').press('Control+a');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Backspace');
  await ime.compose('사진');
  await ime.commitWithEnter();
  await page.getByTestId('headline-input').click();
  await expect(page.getByTestId('photo-credit')).toHaveValue('사진');
  await page.getByTestId('photo-credit').click();
  await page.getByTestId('photo-credit').press('Control+a');
  await page.keyboard.type(EMBEDDED.credit);
  await page.getByTestId('headline-input').click();

  await expect(page.getByTestId('photo-alt')).toHaveValue('양자 컴퓨터 앞에 선 장관');
  await expect(page.getByTestId('photo-caption')).toHaveValue('장관이 큐비트 칩을 살펴보고 있다');
  const expected = ['본문 첫 문단', { photo: ['장관이 큐비트 칩을 살펴보고 있다', EMBEDDED.credit, '양자 컴퓨터 앞에 선 장관'] }, ''];
  await expect.poll(() => bodyModel(page)).toEqual(expected);

  await saveAndWait(page);
  await page.reload();
  await expect(page.getByTestId('photo-caption')).toHaveValue('장관이 큐비트 칩을 살펴보고 있다');
  await expect(page.getByTestId('photo-alt')).toHaveValue('양자 컴퓨터 앞에 선 장관');
  expect(await bodyModel(page)).toEqual(expected);
  expect(await imageLoaded(page, '[data-testid="photo-block"] img')).toBe(true);

  // The preview shows it as the portal will: the figure with caption and credit, after the first paragraph.
  await page.getByTestId('preview-toggle').click();
  await expect(page.locator('[data-testid="preview"] figure figcaption')).toHaveText(`장관이 큐비트 칩을 살펴보고 있다 ${EMBEDDED.credit}`);
});

test('a pasted image becomes a photo; importing the same file again reuses the stored one', async ({ page }) => {
  await newArticle(page, '붙여넣기 시험', '문단');
  const png = await makePhoto(page, { width: 640, height: 480, label: '붙임', type: 'image/png' });
  for (let i = 0; i < 2; i += 1) {
    await page.getByTestId('body-editor').evaluate(
      (root, bytes) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
        root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      [...png],
    );
    await expect(page.getByTestId('photo-block')).toHaveCount(i + 1);
  }
  const ids = await page.getByTestId('photo-block').evaluateAll((els) => els.map((e) => e.getAttribute('data-media-id')));
  expect(ids[0]).toMatch(/^[0-9a-f]{64}$/);
  expect(ids[1]).toBe(ids[0]);
  await page.getByTestId('inspector-tab-media').click();
  await expect(page.getByTestId('media-tile')).toHaveCount(1);
});

test('lead photo, a gallery put in order, and the library: search by caption, see which stories use a photo', async ({ page }) => {
  await newArticle(page, '포토이슈: 봄꽃 축제', '봄꽃 축제가 열렸다.');
  const photo = async (label: string, caption: string) =>
    withXmp(await makePhoto(page, { width: 900, height: 600, label }), xmpPacket({ caption, credit: '포탈뉴스통신', creator: '김기자' }));
  const files = [
    { name: 'a.jpg', mimeType: 'image/jpeg', buffer: await photo('벚꽃', '여의도 벚꽃길을 걷는 시민들') },
    { name: 'b.jpg', mimeType: 'image/jpeg', buffer: await photo('유채', '제주 유채꽃 들판') },
    { name: 'c.jpg', mimeType: 'image/jpeg', buffer: await photo('진달래', '진달래 군락지') },
  ];

  // Three photos into the library through its own import button.
  await page.getByTestId('inspector-tab-media').click();
  await page.getByTestId('media-file-input').setInputFiles(files);
  await expect(page.getByTestId('media-tile')).toHaveCount(3);
  await page.getByTestId('media-search').fill('유채');
  await expect(page.getByTestId('media-tile')).toHaveText(['제주 유채꽃 들판']);
  await page.getByTestId('media-tile').click();
  await page.getByTestId('media-make-lead').click();
  await page.getByTestId('inspector-tab-story').click();
  await expect(page.getByTestId('lead-caption')).toHaveValue('제주 유채꽃 들판');

  // A gallery of the other two, then the second moved first.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('End');
  await page.getByTestId('insert-gallery').click();
  await page.getByTestId('photo-file-input').setInputFiles([files[0]!, files[2]!]);
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
  await page.getByTestId('gallery-1-earlier').click();
  await expect.poll(() => bodyModel(page)).toEqual(['봄꽃 축제가 열렸다.', { gallery: ['진달래 군락지', '여의도 벚꽃길을 걷는 시민들'] }, '']);
  await saveAndWait(page);

  await page.reload();
  await expect(page.getByTestId('lead-caption')).toHaveValue('제주 유채꽃 들판');
  expect(await bodyModel(page)).toEqual(['봄꽃 축제가 열렸다.', { gallery: ['진달래 군락지', '여의도 벚꽃길을 걷는 시민들'] }, '']);

  // The library says where each photo is used.
  await page.getByTestId('inspector-tab-media').click();
  await page.getByTestId('media-search').fill('진달래');
  await expect(page.getByTestId('media-tile')).toHaveText(['진달래 군락지']);
  await page.getByTestId('media-tile').click();
  await expect(page.getByTestId('media-usage')).toContainText('포토이슈: 봄꽃 축제');
  await expect(page.getByTestId('media-usage')).toContainText('갤러리');
  await page.getByTestId('media-search').fill('유채');
  await expect(page.getByTestId('media-tile')).toHaveText(['제주 유채꽃 들판']);
  await page.getByTestId('media-tile').click();
  await expect(page.getByTestId('media-usage')).toContainText('대표 사진');

  // The queue's photo filter finds it among stories with photos, not among those without.
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('사진 없는 기사');
  await saveAndWait(page);
  await page.getByTestId('photo-filter').selectOption('true');
  await expect(page.getByTestId('story-list')).toContainText('포토이슈: 봄꽃 축제');
  await expect(page.getByTestId('story-list')).not.toContainText('사진 없는 기사');
  await page.getByTestId('photo-filter').selectOption('false');
  await expect(page.getByTestId('story-list')).toContainText('사진 없는 기사');
  await expect(page.getByTestId('story-list')).not.toContainText('포토이슈: 봄꽃 축제');
});

test('a file that is not a photo and a truncated JPEG are refused in Korean, and nothing is inserted or stored', async ({ page }) => {
  await newArticle(page, '잘못된 파일', '문단');
  const jpeg = await makePhoto(page, { width: 800, height: 600, label: '잘림' });
  await dropFiles(page, '[data-testid="body-editor"]', [
    { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('이것은 사진이 아니라 글입니다. '.repeat(50)) },
    { name: 'cut.jpg', type: 'image/jpeg', bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) },
  ]);
  const toast = page.getByRole('alert');
  await expect(toast).toContainText('notes.jpg');
  await expect(toast).toContainText('cut.jpg');
  await expect(page.getByTestId('photo-block')).toHaveCount(0);
  await page.getByTestId('inspector-tab-media').click();
  await expect(page.getByTestId('media-library')).toContainText('보관함에 사진이 없습니다.');
});
