import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { ArticlesModule } from '@isnad/articles';
import {
  Actor,
  AuthModule,
  AuthenticatedRequest,
  DirectFieldResolvers,
  SubscriptionGate,
  introspectionForMembersOnly,
  withoutSuggestionsForAnonymous,
} from '@isnad/auth';
import { AuditModule } from '@isnad/audit';
import { ClaimsModule } from '@isnad/claims';
import {
  DateTimeScalar,
  GraphQLErrorFilter,
  InputValidationPipe,
  QueryLimitsPlugin,
  RequestLoaders,
  formatGraphQLError,
  prettyLogStream,
  requestLoggingOptions,
} from '@isnad/common';
import { DatabaseModule } from '@isnad/database';
import { HealthModule } from '@isnad/health';
import { LinkingModule } from '@isnad/linking';
import { MonitoringModule } from '@isnad/monitoring';
import { OutletsModule } from '@isnad/outlets';
import { SourcesModule } from '@isnad/sources';
import { FeedsModule } from '@isnad/feeds';
import { RateLimitsModule } from '@isnad/rate-limits';
import { HttpGraphQLContext, VerdictsModule } from '@isnad/verdicts';
import { WebhooksModule } from '@isnad/webhooks';
import { AppConfig } from './app.config';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logDestination?: NodeJS.WritableStream): DynamicModule {
    const linking = LinkingModule.forRoot(config.linking);
    const inputValidation = new InputValidationPipe();
    const errorFilter = new GraphQLErrorFilter();
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(
          requestLoggingOptions(config.logLevel ?? 'info', logDestination ?? (config.logFormat === 'pretty' ? prettyLogStream() : undefined)),
        ),
        DatabaseModule.forRoot(config.database, { runMigrations: config.runMigrations }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [SubscriptionGate, DirectFieldResolvers],
          useFactory: (subscriptionGate: SubscriptionGate, directFieldResolvers: DirectFieldResolvers) => ({
            autoSchemaFile: config.schemaFile ?? true,
            sortSchema: true,
            // DateTime refuses what PostgreSQL cannot store (years 0 and past 9999) as a 400.
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            // GraphiQL is served from the workspace build (apps/api/src/workspace.ts), not from a CDN.
            graphiql: false,
            introspection: true,
            validationRules: config.schemaForMembersOnly ? [introspectionForMembersOnly] : [],
            // The actor comes from AuthMiddleware (HTTP) or from SubscriptionGate (graphql-ws).
            context: ({ req }: Pick<HttpGraphQLContext, 'req'>): HttpGraphQLContext => graphQLContext(req, (req as AuthenticatedRequest | undefined)?.actor ?? null),
            // Field resolvers are called directly, not through Nest's per-call guard/filter/pipe chain:
            // the same access rule (declared field by field), error filter and input pipe, see
            // DirectFieldResolvers. Nest's own field enhancers stay off (fieldResolverEnhancers).
            transformSchema: (schema) => directFieldResolvers.install(schema, { argumentsPipe: inputValidation, errorFilter }),
            formatError: config.schemaForMembersOnly
              ? (formatted, error) => formatGraphQLError(withoutSuggestionsForAnonymous(formatted), error)
              : formatGraphQLError,
            // No cache hints and no federation traces are used: without these Apollo hooks into
            // every field resolution for nothing (bootstrap sets Cache-Control: no-store instead).
            // Nor Apollo's landing page, which loads Apollo's Sandbox from its CDN.
            plugins: [
              ApolloServerPluginCacheControlDisabled(),
              ApolloServerPluginInlineTraceDisabled(),
              ApolloServerPluginLandingPageDisabled(),
            ] as ApolloDriverConfig['plugins'],
            // Subscriptions (verdictPublished) over graphql-ws on the same path, through the same gate.
            subscriptions: { 'graphql-ws': subscriptionGate.serverOptions('/graphql', (actor) => graphQLContext(undefined, actor)) },
          }),
        }),
        AuthModule.forRoot({ bootstrapAdminToken: config.bootstrapAdminToken ?? null, sessionSecret: config.sessionSecret ?? null }),
        OutletsModule,
        ArticlesModule,
        SourcesModule,
        ClaimsModule,
        linking,
        VerdictsModule.forRoot({ publicBaseUrl: config.publicBaseUrl ?? null, redisUrl: config.redisUrl ?? null }),
        FeedsModule,
        // Without webhook settings (tests that build AppConfig by hand) no delivery worker runs.
        WebhooksModule.forRoot(config.webhooks ?? { workerEnabled: false }),
        HealthModule.forRoot({ redisUrl: config.redisUrl ?? null }),
        // Without rate-limit settings (tests that build AppConfig by hand) nothing is limited.
        RateLimitsModule.forRoot(config.rateLimits, config.redisUrl ?? null),
        AuditModule,
        // Without monitoring settings (tests that build AppConfig by hand) no watch is polled.
        MonitoringModule.forRoot(config.monitoring ?? { workerEnabled: false }, config.redisUrl ?? null, linking),
      ],
      providers: [
        { provide: APP_FILTER, useValue: errorFilter },
        QueryLimitsPlugin,
        { provide: APP_PIPE, useValue: inputValidation },
      ],
    };
  }
}

function graphQLContext(req: HttpGraphQLContext['req'] | undefined, actor: Actor | null): HttpGraphQLContext {
  return { loaders: new RequestLoaders(), req: req as HttpGraphQLContext['req'], actor };
}
