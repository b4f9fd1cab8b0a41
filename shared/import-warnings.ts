import type { ProposalField } from './press-release';

/**
 * The analyser's warnings about a field it could not read (electron/import/press-release.ts writes them
 * with these openings), so the side panel can tell which are fixed once the story has the field.
 */
export const FIELD_WARNING = {
  headline: '보도자료의 제목을 찾지 못했습니다.',
  sourceAttribution: '발표 기관(뉴스출처)을 찾지 못했습니다.',
  embargoAt: '보도시점',
} as const satisfies Partial<Record<ProposalField, string>>;

/** The story's values for the fields an import proposed. */
export interface ImportedValues {
  headline: string;
  deck: string;
  sourceAttribution: string;
  embargoAt: string | null;
}

/**
 * The warnings that still stand: a missing headline or 뉴스출처 is fixed once the story has one; an
 * embargo the release gave without a time (or unreadably) once the reporter confirmed the embargo or set
 * another. Warnings about the file itself (a photo that could not be read) always stand.
 */
export function standingWarnings(
  warnings: readonly string[],
  current: ImportedValues,
  record: { confirmed: readonly ProposalField[]; proposals: { embargoAt: string | null } },
): string[] {
  return warnings.filter((w) => {
    if (w.startsWith(FIELD_WARNING.headline)) return current.headline.trim() === '';
    if (w.startsWith(FIELD_WARNING.sourceAttribution)) return current.sourceAttribution.trim() === '';
    if (w.startsWith(FIELD_WARNING.embargoAt)) return !record.confirmed.includes('embargoAt') && current.embargoAt === record.proposals.embargoAt;
    return true;
  });
}
