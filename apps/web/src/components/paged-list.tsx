import { useState, type ReactNode } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';

interface Connection<N> {
  nodes: N[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

interface PagedListProps<Q, N> {
  query: TypedDocumentNode<Q, { after?: string | null }>;
  connection(data: Q): Connection<N>;
  item(node: N): ReactNode;
  empty: ReactNode;
  label: string;
}

/** A list that pages with the API's cursors: each "load more" adds the page after the last one. */
export function PagedList<Q, N>(props: PagedListProps<Q, N>) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className="cards" aria-label={props.label}>
      {cursors.map((after, i) => (
        <Page key={after ?? 'first'} {...props} after={after} last={i === cursors.length - 1} onMore={(next) => setCursors([...cursors, next])} />
      ))}
    </ul>
  );
}

function Page<Q, N>(props: PagedListProps<Q, N> & { after: string | null; last: boolean; onMore(cursor: string): void }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: props.query as TypedDocumentNode<Q, AnyVariables>, variables: { after: props.after } });
  if (error) return <li><ErrorNotice error={error} /></li>;
  if (!data) return fetching ? <li>{t('loading')}</li> : null;
  const page = props.connection(data);
  return (
    <>
      {page.nodes.length === 0 && props.after === null ? <li>{props.empty}</li> : null}
      {page.nodes.map(props.item)}
      {props.last && page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <li className="more">
          <button type="button" onClick={() => props.onMore(page.pageInfo.endCursor!)}>
            {t('loadMore')}
          </button>
        </li>
      ) : null}
    </>
  );
}
