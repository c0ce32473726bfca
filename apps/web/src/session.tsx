import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import type { Role } from './gql/graphql';

/** What the workspace keeps of a sign-in, in session storage only: the short session token, never the API token. */
export interface Session {
  token: string;
  role: Role;
  name: string;
  expiresAt: string;
}

const STORAGE_KEY = 'isnad.session';

function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && new Date(session.expiresAt) > new Date() ? session : null;
  } catch {
    return null;
  }
}

interface SessionState {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
  /** ANNOTATOR and above: capture, annotate, chains, notes, match reviews. */
  canAnnotate: boolean;
  /** EDITOR and above: write, review, publish, correct and retract verdicts. */
  canEditVerdicts: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Makes a GraphQL client that sends this bearer token (or none). */
export function graphqlClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    // POST always: Apollo's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
  });
}

/** The signed-in member (if any) and a GraphQL client speaking as them. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const client = useMemo(() => graphqlClient(session?.token ?? null), [session?.token]);
  const state: SessionState = {
    session,
    signIn(next) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      setSession(next);
    },
    signOut() {
      sessionStorage.removeItem(STORAGE_KEY);
      setSession(null);
    },
    canAnnotate: !!session && session.role !== 'VIEWER',
    canEditVerdicts: session?.role === 'EDITOR' || session?.role === 'ADMIN',
  };
  return (
    <SessionContext.Provider value={state}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
