import { useQuery } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { InboxDocument } from '../gql/graphql';
import { directionOf, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** What is waiting: recently captured articles and match suggestions to review. */
export function InboxPage() {
  const { t, formatDate } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: InboxDocument, variables: {} });
  const suggestions = (data?.claims.nodes ?? []).flatMap((claim) =>
    claim.appearances.nodes.flatMap((appearance) =>
      appearance.matchSuggestions.filter((match) => match.claimId !== claim.id).map((match) => ({ claim, match })),
    ),
  );
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox')}</h1>
      <ErrorNotice error={error} />
      {fetching && !data ? <p>{t('loading')}</p> : null}
      <h2>{t('recentArticles')}</h2>
      <ul className="cards" aria-label={t('recentArticles')}>
        {data && data.articles.nodes.length === 0 ? <li>{t('noArticles')}</li> : null}
        {data?.articles.nodes.map((article) => (
          <li key={article.id} className="card">
            <h3 lang={article.language ?? undefined} dir={directionOf(article.language)}>
              <Link href={`/articles/${article.id}`}>{article.title || article.displayUrl}</Link>
            </h3>
            <p className="meta">
              {article.outlet.name} · {t('captured')} {formatDate(article.lastCapturedAt)} · {t('appearances')}: {article.claimAppearances.length}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('suggestionsToReview')}</h2>
      <ul className="cards" aria-label={t('suggestionsToReview')}>
        {data && suggestions.length === 0 ? <li>{t('noSuggestions')}</li> : null}
        {suggestions.map(({ claim, match }) => (
          <li key={`${claim.id}-${match.claimId}`} className="card">
            <p dir="auto">
              <Link href={`/claims/${claim.id}`}>{claim.statement}</Link>
            </p>
            <p dir="auto" className="meta">
              ≈ {match.claim.statement} ({t('score')} {match.score.toFixed(2)})
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
