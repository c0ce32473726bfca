import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../components/error-notice';
import { CreateSessionTokenDocument, MeDocument } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { graphqlClient, useSession } from '../session';

/** Sign in by pasting an API token: it is exchanged for a session token and then forgotten. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // A client of its own, so the API token never reaches the app's shared client or storage.
    const client = graphqlClient(token.trim());
    const me = await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    const role = me.data?.me.role;
    const created = role ? await client.mutation(CreateSessionTokenDocument, { role }).toPromise() : null;
    setBusy(false);
    const session = created?.data?.createSessionToken;
    if (!me.data || !session) {
      setError((created?.error ?? me.error) as CombinedError);
      return;
    }
    setToken('');
    signIn({ token: session.token, role: session.role, name: me.data.me.name, expiresAt: String(session.expiresAt) });
    navigate('/inbox');
  }

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signIn')}</h1>
      <p>{t('signInHelp')}</p>
      <form onSubmit={submit}>
        <label htmlFor="api-token">{t('apiToken')}</label>
        <input id="api-token" type="password" dir="ltr" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
        <button type="submit" disabled={busy || !token.trim()}>
          {t('signIn')}
        </button>
      </form>
      <ErrorNotice error={error} />
    </section>
  );
}
