import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { AddClaimNoteDocument, ClaimPageDocument, ConfirmMatchDocument, RejectMatchDocument } from '../gql/graphql';
import { directionOf, labelIn, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';

/** A claim: where it appeared (timeline), its verdicts, notes, related claims and suggested matches. */
export function ClaimPage({ id }: { id: string }) {
  const { t, tv, language, formatDate } = useI18n();
  const { canAnnotate, canEditVerdicts } = useSession();
  const [{ data, error, fetching }] = useQuery({ query: ClaimPageDocument, variables: { id } });
  const [noting, addNote] = useMutation(AddClaimNoteDocument);
  const [confirming, confirm] = useMutation(ConfirmMatchDocument);
  const [rejecting, reject] = useMutation(RejectMatchDocument);
  const [note, setNote] = useState('');

  if (error && !data) return <ErrorNotice error={error} />;
  if (!data?.claim) return <p>{fetching ? t('loading') : t('notFound')}</p>;
  const claim = data.claim;
  const suggestions = claim.appearances.nodes.flatMap((appearance) => appearance.matchSuggestions).filter((match) => match.claimId !== claim.id);

  async function saveNote(event: FormEvent) {
    event.preventDefault();
    if ((await addNote({ input: { claimId: claim.id, text: note } })).data) setNote('');
  }

  return (
    <article aria-labelledby="claim-title">
      <p className="meta">{t('claim')}</p>
      <h1 id="claim-title" lang={claim.language ?? undefined} dir={directionOf(claim.language)}>
        {claim.statement}
      </h1>
      {claim.tags.length ? <p className="tags">{claim.tags.map((tag) => <span key={tag.id} className="tag" dir="auto">{tag.label}</span>)}</p> : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline')}</h2>
        <ol className="timeline">
          {claim.spread.timeline.map((entry) => (
            <li key={entry.appearanceId} className={entry.appearanceId === claim.spread.firstAppearance?.appearanceId ? 'first' : undefined}>
              <time dateTime={String(entry.publishedAt)}>{formatDate(entry.publishedAt)}</time>{' '}
              <strong>{entry.outlet.name}</strong>
              {entry.appearanceId === claim.spread.firstAppearance?.appearanceId ? <span className="badge"> {t('firstAppearance')}</span> : null}
              {entry.sources.length ? (
                <span className="meta" dir="auto">
                  {' '}
                  {t('via')} {entry.sources.map((source) => source.name).join(t('chainArrow'))}
                </span>
              ) : null}
              <p dir="auto">
                <Link href={`/articles/${entry.article.id}`}>«{entry.appearance.exact}»</Link>
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="verdicts-title">
        <h2 id="verdicts-title">{t('verdicts')}</h2>
        <ul>
          {claim.verdicts.map((verdict) => (
            <li key={verdict.id}>
              <Link href={`/verdict-editor/${verdict.id}`}>{verdict.headline || t('newVerdict')}</Link> — {labelIn(verdict.rating.labels, language, verdict.rating.key)} ·{' '}
              {tv('status', verdict.status)}
            </li>
          ))}
        </ul>
        {canEditVerdicts ? (
          <Link href={`/verdict-editor/new?claim=${claim.id}`} className="button">
            {t('newVerdict')}
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">{t('suggestionsToReview')}</h2>
        {suggestions.length === 0 ? <p>{t('noSuggestions')}</p> : null}
        <ul>
          {suggestions.map((match) => (
            <li key={match.claimId}>
              <Link href={`/claims/${match.claimId}`} dir="auto">
                {match.claim.statement}
              </Link>{' '}
              <span className="meta">({t('score')} {match.score.toFixed(2)})</span>
              {canAnnotate ? (
                <span className="actions">
                  <button type="button" className="secondary" onClick={() => confirm({ input: { claimId: claim.id, matchedClaimId: match.claimId } })}>
                    {t('sameClaim')}
                  </button>
                  <button type="button" className="secondary" onClick={() => reject({ input: { claimId: claim.id, matchedClaimId: match.claimId } })}>
                    {t('differentClaim')}
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <ErrorNotice error={confirming.error ?? rejecting.error} />
      </section>

      <section aria-labelledby="related-title">
        <h2 id="related-title">{t('relatedClaims')}</h2>
        {claim.relatedClaims.length === 0 ? <p>{t('none')}</p> : null}
        <ul>
          {claim.relatedClaims.map((related) => (
            <li key={related.claim.id}>
              {related.relation}: <Link href={`/claims/${related.claim.id}`}>{related.claim.statement}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes')}</h2>
        <ul>
          {claim.notes.map((item) => (
            <li key={item.id}>
              <p dir="auto">{item.text}</p>
              <p className="meta">
                {item.authorName} · {formatDate(item.createdAt)}
              </p>
            </li>
          ))}
        </ul>
        {canAnnotate ? (
          <form onSubmit={saveNote}>
            <label htmlFor="note-text">{t('addNote')}</label>
            <textarea id="note-text" dir="auto" rows={2} value={note} required onChange={(e) => setNote(e.target.value)} />
            <button type="submit" disabled={noting.fetching}>
              {t('addNote')}
            </button>
            <ErrorNotice error={noting.error} />
          </form>
        ) : null}
      </section>
    </article>
  );
}
