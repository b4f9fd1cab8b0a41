// @vitest-environment jsdom
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, $insertNodes, createEditor, ParagraphNode, TextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { DEFAULT_META, type ArticleFields } from '../../shared/article';
import { editorStateToHtml } from '../../shared/editor-html';
import { editorStateFromParagraphs, type EditorStateJson } from '../../shared/editor-state';
import { editorStateToText } from '../../shared/editor-text';
import type { PhotoRef } from '../../shared/media';
import { $isGalleryNode, GalleryNode } from '../../shared/nodes/gallery-node';
import { $isPhotoNode, PhotoNode } from '../../shared/nodes/photo-node';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { articleHtml, articleParts } from '../../shared/article-render';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const ref = (mediaId: string, caption: string): PhotoRef => ({ mediaId, caption, credit: '과학기술정보통신부 제공', alt: `${caption} 사진` });

/** A body as the renderer saves it: a photo between paragraphs and a gallery at the end. */
function bodyWithPhotos(): EditorStateJson {
  const body = editorStateFromParagraphs(['첫 문단입니다.', '둘째 문단입니다.']);
  body.root.children.splice(0, 0, { type: 'photo', version: 1, ...ref(A, '양자 연구실') });
  body.root.children.push({ type: 'gallery', version: 1, items: [ref(B, '첫 사진'), ref(C, '둘째 사진')] });
  return body;
}

function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: [PhotoNode, GalleryNode],
    onError: (e) => {
      throw e;
    },
  });
}

describe('photo and gallery nodes, headless', () => {
  it('load and save a body with photos without changing a field', () => {
    const editor = headlessEditor();
    const body = bodyWithPhotos();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    const saved = editor.getEditorState().toJSON() as unknown as EditorStateJson;
    expect(saved.root.children[0]).toEqual({ type: 'photo', version: 1, ...ref(A, '양자 연구실') });
    expect(saved.root.children[3]).toEqual({ type: 'gallery', version: 1, items: [ref(B, '첫 사진'), ref(C, '둘째 사진')] });
  });

  it('keeps only valid photos: a bad media id or a script-bearing field type is dropped, a missing text is empty', () => {
    const editor = headlessEditor();
    const body = editorStateFromParagraphs(['문단']);
    body.root.children.push({ type: 'gallery', version: 1, items: [{ mediaId: '../../etc/passwd', caption: 'x' }, { mediaId: B }, 'junk', null] });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    const items = editor.getEditorState().read(() => ($isGalleryNode($getRoot().getLastChild()) ? ($getRoot().getLastChild() as GalleryNode).getItems() : []));
    expect(items).toEqual([{ mediaId: B, caption: '', credit: '', alt: '' }]);
  });

  it('edits texts and reorders a gallery through the node API', () => {
    const editor = headlessEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyWithPhotos())));
    editor.update(
      () => {
        const root = $getRoot();
        const photo = root.getFirstChild();
        const gallery = root.getLastChild();
        if (!$isPhotoNode(photo) || !$isGalleryNode(gallery)) throw new Error('nodes missing');
        photo.setPhotoText({ caption: '고친 설명' });
        gallery.moveItem(1, 0).updateItem(0, { alt: '바뀐 대체 텍스트' });
        gallery.moveItem(5, 0);
      },
      { discrete: true },
    );
    const json = editor.getEditorState().toJSON() as unknown as EditorStateJson;
    expect(json.root.children[0]).toMatchObject({ caption: '고친 설명', mediaId: A });
    expect((json.root.children[3] as unknown as { items: PhotoRef[] }).items.map((i) => [i.mediaId, i.alt])).toEqual([
      [C, '바뀐 대체 텍스트'],
      [B, '첫 사진 사진'],
    ]);
  });

  it('adds no text to the body: captions are not counted as 본문', () => {
    expect(editorStateToText(bodyWithPhotos())).toBe('첫 문단입니다.\n둘째 문단입니다.');
  });

  it('exports Byline figures to HTML and imports them back as photo nodes, with the texts escaped', () => {
    const editor = headlessEditor();
    const hostile = { mediaId: A, caption: '<img src=x onerror=alert(1)>설명', credit: '"크레디트"', alt: "a' onload='x" };
    let html = '';
    editor.update(
      () => {
        const body = bodyWithPhotos();
        body.root.children[0] = { type: 'photo', version: 1, ...hostile };
        editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
      },
      { discrete: true },
    );
    editor.getEditorState().read(() => {
      html = $generateHtmlFromNodes(editor);
    });
    expect(html).toContain('data-media-id="' + A + '"');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;설명');

    const target = headlessEditor();
    target.update(
      () => {
        const dom = new DOMParser().parseFromString(html, 'text/html');
        $getRoot().clear();
        $insertNodes($generateNodesFromDOM(target, dom));
      },
      { discrete: true },
    );
    const photos = target.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter($isPhotoNode)
        .map((p) => p.getPhoto()),
    );
    expect(photos[0]).toEqual(hostile);
  });

  it('ignores figures that are not Byline photos', () => {
    const target = createEditor({
      namespace: 'test',
      nodes: [PhotoNode, GalleryNode, ParagraphNode, TextNode],
      onError: (e) => {
        throw e;
      },
    });
    target.update(
      () => {
        const dom = new DOMParser().parseFromString('<figure><img src="https://evil.example/x.png"><figcaption>외부 사진</figcaption></figure>', 'text/html');
        $getRoot().clear();
        $insertNodes($generateNodesFromDOM(target, dom));
      },
      { discrete: true },
    );
    expect(target.getEditorState().read(() => $getRoot().getChildren().some($isPhotoNode))).toBe(false);
  });
});

