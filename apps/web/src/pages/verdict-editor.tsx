import { useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { ErrorNotice, errorCode } from '../components/error-notice';
import {
  ClaimHeadingDocument,
  CorrectVerdictDocument,
  CreateVerdictDocument,
  PublishVerdictDocument,
  RetractVerdictDocument,
  ReturnVerdictDocument,
  SubmitVerdictDocument,
  UpdateVerdictDocument,
  VerdictEditorDocument,
  type EditableVerdictFragment,
  type EvidenceKind,
  type VerdictEditorQuery,
} from '../gql/graphql';
import { directionOf, labelIn, useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';

const EVIDENCE_KINDS: EvidenceKind[] = ['DOCUMENT', 'OFFICIAL_STATEMENT', 'EXPERT', 'VIDEO'];

/** Loads a verdict and its scales; the form starts again from each version the server holds. */
export function VerdictEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const client = useClient();
  const [{ data, error, fetching }] = useQuery({ query: VerdictEditorDocument, variables: { id } });
  // The form keeps its own state across refetches; only a reload (after a CONFLICT) starts it again.
  const [generation, setGeneration] = useState(0);
  async function reload() {
    await client.query(VerdictEditorDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    setGeneration(generation + 1);
  }
  if (error && !data) return <ErrorNotice error={error} />;
  if (!data) return <p>{fetching ? t('loading') : t('notFound')}</p>;
  return (
    <VerdictForm
      key={generation}
      verdict={data.verdict}
      scales={data.ratingScales}
      onReload={reload}
    />
  );
}

/** A verdict not yet written: the form starts empty and its first save creates the draft. */
export function NewVerdictPage({ claimId }: { claimId: string }) {
  const { t, language } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: ClaimHeadingDocument, variables: { id: claimId } });
  if (error && !data) return <ErrorNotice error={error} />;
  if (!data?.claim) return <p>{fetching ? t('loading') : t('notFound')}</p>;
  const unsaved: EditableVerdictFragment = {
    id: '',
    status: 'DRAFT',
    version: 0,
    headline: '',
    summary: '',
    rationale: '',
    language: data.claim.language?.split('-')[0] === 'en' ? 'en' : (data.claim.language ? 'ar' : language),
    authors: [],
    publicNote: null,
    claimReview: null,
    ratingId: data.ratingScales[0]?.ratings[0]?.id ?? '',
    claim: { id: data.claim.id, statement: data.claim.statement },
    evidence: [],
  };
  return <VerdictForm verdict={unsaved} scales={data.ratingScales} onReload={() => undefined} isNew />;
}

interface VerdictFormProps {
  isNew?: boolean;
  verdict: EditableVerdictFragment;
  scales: VerdictEditorQuery['ratingScales'];
  onReload(): void;
}

