import { z } from 'zod';
import { Dateline } from './article';
import { DEFAULT_TIME_ZONE, isTimeZone } from './newsroom-time';
import { DEFAULT_SECTIONS } from './sections';
import { DEFAULT_PORTAL_SETTINGS, PortalSettings } from './settings-portal';
import { DEFAULT_HOUSE_STYLE, HouseStyleSettings } from './settings-house-style';
import { DEFAULT_POST_SETTINGS, PostSettings } from './settings-posts';
import { DEFAULT_PUBLISH_DEFAULTS, PublishDefaults } from './settings-publish-defaults';

/**
 * Preferences, one schema for every host: electron-store in the desktop app and its `conf` base in web
 * mode are given the JSON Schema generated from this; the newsroom server's row in its database is read
 * and written through it (electron/services/settings.ts). Secrets never live here.
 */
export const Settings = z.object({
  identity: z.object({
    name: z.string().max(100),
    email: z.union([z.literal(''), z.email().max(200)]),
  }),
  locale: z.enum(['ko', 'en']),
  sections: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  defaultSection: z.string().max(50),
  /** The story that was open when the app last closed; it opens again at start. */
  lastOpenArticleId: z.uuid().nullable(),
  /** How this outlet signs and credits its copy (DESIGN.md: templates, not hard-coded strings). */
  newsroom: z.object({
    /** The agency credit, e.g. 포탈뉴스통신. */
    agencyCredit: z.string().max(50),
    /**
     * Opens the lead: {dateline}, {credit} and {bylines} are filled in, e.g. "({credit})" or
     * "({dateline}={credit}) {bylines} ="; a story without a dateline drops "{dateline}=" (shared/article-render.ts).
     */
    leadTemplate: z.string().max(200),
    /**
     * The 발신지 a new story starts with: the bureau's city, not the last one typed, so a one-off 세종
     * trip does not follow the reporter home. Optional: newsroom objects made before it (settings files,
     * a window's patch) stay valid and read as none.
     */
    defaultDateline: Dateline.optional(),
    /** One line per reporter at the end of the story, e.g. "{name} {title} {email}"; empty for none. */
    bylineTemplate: z.string().max(200),
    /** After the body of a press-release story, e.g. "[뉴스출처 : {source}]". */
    attributionTemplate: z.string().max(200),
    /**
     * A press release's ㅇ/○/◦ items: a bulleted list (as the release draws them) or prose paragraphs
     * (as wire copy reads). Optional, as defaultDateline is: older newsroom objects read as 'list'.
     */
    pressReleaseItems: z.enum(['list', 'prose']).optional(),
    /**
     * The newsroom's time zone (an IANA name): every time the interface shows and every embargo typed are
     * in it, not in each machine's (shared/newsroom-time.ts). Optional, as above: reads as Asia/Seoul.
     */
    timeZone: z.string().max(64).refine(isTimeZone, { message: '알 수 없는 시간대입니다.' }).optional(),
  }),
  /** Photos. A photo's GPS position can reveal a source or a reporter's whereabouts: exports drop it unless kept here. */
  media: z.object({
    keepGpsOnExport: z.boolean(),
  }),
  /** Which Naver and Daum category each section goes under (shared/settings-portal.ts). */
  portal: PortalSettings,
  houseStyle: HouseStyleSettings,
  posts: PostSettings,
  publishDefaults: PublishDefaults,
  window: z.object({
    width: z.number().int().min(400).max(10_000),
    height: z.number().int().min(300).max(10_000),
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    maximized: z.boolean(),
  }),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  identity: { name: '', email: '' },
  locale: 'ko',
  sections: [...DEFAULT_SECTIONS],
  defaultSection: '정치',
  lastOpenArticleId: null,
  newsroom: {
    agencyCredit: '포탈뉴스통신',
    leadTemplate: '({dateline}={credit})',
    bylineTemplate: '',
    attributionTemplate: '[뉴스출처 : {source}]',
    defaultDateline: '',
    pressReleaseItems: 'list',
    timeZone: DEFAULT_TIME_ZONE,
  },
  media: { keepGpsOnExport: false },
  portal: DEFAULT_PORTAL_SETTINGS,
  houseStyle: DEFAULT_HOUSE_STYLE,
  posts: DEFAULT_POST_SETTINGS,
  publishDefaults: DEFAULT_PUBLISH_DEFAULTS,
  window: { width: 1400, height: 900, maximized: false },
};

/** A settings change names only the top-level keys it replaces. */
export const SettingsPatch = z.strictObject({
  identity: Settings.shape.identity.strict().optional(),
  locale: Settings.shape.locale.optional(),
  sections: Settings.shape.sections.optional(),
  defaultSection: Settings.shape.defaultSection.optional(),
  lastOpenArticleId: Settings.shape.lastOpenArticleId.optional(),
  window: Settings.shape.window.strict().optional(),
  newsroom: Settings.shape.newsroom.strict().optional(),
  media: Settings.shape.media.strict().optional(),
  portal: PortalSettings.optional(),
  houseStyle: HouseStyleSettings.strict().optional(),
  posts: PostSettings.strict().optional(),
  publishDefaults: PublishDefaults.strict().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
