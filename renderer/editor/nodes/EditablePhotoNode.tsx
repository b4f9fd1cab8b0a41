import type { JSX } from 'react';
import { PHOTO_IMPORT_DOM, PhotoNode } from '../../../shared/nodes/photo-node';
import { PhotoBlock } from './PhotoBlock';

/** The body editor's photo node: the shared node plus its editing UI. Same type, so the JSON is the same. */
export class EditablePhotoNode extends PhotoNode {
  override $config() {
    return this.config('photo', { extends: PhotoNode, importDOM: PHOTO_IMPORT_DOM });
  }

  override decorate(): JSX.Element {
    return <PhotoBlock nodeKey={this.getKey()} photo={this.getPhoto()} />;
  }
}
