import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { CallHandler, ExecutionContext, Global, INestApplication, Injectable, Module, NestInterceptor, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { Args, ArgsType, Field, GqlExecutionContext, GraphQLModule, GraphQLSchemaHost, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { IsInt, IsOptional, Max } from 'class-validator';
import { GraphQLResolveInfo, execute, parse } from 'graphql';
import { Observable } from 'rxjs';
import { GraphQLErrorFilter, InputValidationPipe, NotFoundError } from '@isnad/common';
import { Access, Public } from './access.decorator';
import { AccessGuard } from './access.guard';
import { DirectFieldResolvers } from './direct-field-resolvers';
import { Actor } from './request-scope';
import { Role } from './role';

// A newsroom desk with fields guarded at every level the API uses: the class's role, a field's own
// higher role, a public field, an organisation-owned field, a field with no policy at all. Fields are
// nullable so that a refused field leaves the rest of its row (and the other rows) in the answer.

@ObjectType()
class Desk {
  @Field()
  name: string;

  organisationId: string;
}

@ArgsType()
class NotesArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(5)
  first?: number;
}

const DESKS: Desk[] = [
  { name: 'مكتب دمشق', organisationId: 'org-a' },
  { name: 'مكتب بيروت', organisationId: 'org-a' },
  { name: 'مكتب عمّان', organisationId: 'org-b' },
];

@Access(Role.VIEWER)
@Resolver(() => Desk)
class DeskResolver {
  notesCalls: NotesArgs[] = [];
  pageCalls: NotesArgs[] = [];

  @Public()
  @Query(() => [Desk])
  desks(): Desk[] {
    return DESKS;
  }

  @Query(() => [Desk], { nullable: true, description: 'A page of desks, for members.' })
  deskPage(@Args() page: NotesArgs): Desk[] {
    this.pageCalls.push(page);
    return DESKS.slice(0, page.first ?? DESKS.length);
  }

  @Query(() => Desk, { nullable: true })
  closedDesk(): Desk {
    throw new NotFoundError('Desk', 'مكتب حلب');
  }

  @ResolveField(() => String, { nullable: true })
  secretary(@Parent() desk: Desk): string {
    return `أمين ${desk.name}`;
  }

  @Access(Role.EDITOR)
  @ResolveField(() => Int, { nullable: true })
  budget(): number {
    return 1000;
  }

  @Public()
  @ResolveField(() => String)
  motto(): Promise<string> {
    return Promise.resolve('الدقة أولاً');
  }

  @Access(Role.VIEWER, { ownedBy: (desk: Desk) => desk.organisationId })
  @ResolveField(() => String, { nullable: true })
  drafts(@Parent() desk: Desk): string {
    return `مسودات ${desk.name}`;
  }

  @ResolveField(() => [String], { nullable: true })
  notes(@Parent() desk: Desk, @Args() page: NotesArgs): string[] {
    this.notesCalls.push(page);
    return [`${desk.name}: ${page.first ?? 'كل'}`];
  }

  @ResolveField(() => String, { nullable: true })
  archive(): Promise<string> {
    return Promise.reject(new NotFoundError('Archive', 'مكتب دمشق'));
  }
}

@Resolver(() => Desk)
class UndeclaredDeskResolver {
  @ResolveField(() => String, { nullable: true })
  phone(): string {
    return '+963';
  }
}

/** A global interceptor that may act on queries (it declares nothing): it sees every root query it is given. */
const watchedQueries: string[] = [];

@Injectable()
class WatchingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    watchedQueries.push(GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().fieldName);
    return next.handle();
  }
}

@Global()
@Module({ imports: [DiscoveryModule], providers: [DirectFieldResolvers], exports: [DirectFieldResolvers] })
class DirectFieldResolversTestModule {}

const actor = (role: Role, organisationId = 'org-a'): Actor => ({ memberId: 'm', organisationId, role, tokenId: 't', name: 'محرر' });

type Answer = { data?: unknown; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions: Record<string, unknown> }[] };

