import type { CombinedError } from 'urql';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const KNOWN = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT', 'FETCH_FAILED'];

/** The code of a GraphQL error ("NETWORK" when the server was not reached). */
export function errorCode(error: CombinedError): string {
  if (error.networkError && !error.graphQLErrors.length) return 'NETWORK';
  return String(error.graphQLErrors[0]?.extensions?.code ?? 'OTHER');
}

/**
 * An API error in words: what happened in the reader's language, and the API's own sentence. A
 * page that could not be fetched (FETCH_FAILED) also says why, from its `reason` (and HTTP status).
 */
export function ErrorNotice({ error, children }: { error: CombinedError | null | undefined; children?: React.ReactNode }) {
  const { t, tv } = useI18n();
  if (!error) return null;
  const code = errorCode(error);
  const key = (KNOWN.includes(code) || code === 'NETWORK' ? `err_${code}` : 'err_OTHER') as MessageKey;
  const detail = error.graphQLErrors[0]?.message;
  const extensions = error.graphQLErrors[0]?.extensions ?? {};
  const reason = code === 'FETCH_FAILED' && typeof extensions.reason === 'string' ? extensions.reason : null;
  return (
    <div role="alert" className="error" data-code={code} data-reason={reason ?? undefined}>
      <strong>{t(key)}</strong>
      {reason ? (
        <p className="reason">
          {tv('fetch', reason)}
          {typeof extensions.status === 'number' ? <> {extensions.status}</> : null}
        </p>
      ) : null}
      {detail && code !== 'CONFLICT' ? (
        <p dir="auto" className="detail">
          {detail}
        </p>
      ) : null}
      {children}
    </div>
  );
}
