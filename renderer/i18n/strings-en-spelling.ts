import type { koSpelling } from './strings-ko-spelling';

/** Spelling in the editor (renderer/views/spelling/), in English. */
export const enSpelling: Record<keyof typeof koSpelling, string> = {
  sp_title: 'Spelling',
  sp_found: '',
  sp_on: 'Check spelling',
  sp_loading: 'Loading the dictionary…',
  sp_ignore: 'Ignore',
  sp_add: 'Add to the newsroom word list',
  sp_noSuggestion: 'No suggestion found',
  sp_menu: 'Spelling suggestions',
  sp_headline: 'Headline',
  sp_deck: 'Deck',
  sp_body: 'Body',
  sp_caption: 'Photo caption',
  sp_added: 'Added to the newsroom word list: {word}',
};
