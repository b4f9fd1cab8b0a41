import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { EditableGalleryNode } from './nodes/EditableGalleryNode';
import { EditablePhotoNode } from './nodes/EditablePhotoNode';

/** The body's node classes. Photo and gallery are the renderer's editable subclasses of the shared nodes (same JSON types). */
export const bodyNodes = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode, EditablePhotoNode, EditableGalleryNode];
