import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { CaptureHtmlDocument, CaptureTextDocument } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** Capture an article from pasted text, or from its page HTML and URL. */
export function CapturePage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<'text' | 'html'>('text');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [textResult, captureText] = useMutation(CaptureTextDocument);
  const [htmlResult, captureHtml] = useMutation(CaptureHtmlDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result =
      mode === 'text'
        ? (await captureText({ input: { url: url.trim(), text: body, title: title.trim() || undefined } })).data?.captureArticle
        : (await captureHtml({ input: { url: url.trim(), html: body } })).data?.captureArticleFromHtml;
    if (result) navigate(`/articles/${result.article.id}`);
  }

  return (
    <section aria-labelledby="capture-title">
      <h1 id="capture-title">{t('capture')}</h1>
      <form onSubmit={submit}>
        <fieldset className="tabs">
          <legend>{t('capture')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'text'} onChange={() => setMode('text')} /> {t('pasteText')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'html'} onChange={() => setMode('html')} /> {t('pasteHtml')}
          </label>
        </fieldset>
        <label htmlFor="capture-url">{t('url')}</label>
        <input id="capture-url" type="url" dir="ltr" required value={url} onChange={(e) => setUrl(e.target.value)} />
        {mode === 'text' ? (
          <>
            <label htmlFor="capture-title-input">{t('title')}</label>
            <input id="capture-title-input" dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
          </>
        ) : null}
        <label htmlFor="capture-body">{mode === 'text' ? t('text') : t('pageHtml')}</label>
        <textarea id="capture-body" dir={mode === 'text' ? 'auto' : 'ltr'} rows={14} required value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" disabled={textResult.fetching || htmlResult.fetching}>
          {t('captureButton')}
        </button>
      </form>
      <ErrorNotice error={mode === 'text' ? textResult.error : htmlResult.error} />
    </section>
  );
}