describe('photos in the shared HTML', () => {
  it('renders a photo as a figure with WebP and JPEG renditions from the app route, caption and credit', () => {
    const html = editorStateToHtml(bodyWithPhotos());
    expect(html).toContain(`<source type="image/webp" srcset="/media/${A}/320.webp 320w, /media/${A}/800.webp 800w, /media/${A}/1600.webp 1600w"`);
    expect(html).toContain(`<img src="/media/${A}/800.jpg"`);
    expect(html).toContain(
      '<figcaption><span class="story-photo__caption">양자 연구실</span> <span class="story-photo__credit">과학기술정보통신부 제공</span></figcaption>',
    );
    expect(html).toContain('<div class="story-gallery">');
    expect(html.indexOf(`/media/${B}/`)).toBeLessThan(html.indexOf(`/media/${C}/`));
  });

  it('lets an export point renditions at its own files', () => {
    const html = editorStateToHtml(bodyWithPhotos(), { photoSrc: (r, w, f) => `photos/${r.mediaId.slice(0, 8)}-${w}.${f === 'jpeg' ? 'jpg' : 'webp'}` });
    expect(html).toContain('src="photos/aaaaaaaa-800.jpg"');
    expect(html).not.toContain('/media/');
  });

  it('renders nothing for a photo whose media id is not a SHA-256', () => {
    const body = editorStateFromParagraphs(['문단']);
    body.root.children.push({ type: 'photo', version: 1, mediaId: 'javascript:alert(1)', caption: '', credit: '', alt: '' });
    expect(editorStateToHtml(body)).toBe('<p>문단</p>');
  });

  it('puts the lead photo above the body and still opens the first paragraph with the agency credit', () => {
    const fields: ArticleFields = {
      ...DEFAULT_META,
      headline: '제목',
      deck: '',
      section: 'IT/과학',
      body: bodyWithPhotos(),
      leadPhoto: ref(B, '대표 사진 설명'),
    };
    const parts = articleParts(fields, DEFAULT_SETTINGS.newsroom);
    expect(parts.leadPhotoHtml).toContain('story-photo--lead');
    expect(parts.bodyHtml).toContain('<p>(포탈뉴스통신) 첫 문단입니다.</p>');
    const html = articleHtml(parts);
    expect(html.indexOf('story-photo--lead')).toBeLessThan(html.indexOf('story-view__body'));
  });
});
