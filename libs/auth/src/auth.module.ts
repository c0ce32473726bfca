import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { ApiTokenResolver } from './api-token.resolver';
import { AuthLoader } from './auth.loader';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { AUTH_ENTITIES } from './entities';
import { MemberResolver } from './member.resolver';

/**
 * Organisations, members, roles and API tokens: the middleware that names the actor of each
 * request and the guard that checks every handler's declared access.
 */
export interface AuthOptions {
  /**
   * ISNAD_BOOTSTRAP_ADMIN_TOKEN: a token secret ("isn_" + 43 base64url characters) that becomes an
   * ADMIN of the default organisation at start-up if no token has it yet: the way into a new
   * instance. Create real members and tokens with it, then unset it (and revoke it).
   */
  bootstrapAdminToken?: string | null;
}
const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

@Module({})
export class AuthModule implements NestModule, OnApplicationBootstrap {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  static forRoot(options: AuthOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthService,
        AuthLoader,
        MemberResolver,
        ApiTokenResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AuthService, AuthLoader],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('{*path}');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.bootstrapAdminToken) await this.auth.ensureBootstrapAdmin(this.options.bootstrapAdminToken);
  }
}
