import { describe, expect, it } from 'vitest';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { PhotoRef } from '../../shared/media';
import { photosOf } from '../../shared/photo-refs';

const ref = (n: number, extra: Partial<PhotoRef> = {}): PhotoRef => ({
  mediaId: String(n).repeat(64).slice(0, 64),
  caption: `설명 ${n}`,
  credit: '포탈뉴스통신',
  alt: `대체 ${n}`,
  ...extra,
});

function body(children: unknown[]) {
  const state = editorStateFromParagraphs(['문단']);
  return { root: { ...state.root, children: [...state.root.children, ...(children as typeof state.root.children)] } };
}

describe('photosOf', () => {
  it('lists the lead photo, then photo blocks and gallery items in reading order', () => {
    const fields = {
      leadPhoto: ref(1),
      body: body([
        { type: 'photo', version: 1, ...ref(2) },
        { type: 'paragraph', children: [] },
        { type: 'gallery', version: 1, items: [ref(3), ref(1)] },
      ]),
    };
    expect(photosOf(fields).map((p) => [p.mediaId[0], p.role])).toEqual([
      ['1', 'lead'],
      ['2', 'body'],
      ['3', 'gallery'],
      ['1', 'gallery'],
    ]);
    expect(photosOf(fields)[1]).toEqual({ ...ref(2), role: 'body' });
  });

  it('passes over unknown nodes and finds a photo nested inside another node', () => {
    const nested = { type: 'layout-container', children: [{ type: 'layout-item', children: [{ type: 'photo', ...ref(4) }] }] };
    expect(photosOf({ leadPhoto: null, body: body([{ type: 'youtube', videoID: 'x' }, nested, { type: 'table', rows: 3 }]) }).map((p) => p.role)).toEqual([
      'body',
    ]);
  });

  it('reads missing texts as empty and skips references without a valid library id', () => {
    const fields = {
      leadPhoto: null,
      body: body([
        { type: 'photo', mediaId: '5'.repeat(64) },
        { type: 'photo', mediaId: 'not-a-hash', caption: '버려짐' },
        { type: 'photo', mediaId: 'A'.repeat(64) },
        { type: 'gallery', items: [null, 7, { mediaId: '6'.repeat(64), caption: 3 }, { caption: '사진 없음' }] },
        { type: 'gallery', items: 'x' },
      ]),
    };
    expect(photosOf(fields)).toEqual([
      { mediaId: '5'.repeat(64), caption: '', credit: '', alt: '', role: 'body' },
      { mediaId: '6'.repeat(64), caption: '', credit: '', alt: '', role: 'gallery' },
    ]);
  });

  it('finds nothing in a story without photos, and stops walking past a depth no editor writes', () => {
    expect(photosOf({ leadPhoto: null, body: editorStateFromParagraphs(['가', '나']) })).toEqual([]);
    let deep: unknown = { type: 'photo', ...ref(7) };
    for (let i = 0; i < 200; i += 1) deep = { type: 'quote', children: [deep] };
    expect(photosOf({ leadPhoto: null, body: body([deep]) })).toEqual([]);
  });
});
