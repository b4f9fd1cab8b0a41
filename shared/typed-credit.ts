/** Opening and closing brackets a credit is typed in: (포탈뉴스통신), [포탈뉴스통신], 【포탈뉴스통신】, 〔포탈뉴스통신〕. */
const OPEN = '(\\[【〔（';
const CLOSE = ')\\]】〕）';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A credit the reporter typed by hand at the start of the body, which the outputs would then print twice
 * (they add the lead credit themselves): the exact lead the newsroom's template gives, or the agency's
 * name in brackets with or without a 발신지 ("(서울=포탈뉴스통신)"), with the spaces after it. Returns the
 * text to remove from the start of `firstBlock`, or null where there is none. The name must stand alone
 * in its brackets: "(포탈뉴스통신 제공)" or a quotation is the reporter's own words, not a credit.
 */
export function typedCredit(firstBlock: string, agencyCredit: string, leadPrefix: string): string | null {
  const lead = leadPrefix.trim();
  if (lead !== '') {
    const exact = new RegExp(`^\\s*${escapeRegExp(lead)}\\s*`).exec(firstBlock);
    if (exact) return exact[0];
  }
  const agency = agencyCredit.trim();
  if (agency === '') return null;
  const bracketed = new RegExp(`^\\s*[${OPEN}]\\s*(?:[^${OPEN}${CLOSE}=\\n]{1,20}\\s*=\\s*)?${escapeRegExp(agency)}\\s*[${CLOSE}]\\s*`);
  return bracketed.exec(firstBlock)?.[0] ?? null;
}
