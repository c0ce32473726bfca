import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { CaptureHtmlDocument, CaptureTextDocument, CaptureUrlDocument } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** Capture an article from pasted text, from its page HTML and URL, or fetched by Isnad from its URL. */
export function CapturePage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<'text' | 'html' | 'url'>('text');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [textResult, captureText] = useMutation(CaptureTextDocument);
  const [htmlResult, captureHtml] = useMutation(CaptureHtmlDocument);
  const [urlResult, captureUrl] = useMutation(CaptureUrlDocument);
  const results = { text: textResult, html: htmlResult, url: urlResult };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result =
      mode === 'text'
        ? (await captureText({ input: { url: url.trim(), text: body, title: title.trim() || undefined } })).data?.captureArticle
        : mode === 'html'
          ? (await captureHtml({ input: { url: url.trim(), html: body } })).data?.captureArticleFromHtml
          : (await captureUrl({ input: { url: url.trim() } })).data?.captureArticleFromUrl;
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
          <label>
            <input type="radio" name="mode" checked={mode === 'url'} onChange={() => setMode('url')} /> {t('fetchFromUrl')}
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
        {mode === 'url' ? (
          <p className="hint">{t('fetchHelp')}</p>
        ) : (
          <>
            <label htmlFor="capture-body">{mode === 'text' ? t('text') : t('pageHtml')}</label>
            <textarea id="capture-body" dir={mode === 'text' ? 'auto' : 'ltr'} rows={14} required value={body} onChange={(e) => setBody(e.target.value)} />
          </>
        )}
        <button type="submit" disabled={results[mode].fetching}>
          {t('captureButton')}
        </button>
      </form>
      <ErrorNotice error={results[mode].error} />
    </section>
  );
}
