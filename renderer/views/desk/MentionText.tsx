import { findMentions } from '../../../shared/mentions';
import type { MentionPerson } from './MentionTextarea';

interface Props {
  body: string;
  /** The ids the service stored for this comment: only those are shown as mentions. */
  mentions: readonly string[];
  people: readonly MentionPerson[];
}

/** A comment's words with each stored @이름 in bold, by the same rule that found them (shared/mentions.ts); the rest is text. */
export function MentionText({ body, mentions, people }: Props) {
  const named = people.filter((p) => mentions.includes(p.id));
  const spans = findMentions(body, named);
  const parts: Array<{ text: string; mention: boolean }> = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) parts.push({ text: body.slice(at, s.start), mention: false });
    parts.push({ text: body.slice(s.start, s.end), mention: true });
    at = s.end;
  }
  if (at < body.length) parts.push({ text: body.slice(at), mention: false });
  return (
    <>
      {parts.map((p, i) =>
        p.mention ? (
          <strong key={i} className="mention" data-testid="mention">
            {p.text}
          </strong>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
