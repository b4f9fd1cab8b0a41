import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Article, ArticleFields } from '../shared/article';
import { holds } from '../shared/permissions';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../shared/settings';
import { createClient } from './client';
import { LocaleProvider } from './i18n/i18n';
import { NewsroomTimeProvider } from './i18n/newsroom-time';
import { useMediaActions } from './media/useMediaActions';
import { MediaProvider } from './media/MediaContext';
import { readPickedProfileId, withActor } from './views/desk/actor-client';
import { readLastOpen, signOut, writeLastOpen, type SignedIn } from './client/session';
import { ReviewScreen } from './views/desk/ReviewScreen';
import { useProfiles } from './views/desk/useProfiles';
import { useWorkflow } from './views/desk/useWorkflow';
import { WorkflowContext } from './views/desk/WorkflowContext';
import { EmptyArticle } from './views/EmptyArticle';
import { Inspector } from './views/Inspector';
import { ProfilePicker } from './views/ProfilePicker';
import { QueuePanel } from './views/QueuePanel';
import { SettingsDialog } from './views/SettingsDialog';
import { StatusBar } from './views/StatusBar';
import { ArticleEditor } from './views/ArticleEditor';
import { useArticle } from './views/useArticle';
import { useOutbox } from './views/useOutbox';
import { OutboxIndicator } from './views/OutboxIndicator';
import { AccountsDialog } from './views/accounts/AccountsDialog';
import { NotificationBell, type NotificationTarget } from './views/notifications/NotificationBell';
import { spellingProblems } from '../shared/spelling-submission';
import { createSpellChecker } from './spelling/spell-worker-client';
import { useSpellingService } from './views/spelling/SpellingProvider';

