import {
  $create,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { readPhotoRef, type PhotoRef } from '../media';
import { galleryHtml } from '../photo-html';

export type SerializedGalleryNode = Spread<{ items: PhotoRef[] }, SerializedLexicalNode>;

/** Most photos a gallery holds: a 포토이슈 runs to a few dozen. */
export const MAX_GALLERY_ITEMS = 60;

/**
 * A photo story's gallery (포토이슈): photos in the order the desk sets, each with its own caption, credit
 * and alt text. React-free like PhotoNode; the renderer's subclass adds reordering and editing.
 */
export class GalleryNode extends DecoratorNode<unknown> {
  __items: readonly PhotoRef[] = [];

  override $config() {
    return this.config('gallery', { extends: DecoratorNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__items = prev.__items;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedGalleryNode>): this {
    const self = super.updateFromJSON(json);
    const raw: unknown[] = Array.isArray(json.items) ? json.items : [];
    self.__items = raw
      .map(readPhotoRef)
      .filter((r): r is PhotoRef => r !== undefined)
      .slice(0, MAX_GALLERY_ITEMS);
    return self;
  }

  override exportJSON(): SerializedGalleryNode {
    return { ...super.exportJSON(), items: [...this.getLatest().__items] };
  }

  getItems(): readonly PhotoRef[] {
    return this.getLatest().__items;
  }

  setItems(items: readonly PhotoRef[]): this {
    const self = this.getWritable();
    self.__items = items.slice(0, MAX_GALLERY_ITEMS);
    return self;
  }

  /** Adds photos at the end, skipping ones the gallery already shows. */
  appendItems(refs: readonly PhotoRef[]): this {
    const have = new Set(this.getItems().map((i) => i.mediaId));
    return this.setItems([...this.getItems(), ...refs.filter((r) => !have.has(r.mediaId))]);
  }

  /** Moves the photo at `from` to `to`, the others keeping their order. */
  moveItem(from: number, to: number): this {
    const items = [...this.getItems()];
    if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return this;
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved!);
    return this.setItems(items);
  }

  updateItem(index: number, patch: Partial<Omit<PhotoRef, 'mediaId'>>): this {
    return this.setItems(this.getItems().map((item, i) => (i === index ? { ...item, ...patch } : item)));
  }

  removeItem(index: number): this {
    return this.setItems(this.getItems().filter((_, i) => i !== index));
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    const className = (config.theme as { gallery?: string }).gallery;
    if (className) element.className = className;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const holder = $getDocument().createElement('div');
    holder.innerHTML = galleryHtml(this.getItems()) || '<div class="story-gallery"></div>';
    return { element: holder.firstElementChild as HTMLElement };
  }

  override getTextContent(): string {
    return '';
  }

  override isInline(): false {
    return false;
  }
}

export function $createGalleryNode(items: readonly PhotoRef[] = []): GalleryNode {
  const node = $create(GalleryNode);
  node.__items = items.slice(0, MAX_GALLERY_ITEMS);
  return node;
}

export function $isGalleryNode(node: LexicalNode | null | undefined): node is GalleryNode {
  return node instanceof GalleryNode;
}
