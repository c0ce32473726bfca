import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { ConfirmRepeatDocument, DismissRepeatDocument, RepeatsDocument, type RepeatCardFragment } from '../gql/graphql';
import { directionOf, labelIn, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';

/**
 * The organisation's NEW repeats: claims already rated (by us, or by another organisation whose
 * review we imported) found again in a captured article. The workspace has no graphql-ws client,
 * so the list is fetched again whenever the window regains focus (and on Refresh), not live.
 */
export function RepeatsPage() {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RepeatsDocument, variables: { status: 'NEW' } });
  const [done, setDone] = useState<{ id: string; status: 'CONFIRMED' | 'DISMISSED' } | null>(null);

  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && refetch({ requestPolicy: 'network-only' });
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refetch]);

  const repeats = data?.repeats.nodes ?? [];
  return (
    <section aria-labelledby="repeats-title">
      <h1 id="repeats-title">{t('repeats')}</h1>
      <p className="hint">{t('repeatsHelp')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })} disabled={fetching}>
          {t('refresh')}
        </button>
        <span className="meta">{t('repeatsRefresh')}</span>
      </div>
      {done ? (
        <p role="status" className="done">
          {t(done.status === 'CONFIRMED' ? 'repeatConfirmed' : 'repeatDismissed')}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {fetching && !data ? <p>{t('loading')}</p> : null}
      <ul className="cards" aria-label={t('repeats')}>
        {data && repeats.length === 0 ? <li>{t('noRepeats')}</li> : null}
        {repeats.map((repeat) => (
          <RepeatItem key={repeat.id} repeat={repeat} onDone={(status) => setDone({ id: repeat.id, status })} />
        ))}
      </ul>
      {data?.repeats.pageInfo.hasNextPage ? <p className="meta">{t('moreRepeats')}</p> : null}
    </section>
  );
}

function RepeatItem({ repeat, onDone }: { repeat: RepeatCardFragment; onDone(status: 'CONFIRMED' | 'DISMISSED'): void }) {
  const { t, language, formatDate } = useI18n();
  const { canAnnotate } = useSession();
  const [confirming, confirm] = useMutation(ConfirmRepeatDocument);
  const [dismissing, dismiss] = useMutation(DismissRepeatDocument);
  const { article, verdict } = repeat;
  const titleId = `repeat-${repeat.id}`;
  return (
    <li className="card repeat" aria-labelledby={titleId} data-repeat-id={repeat.id}>
      <h2 id={titleId} lang={repeat.claim.language ?? undefined} dir={directionOf(repeat.claim.language)}>
        <Link href={`/claims/${repeat.claim.id}`}>{repeat.claim.statement}</Link>
      </h2>
      {verdict ? (
        <p className={`rating rating-${verdict.rating.key.toLowerCase()}`}>
          {t('ourVerdict')}: {labelIn(verdict.rating.labels, language, verdict.rating.key)} ·{' '}
          <Link href={`/verdict-editor/${verdict.id}`}>
            <span dir="auto">{verdict.headline}</span>
          </Link>
        </p>
      ) : null}
      {repeat.externalReviews.map((review) => (
        <p key={review.id} className="rating">
          {t('checkedBy')} <span dir="auto">{review.reviewerName ?? review.reviewUrl}</span>: <span dir="auto">{review.ratingText ?? '—'}</span> ·{' '}
          <a href={review.reviewUrl} dir="ltr">
            {review.reviewUrl}
          </a>
        </p>
      ))}
      <p className="meta">
        {t('inArticle')}: <Link href={`/articles/${article.id}`}>{article.title || article.displayUrl}</Link> · <bdi>{article.outlet.name}</bdi> ·{' '}
        <bdi>{formatDate(repeat.createdAt)}</bdi> · {t('score')} {repeat.score.toFixed(2)}
        {repeat.afterVerdict ? <> · {t('afterVerdict')}</> : null}
      </p>
      <blockquote lang={article.language ?? undefined} dir={article.direction === 'RTL' ? 'rtl' : 'ltr'}>
        {repeat.prefix ? <span className="context">…{repeat.prefix}</span> : null}
        <mark>{repeat.exact}</mark>
        {repeat.suffix ? <span className="context">{repeat.suffix}…</span> : null}
      </blockquote>
      {repeat.originalArticle ? (
        <p className="meta">
          {t('copyOf')}: <Link href={`/articles/${repeat.originalArticle.id}`}>{repeat.originalArticle.title || repeat.originalArticle.displayUrl}</Link> ·{' '}
          <bdi>{repeat.originalArticle.outlet.name}</bdi>
        </p>
      ) : null}
      {canAnnotate ? (
        <div className="actions">
          <button
            type="button"
            disabled={confirming.fetching || dismissing.fetching}
            onClick={async () => (await confirm({ id: repeat.id })).data && onDone('CONFIRMED')}
          >
            {t('confirm')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={confirming.fetching || dismissing.fetching}
            onClick={async () => (await dismiss({ id: repeat.id })).data && onDone('DISMISSED')}
          >
            {t('dismiss')}
          </button>
        </div>
      ) : null}
      <ErrorNotice error={confirming.error ?? dismissing.error} />
    </li>
  );
}