export function App({ signedIn = null }: { signedIn?: SignedIn | null }) {
  // On this machine, saves, archives and new stories carry the profile picked in this window: the main
  // process checks them against the desk's workflow for that person (see views/desk/actor-client.ts).
  // On the newsroom server the session is the actor, and the request must not name one.
  const client = useMemo(() => (signedIn ? createClient() : withActor(createClient(), readPickedProfileId)), [signedIn]);
  const people = useProfiles(client, signedIn?.id);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [reviewTab, setReviewTab] = useState<'diff' | 'comment'>('diff');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // Bumped after every save or new story: the queue refetches what it shows.
  const [queueVersion, setQueueVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  // While another story is being opened, editing is paused so that nothing typed lands in the old one.
  const [switching, setSwitching] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [accountsOpen, setAccountsOpen] = useState(false);
  // A single workstation has no one to refuse; on the server, only a 관리자 or 편집국장 sees what only they may change.
  const mayAdminister = !signedIn || holds(signedIn, 'admin');

  const refreshQueue = useCallback(async () => setQueueVersion((n) => n + 1), []);

  const onSaved = useCallback((_article: Article) => void refreshQueue().catch(() => undefined), [refreshQueue]);
  const story = useArticle(client, onSaved);
  const outbox = useOutbox(client);
  const spelling = useSpellingService(client, createSpellChecker);
  const spellingAtSubmit = useCallback((fields: ArticleFields) => spellingProblems(fields, spelling.check), [spelling.check]);
  const { load, save, isDirty } = story;

  /** A version stored elsewhere (a workflow move, or another person's edit seen while read-only): show it. */
  const showArticle = useCallback(
    (article: Article) => {
      load(article);
      void refreshQueue();
    },
    [load, refreshQueue],
  );
  const workflow = useWorkflow({
    client,
    actor: people.actor,
    article: story.article,
    save,
    currentFields: story.currentFields,
    isDirty,
    onArticle: showArticle,
    houseStyle: settings.houseStyle,
    spelling: spelling.enabled ? spellingAtSubmit : undefined,
  });
  // Until the main process has answered, only a draft is taken to be editable; it refuses a save it would not allow anyway.
  const mayEdit = workflow.status ? workflow.status.editable : story.article?.state === 'draft';
  const readOnly = switching || !mayEdit;

  /** Saves what is on screen, then loads `next`; unsaved text is never dropped on the way. */
  const switchTo = useCallback(
    async (next: () => Promise<Article>) => {
      setSwitching(true);
      setReviewOpen(false);
      try {
        if (!(await save())) return;
        const article = await next();
        if (!(await save())) return;
        load(article);
        // On the newsroom server the settings are everyone's: the story open in this window is this window's to remember.
        if (signedIn) writeLastOpen(article.id);
        else setSettings(await client.call('settings.set', { lastOpenArticleId: article.id }));
        await refreshQueue();
      } catch (err) {
        setProblem((err as Error).message);
      } finally {
        setSwitching(false);
      }
    },
    [client, load, refreshQueue, save, signedIn],
  );

  const open = useCallback((id: string) => switchTo(() => client.call('articles.get', { id })), [client, switchTo]);
  const create = useCallback(() => switchTo(() => client.call('articles.create', {})), [client, switchTo]);
  // A notice opens its story; a comment's opens the review screen, where the comments are.
  const openNotice = useCallback(
    (target: NotificationTarget) =>
      void open(target.articleId).then(() => {
        if (target.place !== 'comments') return;
        setReviewTab('comment');
        setReviewOpen(true);
      }),
    [open],
  );

  const media = useMediaActions(client, readOnly, story.updateField, setProblem);

  const openId = story.article?.id;
  const listRevisions = useCallback(() => (openId ? client.call('articles.revisions', { id: openId }) : Promise.resolve([])), [client, openId]);

  const saveSettings = useCallback(
    async (patch: SettingsPatch): Promise<string | null> => {
      try {
        setSettings(await client.call('settings.set', patch));
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    },
    [client],
  );

  // At start: preferences, the queue, and the story that was open last time.
  useEffect(() => {
    void (async () => {
      try {
        const s = await client.call('settings.get', {});
        setSettings(s);
        await refreshQueue();
        const lastOpen = signedIn ? readLastOpen() : s.lastOpenArticleId;
        if (lastOpen) {
          const last = await client.call('articles.get', { id: lastOpen }).catch(() => null);
          if (last) load(last);
        }
      } catch (err) {
        setProblem((err as Error).message);
      }
    })();
  }, [client, load, refreshQueue, signedIn]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [save, isDirty]);

  return (
    <LocaleProvider locale={settings.locale}>
      <NewsroomTimeProvider zone={settings.newsroom.timeZone}>
        <div className="workstation">
          <QueuePanel
            client={client}
            sections={settings.sections}
            refreshKey={queueVersion}
            selectedId={story.article?.id ?? null}
            onSelect={(id) => void open(id)}
            onCreate={() => void create()}
            onSettings={() => setSettingsOpen(true)}
            actor={people.actor}
            onProfile={signedIn ? undefined : () => setPickerOpen(true)}
            onSignOut={signedIn ? () => void save().finally(() => void signOut()) : undefined}
            onAccounts={signedIn && mayAdminister ? () => setAccountsOpen(true) : undefined}
          />
          <NotificationBell client={client} personId={people.actor?.id ?? null} onOpen={openNotice} />
          {story.article && story.fields && story.initialBody ? (
            <MediaProvider value={media}>
              <WorkflowContext.Provider
                value={{
                  workflow,
                  actor: people.actor,
                  openReview: () =>
                    void save().then((saved) => {
                      if (!saved) return;
                      setReviewTab('diff');
                      setReviewOpen(true);
                    }),
                  openProfilePicker: () => setPickerOpen(true),
                  client,
                  openArticle: (id) => void open(id),
                  copy: () => {
                    if (openId) void switchTo(() => client.call('articles.copy', { id: openId }));
                  },
                }}
              >
                <ArticleEditor
                  article={story.article}
                  fields={story.fields}
                  initialBody={story.initialBody}
                  loadSeq={story.loadSeq}
                  status={story.status}
                  notice={story.notice}
                  readOnly={readOnly}
                  newsroom={settings.newsroom}
                  houseStyle={settings.houseStyle}
                  spelling={spelling}
                  editorRef={story.editorRef}
                  currentFields={story.currentFields}
                  onField={story.updateField}
                  onDirty={story.markDirty}
                  onText={story.setBodyText}
                  onSave={() => void save()}
                  onResolveConflict={(choice) => void story.resolveConflict(choice)}
                  onDismissNotice={story.dismissNotice}
                />
                <Inspector
                  article={story.article}
                  fields={story.fields}
                  sections={settings.sections}
                  readOnly={readOnly}
                  loadSeq={story.loadSeq}
                  onChange={story.updateField}
                  onRestore={(version) => void story.restoreRevision(version)}
                  listRevisions={listRevisions}
                  editorRef={story.editorRef}
                  onOpenArticle={(id) => void open(id)}
                />
              </WorkflowContext.Provider>
            </MediaProvider>
          ) : (
            <EmptyArticle />
          )}
          {story.article && (
            <StatusBar status={story.status} bodyText={story.bodyText}>
              <OutboxIndicator outbox={outbox} onOpenArticle={(id) => void open(id)} />
            </StatusBar>
          )}
          {reviewOpen && story.article && (
            <ReviewScreen
              client={client}
              articleId={story.article.id}
              actor={people.actor}
              workflow={workflow}
              initialTab={reviewTab}
              onClose={() => setReviewOpen(false)}
            />
          )}
          {pickerOpen && (
            <ProfilePicker
              profiles={people.profiles}
              current={people.actor}
              sections={settings.sections}
              onPick={people.pick}
              onCreate={people.create}
              onClose={() => setPickerOpen(false)}
            />
          )}
          {settingsOpen && (
            <SettingsDialog
              client={client}
              beforeRestore={save}
              onRestored={() => window.location.reload()}
              settings={settings}
              mayAdminister={mayAdminister}
              onSave={saveSettings}
              onClose={() => setSettingsOpen(false)}
            />
          )}
          {accountsOpen && <AccountsDialog client={client} sections={settings.sections} onClose={() => setAccountsOpen(false)} />}
          {problem && (
            <div className="toast" role="alert" onClick={() => setProblem(null)}>
              {problem}
            </div>
          )}
        </div>
      </NewsroomTimeProvider>
    </LocaleProvider>
  );
}
