import { expect, test, type Page } from '@playwright/test';
import { callApi } from './support/api';
import { dropFiles, makePhoto, withXmp, xmpPacket } from './support/photos';
import { useWorkstation } from './support/workstation';

/**
 * 맞춤법 in the window (issue 23): a typo typed into the body is underlined (a Custom Highlight of its own,
 * apart from 표기 원칙's), its suggestion replaces it from the right-click menu, a name added to the
 * 뉴스룸 사전 stops being underlined, a caption's typo is underlined on the copy behind its field, and
 * 송고 lists what is left as warnings without refusing the story.
 */

const ws = useWorkstation();
const SHOTS = '/tmp/shots/spell-desk';

/** What the editor underlines for spelling, as text. */
function underlined(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('byline-spelling') ?? [])].map((r) => (r as Range).toString()));
}

/** Right-clicks the middle of the underlined `word`. */
async function rightClick(page: Page, word: string): Promise<void> {
  const at = await page.evaluate((w) => {
    const range = [...(CSS.highlights.get('byline-spelling') ?? [])].find((r) => (r as Range).toString() === w) as Range | undefined;
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, word);
  expect(at, `${word} is underlined on screen`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y, { button: 'right' });
}

test('디랙터 underlined and replaced; a name added to 뉴스룸 사전 loses its underline; a caption typo is underlined; 송고 lists what is left', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await ws.start();
  const reporter = await callApi<{ id: string }>(ws.server, 'profiles.create', { name: '김기자', email: '', role: 'reporter' });
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  await context.addInitScript((id) => window.localStorage.setItem('byline.profileId', id), reporter.id);
  const page = await context.newPage();
  await page.goto(ws.server.url);
  await page.getByRole('button', { name: '새 기사' }).click();
  await page.getByTestId('headline-input').fill('과학기술정보통신부 새 디렉터 임명');

  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('새 디랙터는 쿼텍실라는 회사에서 일했다.');
  // The first check waits for the worker to load the dictionary (seconds on a busy machine); later ones are quick.
  await expect.poll(() => underlined(page), { timeout: 120_000 }).toEqual(['디랙터는', '쿼텍실라는']);
  // Nothing was written into the story: the paragraph is one text node.
  await expect(page.getByTestId('body-editor').locator('p > *')).toHaveCount(1);
  await expect(page.getByTestId('spelling-item')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/body-underline.png` });

  await rightClick(page, '디랙터는');
  const menu = page.getByTestId('spelling-menu');
  await expect(menu.getByRole('menuitem').first()).toHaveText('디렉터는');
  await page.screenshot({ path: `${SHOTS}/suggestion-menu.png` });
  await menu.getByRole('menuitem').first().click();
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText('새 디렉터는 쿼텍실라는 회사에서 일했다.');
  await expect.poll(() => underlined(page)).toEqual(['쿼텍실라는']);

  // The name goes into the 뉴스룸 사전 without its particle, for everyone.
  await rightClick(page, '쿼텍실라는');
  await expect(page.getByTestId('spelling-menu-add')).toHaveText('뉴스룸 사전에 추가: 쿼텍실라');
  await page.getByTestId('spelling-menu-add').click();
  await expect.poll(() => underlined(page)).toEqual([]);
  expect((await callApi<{ words: Array<{ word: string; addedBy: { name: string } | null }> }>(ws.server, 'spelling.words', {})).words).toEqual([
    expect.objectContaining({ word: '쿼텍실라', addedBy: expect.objectContaining({ name: '김기자' }) as unknown }),
  ]);
  // Another form of it is accepted too.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' 쿼텍실라가 밝혔다.');
  await page.waitForFunction(() => document.querySelector('[data-testid="body-editor"] p')?.textContent?.endsWith('밝혔다.'));
  await expect.poll(() => underlined(page)).toEqual([]);

  // A photo whose caption has the typo: underlined on the copy behind the caption field.
  const jpeg = withXmp(
    await makePhoto(page, { width: 800, height: 600, label: '연구실' }),
    xmpPacket({ caption: '디랙터가 연구실을 소개하고 있다', credit: '포탈뉴스통신', creator: '김기자' }),
  );
  await dropFiles(page, '[data-testid="body-editor"]', [{ name: '연구실.jpg', type: 'image/jpeg', bytes: jpeg }]);
  await expect(page.getByTestId('photo-caption')).toHaveValue('디랙터가 연구실을 소개하고 있다');
  await expect.poll(() => underlined(page), { timeout: 15_000 }).toEqual(['디랙터가']);
  const captionUnderline = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('byline-spelling') ?? [])][0] as Range;
    return range.startContainer.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
  });
  expect(captionUnderline).toBe('photo-caption-marks');
  await page.getByTestId('photo-caption').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/caption-underline.png` });

  // 송고 goes through and lists the caption's finding with the others as a warning.
  await page.getByTestId('workflow-submit').click();
  await expect(page.getByTestId('workflow-state')).toHaveText('송고');
  await expect(page.getByTestId('submit-problems').locator('li')).toContainText([/^맞춤법\(사진 1 설명\) '디랙터가' → '디렉터가'/]);
  await page.getByTestId('submit-problems').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/submit-list.png` });
  await context.close();
});
