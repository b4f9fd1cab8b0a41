/**
 * The typing benchmark's baseline: Lexical with rich text and nothing else, loaded with the same
 * story JSON as Byline's editor. No toolbar, no listeners, no React state around it.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { createRoot } from 'react-dom/client';

const state = await (await fetch('./state.json')).text();

createRoot(document.getElementById('root')!).render(
  <LexicalComposer initialConfig={{ namespace: 'bare', editorState: state, onError: (e) => console.error(e) }}>
    <RichTextPlugin
      contentEditable={<ContentEditable data-testid="body-editor" style={{ maxWidth: 760, margin: '0 auto', lineHeight: 1.8 }} />}
      ErrorBoundary={LexicalErrorBoundary}
    />
  </LexicalComposer>,
);
