import { PagedList } from '../components/paged-list';
import { PublicVerdictsDocument } from '../gql/graphql';
import { directionOf, labelIn, useI18n } from '../i18n/i18n';

/** The public home: the latest published verdicts, readable without a token. */
export function HomePage() {
  const { t, language, formatDate } = useI18n();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('latestVerdicts')}</h1>
      <PagedList
        query={PublicVerdictsDocument}
        connection={(data) => data.verdicts}
        label={t('latestVerdicts')}
        empty={<p>{t('noVerdicts')}</p>}
        item={(verdict) => (
          <li key={verdict.id} className="card verdict-card" data-rating={verdict.rating.key}>
            <h2 lang={verdict.language} dir={directionOf(verdict.language)}>
              <a href={`/verdicts/${verdict.id}`}>{verdict.headline}</a>
            </h2>
            <p className={`rating rating-${verdict.rating.key.toLowerCase()}`}>
              <span className="label">{t('rating')}: </span>
              {labelIn(verdict.rating.labels, language, verdict.rating.key)}
            </p>
            <blockquote dir="auto">{verdict.claim.statement}</blockquote>
            <p className="meta">
              {verdict.organisation.name} · {formatDate(verdict.publishedAt)}
            </p>
          </li>
        )}
      />
    </section>
  );
}