function VerdictForm({ verdict: loaded, scales, onReload, isNew = false }: VerdictFormProps) {
  const { t, tv, language } = useI18n();
  const { canEditVerdicts } = useSession();
  const [verdict, setVerdict] = useState(loaded);
  const [fields, setFields] = useState({
    ratingId: loaded.ratingId,
    headline: loaded.headline,
    summary: loaded.summary,
    rationale: loaded.rationale,
    language: loaded.language,
    authors: loaded.authors.join(', '),
  });
  const [evidence, setEvidence] = useState(loaded.evidence.map(({ url, archivedUrl, kind, note }) => ({ url, archivedUrl: archivedUrl ?? '', kind, note: note ?? '' })));
  const [publicNote, setPublicNote] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [saved, setSaved] = useState(false);
  const [, create] = useMutation(CreateVerdictDocument);
  const [, update] = useMutation(UpdateVerdictDocument);
  const [, submit] = useMutation(SubmitVerdictDocument);
  const [, returnToDraft] = useMutation(ReturnVerdictDocument);
  const [, publish] = useMutation(PublishVerdictDocument);
  const [, correct] = useMutation(CorrectVerdictDocument);
  const [, retract] = useMutation(RetractVerdictDocument);
  const editable = canEditVerdicts && (verdict.status === 'DRAFT' || verdict.status === 'IN_REVIEW');
  const correctable = canEditVerdicts && (verdict.status === 'PUBLISHED' || verdict.status === 'CORRECTED');
  const ratings = scales.flatMap((scale) => scale.ratings);

  const content = () => ({
    ratingId: fields.ratingId,
    headline: fields.headline,
    summary: fields.summary,
    rationale: fields.rationale,
    language: fields.language,
    authors: fields.authors.split(/[,،]/).map((name) => name.trim()).filter(Boolean),
    evidence: evidence.filter((item) => item.url.trim()).map((item) => ({ url: item.url.trim(), archivedUrl: item.archivedUrl.trim() || undefined, kind: item.kind, note: item.note.trim() || undefined })),
  });

  /** Runs one step; the verdict it returns is the new base version of the form. */
  async function step(run: () => Promise<{ data?: Record<string, EditableVerdictFragment> | null; error?: CombinedError }>) {
    setError(null);
    setSaved(false);
    const result = await run();
    const next = result.data && Object.values(result.data)[0];
    if (next) {
      setVerdict(next);
      setSaved(true);
    } else setError(result.error ?? null);
  }
  const base = { id: verdict.id, expectedVersion: verdict.version };
  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!isNew) return step(() => update({ input: { ...base, ...content() } }));
    setError(null);
    const result = await create({ input: { claimId: verdict.claim.id, ...content() } });
    if (result.data) navigate(`/verdict-editor/${result.data.createVerdict.id}`);
    else setError(result.error ?? null);
  }

  return (
    <article aria-labelledby="editor-title">
      <p className="meta">{t('verdictEditor')}</p>
      <h1 id="editor-title" dir="auto">
        <Link href={`/claims/${verdict.claim.id}`}>{verdict.claim.statement}</Link>
      </h1>
      <p className="status" data-status={isNew ? 'NEW' : verdict.status} hidden={isNew}>
        {t('status')}: <strong>{tv('status', verdict.status)}</strong> · {t('version')} {verdict.version}
        {verdict.status !== 'DRAFT' && verdict.status !== 'IN_REVIEW' ? (
          <>
            {' · '}
            <a href={`/verdicts/${verdict.id}`}>{t('publicPage')}</a>
          </>
        ) : null}
      </p>
      <form onSubmit={save} className="verdict-form">
        <fieldset disabled={!editable && !correctable}>
          <label>
            {t('rating')}
            <select value={fields.ratingId} onChange={(e) => setFields({ ...fields, ratingId: e.target.value })}>
              {ratings.map((rating) => (
                <option key={rating.id} value={rating.id}>
                  {labelIn(rating.labels, language, rating.key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('language')}
            <select value={fields.language} onChange={(e) => setFields({ ...fields, language: e.target.value })}>
              <option value="ar">العربية</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('headline')}
            <input dir={directionOf(fields.language)} lang={fields.language} value={fields.headline} onChange={(e) => setFields({ ...fields, headline: e.target.value })} />
          </label>
          <label>
            {t('summary')}
            <textarea rows={3} dir={directionOf(fields.language)} lang={fields.language} value={fields.summary} onChange={(e) => setFields({ ...fields, summary: e.target.value })} />
          </label>
          <label>
            {t('rationale')}
            <textarea rows={6} dir={directionOf(fields.language)} lang={fields.language} value={fields.rationale} onChange={(e) => setFields({ ...fields, rationale: e.target.value })} />
          </label>
          <label>
            {t('authors')}
            <input dir="auto" value={fields.authors} onChange={(e) => setFields({ ...fields, authors: e.target.value })} />
          </label>
          <fieldset className="evidence">
            <legend>{t('evidence')}</legend>
            {evidence.map((item, index) => {
              const change = (patch: Partial<typeof item>) => setEvidence(evidence.map((other, i) => (i === index ? { ...other, ...patch } : other)));
              return (
                <div key={index} className="evidence-item">
                  <label>
                    {t('evidenceUrl')}
                    <input type="url" dir="ltr" value={item.url} onChange={(e) => change({ url: e.target.value })} />
                  </label>
                  <label>
                    {t('archivedUrl')}
                    <input type="url" dir="ltr" value={item.archivedUrl} onChange={(e) => change({ archivedUrl: e.target.value })} />
                  </label>
                  <label>
                    {t('evidenceKind')}
                    <select value={item.kind} onChange={(e) => change({ kind: e.target.value as EvidenceKind })}>
                      {EVIDENCE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {tv('evidence', kind)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" className="secondary" onClick={() => setEvidence(evidence.filter((_, i) => i !== index))}>
                    {t('removeEvidence')}
                  </button>
                </div>
              );
            })}
            <button type="button" className="secondary" onClick={() => setEvidence([...evidence, { url: '', archivedUrl: '', kind: 'DOCUMENT', note: '' }])}>
              {t('addEvidence')}
            </button>
          </fieldset>
          {correctable || verdict.status === 'IN_REVIEW' ? (
            <label>
              {t('publicNote')}
              <input dir="auto" value={publicNote} onChange={(e) => setPublicNote(e.target.value)} />
            </label>
          ) : null}
        </fieldset>
        {error ? (
          <ErrorNotice error={error}>
            {errorCode(error) === 'CONFLICT' ? (
              <button type="button" onClick={onReload}>
                {t('reload')}
              </button>
            ) : null}
          </ErrorNotice>
        ) : null}
        {saved ? <p role="status">{t('saved')}</p> : null}
        <div className="actions">
          {editable ? <button type="submit">{t('save')}</button> : null}
          {editable && !isNew && verdict.status === 'DRAFT' ? (
            <button type="button" onClick={() => step(() => submit({ input: base }))}>
              {t('submit')}
            </button>
          ) : null}
          {editable && verdict.status === 'IN_REVIEW' ? (
            <>
              <button type="button" className="secondary" onClick={() => step(() => returnToDraft({ input: { ...base, note: publicNote || undefined } }))}>
                {t('returnToDraft')}
              </button>
              <button type="button" onClick={() => step(() => publish({ input: base }))}>
                {t('publish')}
              </button>
            </>
          ) : null}
          {correctable ? (
            <>
              <button type="button" disabled={!publicNote.trim()} onClick={() => step(() => correct({ input: { ...base, ...content(), note: publicNote } }))}>
                {t('correct')}
              </button>
              <button type="button" className="danger" disabled={!publicNote.trim()} onClick={() => step(() => retract({ input: { ...base, note: publicNote } }))}>
                {t('retract')}
              </button>
            </>
          ) : null}
        </div>
      </form>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t('claimReviewPreview')}</h2>
        {verdict.claimReview ? (
          <pre dir="ltr" className="json" tabIndex={0}>
            {JSON.stringify(JSON.parse(verdict.claimReview), null, 2)}
          </pre>
        ) : (
          <p>{t('claimReviewLater')}</p>
        )}
      </section>
    </article>
  );
}
