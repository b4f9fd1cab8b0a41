import type { JSX } from 'react';
import { GalleryNode } from '../../../shared/nodes/gallery-node';
import { GalleryBlock } from './GalleryBlock';

/** The body editor's gallery node: the shared node plus reordering and editing. */
export class EditableGalleryNode extends GalleryNode {
  override $config() {
    return this.config('gallery', { extends: GalleryNode });
  }

  override decorate(): JSX.Element {
    return <GalleryBlock nodeKey={this.getKey()} items={this.getItems()} />;
  }
}
