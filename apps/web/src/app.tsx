import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n';
import { ArticleReaderPage } from './pages/article-reader';
import { CapturePage } from './pages/capture';
import { ClaimPage } from './pages/claim';
import { OutletsPage, SourcesPage } from './pages/directory';
import { HomePage } from './pages/home';
import { InboxPage } from './pages/inbox';
import { SignInPage } from './pages/sign-in';
import { RepeatsPage } from './pages/repeats';
import { NewVerdictPage, VerdictEditorPage } from './pages/verdict-editor';
import { WatchesPage } from './pages/watches';
import { Link, match, navigate, usePath } from './router';
import { useSession } from './session';

/** The client routes; the API serves index.html for exactly these (apps/api/src/workspace.ts). */
function screenOf(path: string, signedIn: boolean): ReactNode {
  let params: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/sign-in') return <SignInPage />;
  if (!signedIn) return <SignInNeeded />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/capture') return <CapturePage />;
  if (path === '/repeats') return <RepeatsPage />;
  if (path === '/watches') return <WatchesPage />;
  if (path === '/outlets') return <OutletsPage />;
  if (path === '/sources') return <SourcesPage />;
  if ((params = match('/articles/:id', path))) return <ArticleReaderPage key={params.id} id={params.id} />;
  if ((params = match('/claims/:id', path))) return <ClaimPage key={params.id} id={params.id} />;
  if (path === '/verdict-editor/new') return <NewVerdictPage claimId={new URLSearchParams(location.search).get('claim') ?? ''} />;
  if ((params = match('/verdict-editor/:id', path))) return <VerdictEditorPage key={params.id} id={params.id} />;
  return <NotFound />;
}

function SignInNeeded() {
  const { t } = useI18n();
  return (
    <p>
      <Link href="/sign-in">{t('signInNeeded')}</Link>
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <p>{t('notFound')}</p>;
}

/** The workspace: header with navigation, language switch and sign-in, then the current screen. */
export function App() {
  const { t, language, setLanguage } = useI18n();
  const { session, signOut, canAnnotate } = useSession();
  const path = usePath();
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('mainNav')}>
          <ul>
            <li>
              <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
                {t('home')}
              </Link>
            </li>
            {session ? (
              <>
                <li>
                  <Link href="/inbox" aria-current={path === '/inbox' ? 'page' : undefined}>
                    {t('inbox')}
                  </Link>
                </li>
                <li>
                  <Link href="/repeats" aria-current={path === '/repeats' ? 'page' : undefined}>
                    {t('repeats')}
                  </Link>
                </li>
                {canAnnotate ? (
                  <li>
                    <Link href="/capture" aria-current={path === '/capture' ? 'page' : undefined}>
                      {t('capture')}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/watches" aria-current={path === '/watches' ? 'page' : undefined}>
                    {t('watches')}
                  </Link>
                </li>
                <li>
                  <Link href="/outlets" aria-current={path === '/outlets' ? 'page' : undefined}>
                    {t('outlets')}
                  </Link>
                </li>
                <li>
                  <Link href="/sources" aria-current={path === '/sources' ? 'page' : undefined}>
                    {t('sources')}
                  </Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          <button type="button" className="secondary" lang={language === 'ar' ? 'en' : 'ar'} aria-label={t('switchLanguageLabel')} onClick={() => setLanguage(language === 'ar' ? 'en' : 'ar')}>
            {t('switchLanguage')}
          </button>
          {session ? (
            <>
              <span className="who">
                {t('signedInAs')} <span dir="auto">{session.name}</span> ({session.role})
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  signOut();
                  navigate('/');
                }}
              >
                {t('signOut')}
              </button>
            </>
          ) : (
            <Link href="/sign-in" className="button">
              {t('signIn')}
            </Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screenOf(path, !!session)}
      </main>
    </>
  );
}
