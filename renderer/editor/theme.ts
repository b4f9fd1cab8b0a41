import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  heading: { h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li' },
  link: 'ed-link',
  photo: 'ed-photo',
  gallery: 'ed-gallery',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
  },
};