/** The desk resolvers with the API's global guard, pipe and filter (one instance each, as AppModule has them), and `extra` providers. */
async function deskApp(extra: Provider[] = []): Promise<{ app: INestApplication; run: (query: string, actor: Actor | null) => Promise<Answer> }> {
  const pipe = new InputValidationPipe();
  const filter = new GraphQLErrorFilter();
  const moduleRef = await Test.createTestingModule({
    imports: [
      DirectFieldResolversTestModule,
      GraphQLModule.forRootAsync<ApolloDriverConfig>({
        driver: ApolloDriver,
        inject: [DirectFieldResolvers],
        useFactory: (direct: DirectFieldResolvers) => ({
          autoSchemaFile: true,
          transformSchema: (schema) => direct.install(schema, { argumentsPipe: pipe, errorFilter: filter }),
        }),
      }),
    ],
    providers: [
      DeskResolver,
      UndeclaredDeskResolver,
      { provide: APP_GUARD, useClass: AccessGuard },
      { provide: APP_PIPE, useValue: pipe },
      { provide: APP_FILTER, useValue: filter },
      ...extra,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  return { app, run: async (query, who) => (await execute({ schema, document: parse(query), contextValue: { actor: who } })) as never };
}

describe('DirectFieldResolvers', () => {
  let app: INestApplication;
  let run: (query: string, actor: Actor | null) => Promise<Answer>;
  let desks: DeskResolver;

  beforeAll(async () => {
    ({ app, run } = await deskApp());
    desks = app.get(DeskResolver);
  });

  afterAll(() => app.close());

  it("serves a viewer the desk's fields at the viewer's level, and refuses the editor's field on every row", async () => {
    const { data, errors } = await run('{ desks { name secretary motto budget } }', actor(Role.VIEWER));
    expect((data as { desks: { secretary: string; budget: number | null }[] }).desks.map((d) => [d.secretary, d.budget])).toEqual([
      ['أمين مكتب دمشق', null],
      ['أمين مكتب بيروت', null],
      ['أمين مكتب عمّان', null],
    ]);
    expect(errors).toHaveLength(3);
    expect(errors![0]).toMatchObject({
      path: ['desks', 0, 'budget'],
      message: 'Desk.budget needs the EDITOR role; this token\'s member is VIEWER',
      extensions: { code: 'FORBIDDEN', requiredRole: 'EDITOR' },
    });
    const editor = await run('{ desks { budget } }', actor(Role.EDITOR));
    expect(editor.errors).toBeUndefined();
    expect(editor.data).toEqual({ desks: [{ budget: 1000 }, { budget: 1000 }, { budget: 1000 }] });
  });

  it('asks an anonymous caller for a token on member fields and still answers the public ones', async () => {
    const { data, errors } = await run('{ desks { motto secretary } }', null);
    expect(data).toEqual({ desks: DESKS.map(() => ({ motto: 'الدقة أولاً', secretary: null })) });
    expect(errors![0]).toMatchObject({ path: ['desks', 0, 'secretary'], extensions: { code: 'UNAUTHENTICATED', requiredRole: 'VIEWER' } });
    const publicOnly = await run('{ desks { motto } }', null);
    expect(publicOnly).toEqual({ data: { desks: DESKS.map(() => ({ motto: 'الدقة أولاً' })) } });
  });

  it("keeps an organisation's own fields to its members and refuses fields that declare no policy", async () => {
    const { data, errors } = await run('{ desks { drafts } }', actor(Role.ADMIN, 'org-b'));
    expect(data).toEqual({ desks: [{ drafts: null }, { drafts: null }, { drafts: 'مسودات مكتب عمّان' }] });
    expect(errors!.map((e) => [e.path, e.extensions.code])).toEqual([
      [['desks', 0, 'drafts'], 'FORBIDDEN'],
      [['desks', 1, 'drafts'], 'FORBIDDEN'],
    ]);
    const undeclared = await run('{ desks { phone } }', actor(Role.ADMIN));
    expect(undeclared.errors![0]).toMatchObject({ message: 'Desk.phone declares no access policy, so nobody may use it', extensions: { code: 'FORBIDDEN' } });
  });

  it('validates page arguments once per field of the operation, and refuses a bad one on every row with BAD_USER_INPUT', async () => {
    desks.notesCalls = [];
    const { data, errors } = await run('{ desks { notes(first: 2) } }', actor(Role.VIEWER));
    expect(errors).toBeUndefined();
    expect((data as { desks: { notes: string[] }[] }).desks.map((d) => d.notes)).toEqual([['مكتب دمشق: 2'], ['مكتب بيروت: 2'], ['مكتب عمّان: 2']]);
    // The one validated instance of the class, as the resolver would get from Nest's pipe.
    expect(desks.notesCalls.every((page) => page instanceof NotesArgs && page === desks.notesCalls[0])).toBe(true);
    const next = await run('{ desks { notes(first: 3) } }', actor(Role.VIEWER));
    expect((next.data as { desks: { notes: string[] }[] }).desks[0].notes).toEqual(['مكتب دمشق: 3']);

    const refused = await run('{ desks { notes(first: 50) } }', actor(Role.VIEWER));
    expect(refused.errors!.map((e) => [e.path, e.extensions.code])).toEqual([0, 1, 2].map((row) => [['desks', row, 'notes'], 'BAD_USER_INPUT']));
    expect(refused.errors![0].message).toMatch(/^Invalid input: first: /);
  });

  it('passes domain errors of a field through the error filter with their code', async () => {
    const { errors } = await run('{ desks { archive } }', actor(Role.VIEWER));
    expect(errors![0]).toMatchObject({ message: 'Archive مكتب دمشق was not found', extensions: { code: 'NOT_FOUND', entity: 'Archive' } });
  });

  it('answers root queries by the same access rule, argument checks and error filter, without Nest\'s per-call chain', async () => {
    const guard = jest.spyOn(AccessGuard.prototype, 'canActivate');
    try {
      const anonymous = await run('{ deskPage(first: 2) { name } }', null);
      expect(anonymous.data).toEqual({ deskPage: null });
      expect(anonymous.errors![0]).toMatchObject({ path: ['deskPage'], message: 'Query.deskPage needs an API token (Authorization: Bearer …)', extensions: { code: 'UNAUTHENTICATED', requiredRole: 'VIEWER' } });

      desks.pageCalls = [];
      const viewer = await run('{ deskPage(first: 2) { name } }', actor(Role.VIEWER));
      expect(viewer).toEqual({ data: { deskPage: [{ name: 'مكتب دمشق' }, { name: 'مكتب بيروت' }] } });
      expect(desks.pageCalls[0]).toBeInstanceOf(NotesArgs);

      const refused = await run('{ deskPage(first: 50) { name } }', actor(Role.VIEWER));
      expect(refused.errors![0]).toMatchObject({ path: ['deskPage'], extensions: { code: 'BAD_USER_INPUT' } });
      expect(refused.errors![0].message).toMatch(/^Invalid input: first: /);

      const missing = await run('{ closedDesk { name } }', actor(Role.VIEWER));
      expect(missing.errors![0]).toMatchObject({ path: ['closedDesk'], message: 'Desk مكتب حلب was not found', extensions: { code: 'NOT_FOUND' } });
      expect(guard).not.toHaveBeenCalled();
    } finally {
      guard.mockRestore();
    }
  });

  it('keeps root queries on Nest\'s chain when a global interceptor does not declare it leaves them alone', async () => {
    const watched = await deskApp([{ provide: APP_INTERCEPTOR, useClass: WatchingInterceptor }]);
    try {
      watchedQueries.length = 0;
      const viewer = await watched.run('{ deskPage(first: 1) { name } }', actor(Role.VIEWER));
      expect(viewer).toEqual({ data: { deskPage: [{ name: 'مكتب دمشق' }] } });
      const anonymous = await watched.run('{ deskPage { name } }', null);
      expect(anonymous.errors![0]).toMatchObject({ path: ['deskPage'], extensions: { code: 'UNAUTHENTICATED' } });
      // The refused call stopped at the guard, before any interceptor, as Nest orders them.
      expect(watchedQueries).toEqual(['deskPage']);
    } finally {
      await watched.app.close();
    }
  });
});
