import { PagedList } from '../components/paged-list';
import { OutletsDocument, SourcesDocument } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** Outlets: profile, ownership, the sources they relay and their track record. */
export function OutletsPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="outlets-title">
      <h1 id="outlets-title">{t('outlets')}</h1>
      <PagedList
        query={OutletsDocument}
        connection={(data) => data.outlets}
        label={t('outlets')}
        empty={<p>{t('none')}</p>}
        item={(outlet) => (
          <li key={outlet.id} className="card">
            <h2 dir="auto">{outlet.name}</h2>
            <dl>
              <dt>{t('ownership')}</dt>
              <dd>
                {outlet.ownership} · {outlet.kind}
                {outlet.affiliationNote ? <span dir="auto"> — {outlet.affiliationNote}</span> : null}
              </dd>
              {outlet.country ? (
                <>
                  <dt>{t('country')}</dt>
                  <dd>{outlet.country}</dd>
                </>
              ) : null}
              <dt>{t('domains')}</dt>
              <dd dir="ltr">{outlet.domains.join(', ') || '—'}</dd>
              <dt>{t('relayedSources')}</dt>
              <dd dir="auto">{outlet.relayedSources.map((relayed) => `${relayed.source.name} (${relayed.appearanceCount})`).join('، ') || '—'}</dd>
              <dt>{t('falseClaims')}</dt>
              <dd>{outlet.falseClaimCount}</dd>
            </dl>
          </li>
        )}
      />
    </section>
  );
}

/** Sources: who said what, to whom an anonymous source spoke, and their track record. */
export function SourcesPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sources-title">
      <h1 id="sources-title">{t('sources')}</h1>
      <PagedList
        query={SourcesDocument}
        connection={(data) => data.sources}
        label={t('sources')}
        empty={<p>{t('none')}</p>}
        item={(source) => (
          <li key={source.id} className="card">
            <h2 dir="auto">{source.name}</h2>
            <dl>
              <dt>{t('sourceKind')}</dt>
              <dd>{source.kind}</dd>
              {source.confidedToOutlet ? (
                <>
                  <dt>{t('confidedTo')}</dt>
                  <dd dir="auto">{source.confidedToOutlet.name}</dd>
                </>
              ) : null}
              {source.description ? (
                <>
                  <dt>{t('summary')}</dt>
                  <dd dir="auto">{source.description}</dd>
                </>
              ) : null}
              <dt>{t('falseClaims')}</dt>
              <dd>{source.falseClaimCount}</dd>
            </dl>
          </li>
        )}
      />
    </section>
  );
}
