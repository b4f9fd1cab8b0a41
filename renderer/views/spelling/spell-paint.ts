import type { SpellFinding } from '../../../shared/spelling-types';

/** The Custom Highlight every field's spelling underlines share (renderer/styles/spelling.css). */
export const HIGHLIGHT_SPELLING = 'byline-spelling';

/** Where a finding stands: the field it is in and how to replace it there. */
export interface SpellSource {
  id: string;
  /** 제목, 부제, 본문, 사진 설명: for the list. */
  label: string;
  /** Replaces the finding's word; false when the text moved under it meanwhile. */
  replace: (finding: SpellFinding, by: string) => boolean;
}

export interface PaintedFinding {
  source: SpellSource;
  finding: SpellFinding;
  /** null when the finding is listed but not on screen (a collapsed or hidden field). */
  range: Range | null;
}

const painted = new Map<string, PaintedFinding[]>();
const listeners = new Set<() => void>();
let snapshot: PaintedFinding[] = [];

/** What each source shows now, for the 맞춤법 list (a useSyncExternalStore store, so typing re-renders only it). */
export const spellingFindings = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): PaintedFinding[] {
    return snapshot;
  },
};

function highlightsAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

function repaint(): void {
  snapshot = [...painted.values()].flat();
  if (highlightsAvailable()) {
    const h = new Highlight();
    for (const p of snapshot) if (p.range) h.add(p.range);
    CSS.highlights.set(HIGHLIGHT_SPELLING, h);
  }
  for (const l of [...listeners]) l();
}

/** Replaces one source's findings (an empty list clears them). */
export function paintSpelling(sourceId: string, list: PaintedFinding[]): void {
  if (list.length === 0 && !painted.has(sourceId)) return;
  if (list.length === 0) painted.delete(sourceId);
  else painted.set(sourceId, list);
  repaint();
}

/**
 * The finding under a point of the screen, by the rectangles of its range: it works alike for the body and
 * for the copies of text behind the headline, deck and caption fields, which sit under their textareas.
 */
export function findingAt(x: number, y: number): PaintedFinding | null {
  for (const p of snapshot) {
    if (!p.range) continue;
    for (const r of p.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return p;
  }
  return null;
}

/** A Range over the UTF-16 offsets [start, end) of an element's text, across its text nodes in order. */
export function rangeInText(root: Node, start: number, end: number): Range | null {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument!.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      return range;
    }
    at += length;
  }
  return null;
}
