import {
  $create,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { readPhotoRef, type PhotoRef } from '../media';
import { photoFigureHtml } from '../photo-html';

export type SerializedPhotoNode = Spread<PhotoRef, SerializedLexicalNode>;

const NO_PHOTO: PhotoRef = { mediaId: '0'.repeat(64), caption: '', credit: '', alt: '' };

/** Byline's own figure, as exportDOM writes it (copying within the editor goes through HTML). */
function $importFigure(element: HTMLElement): DOMConversionOutput | null {
  const ref = readPhotoRef({
    mediaId: element.dataset.mediaId,
    caption: element.querySelector('.story-photo__caption')?.textContent ?? '',
    credit: element.querySelector('.story-photo__credit')?.textContent ?? '',
    alt: element.querySelector('img')?.getAttribute('alt') ?? '',
  });
  return ref ? { node: $createPhotoNode(ref) } : null;
}

/** Only Byline's own figures become photos when HTML is pasted; any other image is dropped by the sanitiser. */
export const PHOTO_IMPORT_DOM = {
  figure: (element: HTMLElement) => (element.dataset.mediaId ? { conversion: $importFigure, priority: 2 as const } : null),
} satisfies DOMConversionMap;

/**
 * A photo block in the story body: the library photo it shows plus this story's caption, credit and alt
 * text. React-free, so that the main process and exports can load a body headless; the renderer
 * registers a subclass that adds the editing UI (decorate).
 */
export class PhotoNode extends DecoratorNode<unknown> {
  __photo: PhotoRef = NO_PHOTO;

  override $config() {
    return this.config('photo', {
      extends: DecoratorNode,
      importDOM: PHOTO_IMPORT_DOM,
    });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__photo = prev.__photo;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedPhotoNode>): this {
    const self = super.updateFromJSON(json);
    self.__photo = readPhotoRef(json) ?? NO_PHOTO;
    return self;
  }

  override exportJSON(): SerializedPhotoNode {
    return { ...super.exportJSON(), ...this.getLatest().__photo };
  }

  getPhoto(): PhotoRef {
    return this.getLatest().__photo;
  }

  /** Caption, credit and alt text change; the photo itself does not (a new photo is a new block). */
  setPhotoText(patch: Partial<Omit<PhotoRef, 'mediaId'>>): this {
    const self = this.getWritable();
    self.__photo = { ...self.__photo, ...patch };
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    const className = (config.theme as { photo?: string }).photo;
    if (className) element.className = className;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const holder = $getDocument().createElement('div');
    // photoFigureHtml escapes every text it writes.
    holder.innerHTML = photoFigureHtml(this.getPhoto());
    const figure = holder.firstElementChild as HTMLElement;
    figure.dataset.mediaId = this.getPhoto().mediaId;
    return { element: figure };
  }

  /** A photo adds nothing to the story's text: captions are not counted as 본문. */
  override getTextContent(): string {
    return '';
  }

  override isInline(): false {
    return false;
  }
}

export function $createPhotoNode(ref: PhotoRef): PhotoNode {
  const node = $create(PhotoNode);
  node.__photo = ref;
  return node;
}

export function $isPhotoNode(node: LexicalNode | null | undefined): node is PhotoNode {
  return node instanceof PhotoNode;
}
