import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { DeleteWatchDocument, PauseWatchDocument, ResumeWatchDocument, WatchFeedDocument, WatchesDocument, type WatchKind, type WatchRowFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

/** The organisation's watched feeds: add one, see how its polls go, pause, resume or delete it. */
export function WatchesPage() {
  const { t } = useI18n();
  const { canAnnotate } = useSession();
  // Named so urql fetches the list again after any Watch mutation, even while the list is empty.
  const context = useMemo(() => ({ additionalTypenames: ['Watch'] }), []);
  const [{ data, error, fetching }] = useQuery({ query: WatchesDocument, variables: {}, context });
  return (
    <section aria-labelledby="watches-title">
      <h1 id="watches-title">{t('watches')}</h1>
      <p className="hint">{t('watchesHelp')}</p>
      {canAnnotate ? <AddWatch /> : null}
      <ErrorNotice error={error} />
      {fetching && !data ? <p>{t('loading')}</p> : null}
      <ul className="cards" aria-label={t('watches')}>
        {data && data.watches.length === 0 ? <li>{t('noWatches')}</li> : null}
        {data?.watches.map((watch) => <WatchItem key={watch.id} watch={watch} />)}
      </ul>
    </section>
  );
}

function AddWatch() {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<WatchKind>('FEED');
  const [everyMinutes, setEveryMinutes] = useState(15);
  const [result, watchFeed] = useMutation(WatchFeedDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((await watchFeed({ input: { url: url.trim(), kind, everyMinutes } })).data) setUrl('');
  }

  return (
    <form onSubmit={submit} className="narrow" aria-labelledby="add-watch-title">
      <h2 id="add-watch-title">{t('addWatch')}</h2>
      <label htmlFor="watch-url">{t('feedUrl')}</label>
      <input id="watch-url" type="url" dir="ltr" required value={url} onChange={(e) => setUrl(e.target.value)} />
      <label htmlFor="watch-kind">{t('watchKind')}</label>
      <select id="watch-kind" value={kind} onChange={(e) => setKind(e.target.value as WatchKind)}>
        {(['FEED', 'CLAIM_REVIEW'] as const).map((value) => (
          <option key={value} value={value}>
            {t(`watchKind_${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor="watch-every">{t('everyMinutes')}</label>
      <input id="watch-every" type="number" min={1} max={1440} required value={everyMinutes} onChange={(e) => setEveryMinutes(Number(e.target.value))} />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          {t('addWatch')}
        </button>
      </div>
      <ErrorNotice error={result.error} />
    </form>
  );
}

function WatchItem({ watch }: { watch: WatchRowFragment }) {
  const { t, tv, language } = useI18n();
  const { canAnnotate } = useSession();
  const [pausing, pause] = useMutation(PauseWatchDocument);
  const [resuming, resume] = useMutation(ResumeWatchDocument);
  const [deleting, remove] = useMutation(DeleteWatchDocument);
  const busy = pausing.fetching || resuming.fetching || deleting.fetching;
  const when = (value: string | null | undefined) =>
    value ? new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : t('never');
  const titleId = `watch-${watch.id}`;
  return (
    <li className="card watch" aria-labelledby={titleId} data-status={watch.status}>
      <h2 id={titleId} dir="ltr" className="url">
        {watch.url}
      </h2>
      <p className="meta">
        {tv('watchKind', watch.kind)} · {tv('watchStatus', watch.status)}
      </p>
      <dl>
        <dt>{t('lastPoll')}</dt>
        <dd>{when(watch.lastPolledAt)}</dd>
        {watch.status === 'ACTIVE' ? (
          <>
            <dt>{t('nextPoll')}</dt>
            <dd>{when(watch.nextPollAt)}</dd>
          </>
        ) : null}
        <dt>{t('itemsSeen')}</dt>
        <dd>{watch.itemsSeen}</dd>
        <dt>{watch.kind === 'CLAIM_REVIEW' ? t('reviewsImported') : t('articlesCaptured')}</dt>
        <dd>{watch.kind === 'CLAIM_REVIEW' ? watch.reviewsImported : watch.articlesCaptured}</dd>
        {watch.lastError ? (
          <>
            <dt>{t('lastError')}</dt>
            <dd dir="auto" className="last-error">
              {watch.lastError}
            </dd>
          </>
        ) : null}
      </dl>
      {canAnnotate ? (
        <div className="actions">
          {watch.status === 'ACTIVE' ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => pause({ id: watch.id })}>
              {t('pause')}
            </button>
          ) : (
            <button type="button" className="secondary" disabled={busy} onClick={() => resume({ id: watch.id })}>
              {t('resume')}
            </button>
          )}
          <button type="button" className="danger" disabled={busy} onClick={() => window.confirm(t('deleteWatchConfirm')) && remove({ id: watch.id })}>
            {t('delete')}
          </button>
        </div>
      ) : null}
      <ErrorNotice error={pausing.error ?? resuming.error ?? deleting.error} />
    </li>
  );
}
