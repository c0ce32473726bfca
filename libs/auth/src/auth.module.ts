import { DynamicModule, Global, Inject, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { DirectFieldResolvers } from './direct-field-resolvers';
import { ApiTokenResolver } from './api-token.resolver';
import { AuthLoader } from './auth.loader';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AUTH_ENTITIES } from './entities';
import { SessionTokenResolver } from './session-token.resolver';
import { SessionTokensService } from './session-tokens.service';
import { MemberResolver } from './member.resolver';
import { SubscriptionGate } from './subscription-gate';
import { IdempotencyPlugin } from './idempotency.plugin';

/**
 * Organisations, members, roles and API tokens: the middleware that names the actor of each
 * request, the guard that checks every handler's declared access, and the direct field resolvers
 * that check it on every resolved field.
 */

// Global: every feature module resolves members and organisations through AuthService and AuthLoader.
@Global()
@Module({})
export class AuthModule implements NestModule, OnApplicationBootstrap {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  static forRoot(options: AuthOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature(AUTH_ENTITIES), DiscoveryModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthService,
        SessionTokensService,
        SessionTokenResolver,
        AuthLoader,
        MemberResolver,
        ApiTokenResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
        DirectFieldResolvers,
        SubscriptionGate,
        IdempotencyPlugin,
      ],
      exports: [AuthService, SessionTokensService, AuthLoader, SubscriptionGate, DirectFieldResolvers],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('{*path}');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.bootstrapAdminToken) await this.auth.ensureBootstrapAdmin(this.options.bootstrapAdminToken);
  }
}
