/**
 * `npm run server -- import <data folder or backup> [--map <profileId>=<loginId>]… [--default-owner <loginId>]`:
 * a 관리자 brings a single workstation's archive into the newsroom. It needs no running server: it opens
 * the newsroom's PostgreSQL from BYLINE_DATABASE_URL and migrates it as the server's start does. Every
 * refusal (a source that is not Byline's, a database out of reach, a person with no account) comes before
 * the first story or photo is written. Progress goes to stderr, the summary to stdout.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { openStorage, storageFromEnv } from '../host/open-storage';
import { audit } from './audit';
import { parseMapFlags, planAuthors, type ArchivePerson } from './archive-authors';
import { ArchiveImport, type ImportProgress, type ImportSummary } from './archive-import';
import { openArchiveSource, type ArchiveSource } from './archive-source';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now?: () => number;
}

const USAGE = '사용법: npm run server -- import <바이라인 데이터 폴더 또는 백업 파일> [--map <프로필 id>=<로그인>]… [--default-owner <로그인>]';

/** Refused (before anything was written, unless it stopped mid-way and says so): exit status 2, as the server's start refusals. */
const REFUSED = 2;

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}분 ${s % 60}초` : `${s}초`;
}

function progressLine(p: ImportProgress): string {
  const left = p.remainingMs === undefined ? '' : p.done === p.total ? ' 끝' : ` 남은 시간 약 ${duration(p.remainingMs)}`;
  return `[가져오기] ${p.stage === 'photos' ? '사진' : '기사'} ${p.done}/${p.total} 「${p.headline.slice(0, 60)}」${left}`;
}

function unmappedLines(people: readonly ArchivePerson[]): string[] {
  return [
    `뉴스룸 계정을 찾지 못한 프로필이 ${people.length}명 있어 아무것도 가져오지 않았습니다 (같은 이메일의 계정이 없습니다):`,
    ...people.map((p) => `  ${p.id}  ${p.name}  ${p.email || '(이메일 없음)'}`),
    '각 프로필을 --map <프로필 id>=<로그인>으로 계정에 잇거나, --default-owner <로그인>으로 한 계정에 모아 다시 실행하세요.',
  ];
}

function summaryLines(label: string, s: ImportSummary): string[] {
  return [
    `가져오기 끝: ${label}`,
    `  기사: 새로 ${s.storiesAdded}건, 이미 있음 ${s.storiesExisting}건`,
    `  버전 ${s.revisions}개, 작업 이력 ${s.events}건, 데스크 의견 ${s.comments}건`,
    `  사진: 새로 ${s.photosAdded}장, 이미 있음 ${s.photosExisting}장, 원본 없음 ${s.photosMissing.length}장`,
    ...s.photosMissing.map((id) => `    원본 파일이 없거나 손상된 사진 (옮기지 않음): ${id}`),
  ];
}

/** Runs the import; returns the process's exit status. */
export async function runImportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const refuse = (message: string) => {
    io.err(`[byline server] ${message}`);
    return REFUSED;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { map: { type: 'string', multiple: true }, 'default-owner': { type: 'string' } },
    });
  } catch (err) {
    return refuse(`${(err as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length !== 1) return refuse(USAGE);
  const storage = storageFromEnv(io.env);
  if (storage.engine !== 'postgres') return refuse('가져올 곳은 뉴스룸의 PostgreSQL입니다. BYLINE_DATABASE_URL에 postgres:// 주소를 주세요.');

  let source: ArchiveSource | undefined;
  let newsroom;
  let started = false;
  try {
    const map = parseMapFlags(parsed.values.map ?? []);
    source = await openArchiveSource(parsed.positionals[0]!);
    newsroom = (
      await openStorage(storage, '').catch((err: unknown) => {
        throw new AppError('STORAGE', `${(err as Error).message} 아무것도 가져오지 않았습니다.`);
      })
    ).db;
    const plan = await planAuthors(source.db, newsroom, { map, defaultOwner: parsed.values['default-owner'] });
    if (plan.unmapped.length > 0) {
      for (const line of unmappedLines(plan.unmapped)) io.err(line);
      return REFUSED;
    }
    io.err(`[가져오기] ${source.label}: 사람 ${plan.mapping.size}명 (이메일 ${plan.byEmail}, --map ${plan.byFlag}, --default-owner ${plan.byDefault})`);
    const now = io.now ?? Date.now;
    started = true;
    let shownAt = -Infinity;
    const summary = await new ArchiveImport({
      source,
      newsroom,
      people: plan.mapping,
      now,
      // A line a second at most: a 2,000-story archive would otherwise scroll its own start away.
      onProgress: (p) => {
        if ((p.stage === 'photos' || p.done !== 0) && p.done !== p.total && now() - shownAt < 1000) return;
        shownAt = now();
        io.err(progressLine(p));
      },
    }).run();
    // No session: whoever holds the database's address is the 관리자 here, so the row names what moved, not who.
    const { photosMissing, ...counts } = summary;
    await audit(newsroom, new Date(now()), {
      actorId: null,
      action: 'archive_imported',
      subject: source.label,
      details: { ...counts, photosMissing: photosMissing.length, people: Object.fromEntries(plan.mapping) },
    });
    for (const line of summaryLines(source.label, summary)) io.out(line);
    return 0;
  } catch (err) {
    // Each story went in whole or not at all: what is in stays, and a second run brings the rest.
    if (started) return refuse(`가져오기가 중간에 멈췄습니다. 들어간 기사는 그대로 두었고, 다시 실행하면 나머지를 가져옵니다: ${(err as Error).message}`);
    if (err instanceof AppError) return refuse(err.message);
    throw err;
  } finally {
    await source?.close();
    await newsroom?.close().catch(() => undefined);
  }
}
