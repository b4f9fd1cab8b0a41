import type { ArticleFields } from '../../shared/article';
import type { PublishResult, TargetCheck } from '../../shared/contract-publish';
import type { MediaItem } from '../../shared/media';
import type { PhotoSrc } from '../../shared/photo-html';
import type { Settings } from '../../shared/settings';
import type { PostSettings } from '../../shared/settings-posts';
import type { PublishTargetKind } from '../../shared/publish-targets/index';
import type { PublishRecord, StoredTarget } from '../db/publish-repo';

/** A stored target of kind K (of any kind, for the union of them). */
export type TargetOfKind<K extends PublishTargetKind> = Extract<StoredTarget, { kind: K }>;
import type { GhostOptions } from './ghost-client';
import type { SecretStore } from '../host/secret-store';
import type { OutgoingArticle } from './outgoing-article';
import type { StoryTimes } from './reader-meta';
import type { WordPressOptions } from './wordpress';

/*
 * One kind of publishing target (WordPress, Ghost, HTML bundle) behind one shape. An adapter only talks
 * to its site or folder and says how that went; the publish service does everything kinds share (the
 * approved version, the photos, the corrections, the attempt log, marking the story published, one run
 * per story and target at a time). Named TargetAdapter so it never clashes with the contract's
 * PublishTarget, which is the target's stored settings.
 */

/** What every adapter is given once, when the service is made. */
export interface TargetEnv {
  secrets: Pick<SecretStore, 'open'>;
  /** HTML bundles go under <exportsDir>/<target folder>/<story id>/. */
  exportsDir: string;
  /** <data>/media: the renditions a bundle copies. */
  mediaDir: string;
  /** On a shared newsroom database: fetches photos another workstation imported, before a bundle copies them. */
  materialise?: (mediaId: string) => Promise<unknown>;
  wordpress?: WordPressOptions;
  ghost?: GhostOptions;
}

export interface RemotePhoto {
  remoteId: string;
  remoteUrl: string;
}

/** One publish of the approved version to one target, with what the service lends the adapter for it. */
export interface PublishRun<T extends StoredTarget = StoredTarget> {
  target: T;
  articleId: string;
  /** The approved version's fields and number. */
  fields: ArticleFields;
  version: number;
  /** The photos the story places that this computer's library has. */
  media: ReadonlyMap<string, MediaItem>;
  newsroom: Settings['newsroom'];
  /** Which Naver and Daum category each section goes under (환경설정 > 포털 분류). */
  portal: Settings['portal'];
  /** 입력 and 수정: when readers first got the story, when it was last corrected. */
  times: StoryTimes;
  /** How a CMS post is addressed and signed (shared/settings-posts.ts). */
  posts: PostSettings;
  now(): Date;
  /** The story as readers get it, its photos at the addresses `photoSrc` gives. */
  story(photoSrc: PhotoSrc): OutgoingArticle;
  /** The largest JPEG a CMS gets of a photo. */
  photoBytes(mediaId: string): Promise<Uint8Array>;
  /** A photo already uploaded to this target, so it is not uploaded again. */
  knownPhoto(mediaId: string): Promise<RemotePhoto | undefined>;
  savePhoto(mediaId: string, remote: RemotePhoto): Promise<void>;
  /** The story's record on this target, made if missing, under the given key (looked up on the CMS before any create). */
  reserve(key: string): Promise<PublishRecord>;
  /** Records the story's post at once, so a failure after it cannot lose which post is the story's. */
  setRemote(remote: { remoteId: string; remoteUrl: string }): Promise<void>;
}

/** Taking a withdrawn story down from a target it was published to. */
export interface TakedownRun<T extends StoredTarget = StoredTarget> {
  target: T;
  articleId: string;
  newsroom: Settings['newsroom'];
  now(): Date;
  record: PublishRecord & { remoteId: string };
}

/**
 * How a run went, for the attempt log. A thrown error instead means nothing was tried (a missing key or
 * password) and nothing is logged. 'published' and 'updated' make the service mark the story published.
 */
export interface TargetOutcome {
  result: PublishResult;
  remoteId?: string | null;
  /** A takedown without one keeps the address recorded at publication. */
  remoteUrl?: string | null;
  /** Korean, never a credential: why it failed, or what the desk should know of a success. */
  note?: string | null;
  /** Requests sent, retries included. */
  tries: number;
  /** Saved as the story's record together with the attempt (a bundle has no earlier reservation). */
  record?: { key: string; remoteId: string; remoteUrl: string };
}

/** The answer of a connection test: a refusal is an answer, said in Korean without any credential. */
export type ConnectionCheck = TargetCheck;

/**
 * A kind's settings are checked where they are declared, by the kind's schema in shared/publish-targets/
 * (the contract parses a save with it, the repository reads every stored row through it), so an adapter
 * gets them already checked and typed and only does what needs the network or the disk.
 */
export interface TargetAdapter<K extends PublishTargetKind = PublishTargetKind> {
  readonly kind: K;
  /** How the desk calls the target's kind in messages ("워드프레스에는 올라갔지만…"). */
  readonly label: string;
  publish(run: PublishRun<TargetOfKind<K>>): Promise<TargetOutcome>;
  takedown(run: TakedownRun<TargetOfKind<K>>): Promise<TargetOutcome>;
  testConnection(target: TargetOfKind<K>): Promise<ConnectionCheck>;
}
