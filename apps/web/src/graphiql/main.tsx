// GraphiQL for /graphql, built from the pinned npm package with the workspace (apps/web/graphiql.html)
// and served by the API from this origin: no CDN, its Monaco workers included.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql-page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const url = new URL('/graphql', window.location.href);
const fetcher = createGraphiQLFetcher({
  url: url.href,
  // Subscriptions (verdictPublished) over graphql-ws on the same path.
  subscriptionUrl: url.href.replace(/^http/, 'ws'),
});

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility shouldPersistHeaders isHeadersEditorEnabled />
  </StrictMode>,
);
