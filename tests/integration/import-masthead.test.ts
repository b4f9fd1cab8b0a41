import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { editorStateToText } from '../../shared/editor-text';
import type { Result } from '../../shared/errors';
import type { ImportResult } from '../../shared/press-release';
import { startTestBackend } from './support/backend';
import { RELEASE, RELEASE_PROPOSALS, makeDocx, makeHtmlPage, makeHwpx, makePdf, releasePhoto, type Masthead } from './support/documents';
import { makeTempDir, removeTempDirs } from './support/temp';

/**
 * Ministry mastheads — letter-spaced, bracketed, boxed — above a release that names its issuer only in
 * its lead: every format the importer reads must take the masthead for the header, not the headline.
 */

let backend: Backend | undefined;

beforeAll(async () => {
  ({ backend } = await startTestBackend(makeTempDir('byline-masthead-')));
});

afterAll(async () => {
  await backend?.close();
  removeTempDirs();
});

const MASTHEADS: Array<[string, Masthead]> = [
  ['letter-spaced 보 도 자 료', { text: '보 도 자 료' }],
  ['보도참고자료 in a box', { text: '보도참고자료', box: true }],
  ['bracketed, spaced [ 설 명 자 료 ]', { text: '[ 설 명 자 료 ]' }],
  ['【해명자료】', { text: '【해명자료】' }],
  ['< 참 고 자 료 > in a box', { text: '< 참 고 자 료 >', box: true }],
  ['보도자료 drawn with letter spacing', { text: '보도자료', spacing: 16 }],
  ['issuer and masthead on one line', { text: '과학기술정보통신부 보 도 자 료' }],
];

const FORMATS: Array<[string, string, (m: Masthead) => Promise<Buffer>]> = [
  ['HWPX', 'hwpx', (m) => makeHwpx({ masthead: m })],
  ['DOCX', 'docx', (m) => makeDocx({ masthead: m })],
  ['PDF', 'pdf', (m) => makePdf({ masthead: m })],
  ['HTML', 'html', async (m) => Buffer.from(makeHtmlPage(await releasePhoto(), m))],
];

const bare = (s: string) => s.replace(/[\s[\]【】<>]/g, '');
const letters = (m: Masthead) => bare(m.text).replace(RELEASE.issuer, '');

describe.each(FORMATS)('%s release under a ministry masthead', (_label, ext, make) => {
  it.each(MASTHEADS)('%s: the masthead is the header, the title the headline, and 뉴스출처 is kept', async (_name, masthead) => {
    const data = new Uint8Array(await make(masthead));
    const result = (await backend!.dispatch('import.document', { fileName: `보도자료.${ext}`, data })) as Result<ImportResult>;
    if (!result.ok) throw new Error(result.error.message);
    const { article, record } = result.value;
    expect(record.proposals).toEqual(RELEASE_PROPOSALS);
    expect(record.warnings).toEqual([]);
    const body = bare(editorStateToText(article.body));
    expect(body).not.toContain(letters(masthead));
    expect(body).not.toContain(bare(RELEASE.title));
    expect(body).toContain(bare(RELEASE.lead.replace(/^□/, '')));
    const header = record.setAside.filter((s) => s.kind === 'header').map((s) => bare(s.text));
    expect(header.some((h) => h.includes(letters(masthead)))).toBe(true);
  });
});
