import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ArticleText } from '../components/article-text';
import { ChainEditor, hopDraftOf, hopInputOf, type HopDraft } from '../components/chain-editor';
import { ErrorNotice } from '../components/error-notice';
import {
  AcceptCandidateDocument,
  AnnotateClaimDocument,
  ArticleReaderDocument,
  ClaimSuggestionsDocument,
  type ArticleReaderQuery,
} from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import type { SpanSelector } from '../text/code-points';

type Candidate = ArticleReaderQuery['claimCandidates'][number];
type Article = NonNullable<ArticleReaderQuery['article']>;

/** The suggested chain of a candidate as the API files it: origin, relays, then this site republishing. */
function chainOf(candidate: Candidate, siteOutletId: string): HopDraft[] {
  const hops = candidate.suggestedChain.map((hop, index) =>
    hopDraftOf(hop, index === 0 ? 'ORIGIN' : 'RELAYED', candidate.suggestedChain[index + 1]),
  );
  if (hops.length && candidate.suggestedChain.at(-1)?.matchedOutlet?.id !== siteOutletId) {
    hops.push({ relation: 'REPUBLISHED', choice: `outlet:${siteOutletId}`, newKind: 'ORGANISATION', newName: '', cue: '' });
  }
  return hops;
}

/** An article: its text with appearances highlighted, selection → annotation, and the claim candidates. */
export function ArticleReaderPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { canAnnotate } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ArticleReaderDocument, variables: { id } });
  // A new appearance changes the highlights and the candidates; the document cache cannot know that
  // when the article had none yet, so the reader asks again after each annotation.
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [accepting, accept] = useMutation(AcceptCandidateDocument);
  const [draft, setDraft] = useState<{ selector: SpanSelector; chain: HopDraft[] } | null>(null);

  if (error && !data) return <ErrorNotice error={error} />;
  if (!data?.article) return <p>{fetching ? t('loading') : t('notFound')}</p>;
  const article = data.article;
  const direction = article.direction === 'RTL' ? 'rtl' : 'ltr';
  const revisionId = article.latestRevision.id;
  const current = article.claimAppearances.filter((appearance) => appearance.articleRevisionId === revisionId);

  function select(selector: SpanSelector) {
    if (!canAnnotate) return;
    // A selection inside a candidate's sentence starts from that candidate's chain.
    const around = data!.claimCandidates.find((candidate) => candidate.start <= selector.start && selector.end <= candidate.end);
    setDraft({ selector, chain: around ? chainOf(around, article.outlet.id) : [] });
  }

  return (
    <article className="reader" aria-labelledby="article-title">
      <header>
        <h1 id="article-title" lang={article.language ?? undefined} dir={direction}>
          {article.title || article.displayUrl}
        </h1>
        <p className="meta">
          <Link href={`/outlets`}>{article.outlet.name}</Link> ·{' '}
          <a href={article.displayUrl} dir="ltr" rel="noreferrer noopener">
            {article.displayUrl}
          </a>
          {article.publishedAt ? ` · ${t('published')} ${formatDate(article.publishedAt)}` : ''} · {t('revision')} {article.latestRevision.number}
        </p>
      </header>
      <div className="reader-columns">
        <div className="reader-text">
          {canAnnotate ? <p className="hint">{t('selectHint')}</p> : null}
          <ArticleText
            text={article.latestRevision.text}
            language={article.language}
            direction={direction}
            label={t('articleText')}
            appearances={current}
            onSelect={select}
          />
        </div>
        <aside className="reader-side" aria-label={t('candidates')}>
          {draft ? (
            <AnnotationPanel key={`${draft.selector.start}-${draft.selector.end}`} article={article} draft={draft} onDone={() => setDraft(null)} onSaved={reload} />
          ) : null}
          <h2>{t('candidates')}</h2>
          <ErrorNotice error={accepting.error} />
          <ol className="candidates">
            {data.claimCandidates.map((candidate) => (
              <li key={`${candidate.start}-${candidate.end}`} className="card candidate">
                <p dir="auto">{candidate.exact}</p>
                <p className="meta chain-line" dir="auto">
                  {candidate.suggestedChain.map((hop) => hop.matchedSource?.name ?? hop.matchedOutlet?.name ?? hop.name ?? hop.descriptor).join(t('chainArrow'))}
                </p>
                {candidate.annotatedAppearanceId ? (
                  <p className="done">{t('alreadyAnnotated')}</p>
                ) : canAnnotate ? (
                  <div className="actions">
                    <button type="button" disabled={accepting.fetching} onClick={() => accept({ input: { articleId: article.id, revisionId, start: candidate.start, end: candidate.end } }).then(reload)}>
                      {t('accept')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        setDraft({
                          selector: { start: candidate.start, end: candidate.end, exact: candidate.exact, prefix: '', suffix: '' },
                          chain: chainOf(candidate, article.outlet.id),
                        })
                      }
                    >
                      {t('acceptWithChain')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          <h2>{t('appearances')}</h2>
          <ul className="appearances">
            {current.map((appearance) => (
              <li key={appearance.id} className="card">
                <p dir="auto">
                  <Link href={`/claims/${appearance.claim.id}`}>{appearance.claim.statement}</Link>
                </p>
                <p className="meta chain-line" dir="auto">
                  {appearance.attributionChain.map((hop) => hop.source.name).join(t('chainArrow'))}
                </p>
              </li>
            ))}
          </ul>
          {article.copies.length ? (
            <>
              <h2>{t('copies')}</h2>
              <ul>
                {article.copies.map((copy) => (
                  <li key={copy.articleId}>
                    <Link href={`/articles/${copy.articleId}`}>{copy.article.title || copy.article.displayUrl}</Link> ({Math.round(copy.similarity * 100)}%)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

/** Annotating a selection: a new claim or an existing one (with match suggestions), and its chain. */
function AnnotationPanel(props: { article: Article; draft: { selector: SpanSelector; chain: HopDraft[] }; onDone(): void; onSaved(): void }) {
  const { article, draft, onDone } = props;
  const { t } = useI18n();
  const { selector } = draft;
  const [claimId, setClaimId] = useState<string>('new');
  const [statement, setStatement] = useState(selector.exact);
  const [chain, setChain] = useState<HopDraft[]>(draft.chain);
  const [{ data: matches }] = useQuery({ query: ClaimSuggestionsDocument, variables: { text: selector.exact, language: article.language } });
  const [saving, annotate] = useMutation(AnnotateClaimDocument);
  const known = new Map<string, string>();
  matches?.claimMatches.forEach((match) => known.set(match.claimId, match.claim.statement));
  article.claimAppearances.forEach((appearance) => known.set(appearance.claim.id, appearance.claim.statement));

  async function save(event: FormEvent) {
    event.preventDefault();
    // Position and quote together: the API checks the quote against the position.
    const anchor = selector.prefix || selector.suffix ? selector : { start: selector.start, end: selector.end, exact: selector.exact };
    const result = await annotate({
      input: {
        articleId: article.id,
        revisionId: article.latestRevision.id,
        selector: anchor,
        ...(claimId === 'new' ? { statement: statement.trim() } : { claimId }),
        chain: chain.map(hopInputOf),
      },
    });
    if (result.data) {
      onDone();
      props.onSaved();
    }
  }

  return (
    <form className="card annotate" onSubmit={save} aria-labelledby="annotate-title">
      <h2 id="annotate-title">{t('annotate')}</h2>
      <p className="meta">{t('selection')}</p>
      <blockquote dir="auto" data-testid="selected-quote" lang={article.language ?? undefined}>
        {selector.exact}
      </blockquote>
      <fieldset>
        <legend>{t('claim')}</legend>
        <label className="choice">
          <input type="radio" name="claim" value="new" checked={claimId === 'new'} onChange={() => setClaimId('new')} /> {t('newClaim')}
        </label>
        {claimId === 'new' ? (
          <label>
            {t('statement')}
            <textarea dir="auto" rows={3} value={statement} required onChange={(e) => setStatement(e.target.value)} />
          </label>
        ) : null}
        {known.size ? <p className="meta">{t('existingClaims')}</p> : null}
        {[...known].map(([id, text]) => (
          <label key={id} className="choice">
            <input type="radio" name="claim" value={id} checked={claimId === id} onChange={() => setClaimId(id)} />{' '}
            <span dir="auto">{text}</span>
            {matches?.claimMatches.find((match) => match.claimId === id) ? (
              <span className="meta"> ({t('score')} {matches.claimMatches.find((match) => match.claimId === id)!.score.toFixed(2)})</span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <ChainEditor hops={chain} onChange={setChain} siteOutletId={article.outlet.id} />
      <ErrorNotice error={saving.error} />
      <div className="actions">
        <button type="submit" disabled={saving.fetching}>
          {t('save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

