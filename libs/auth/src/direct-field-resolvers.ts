import { Injectable, PipeTransform, Type } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  PIPES_METADATA,
} from '@nestjs/common/constants.js';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  FIELD_RESOLVER_MIDDLEWARE_METADATA,
  PARAM_ARGS_METADATA,
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
// The mapping Nest itself puts on @Args() parameters (fields renamed with @Field({ name })); not in
// @nestjs/graphql's index, so it is imported from its file (the package exports every file).
import { createArgsMapper } from '@nestjs/graphql/dist/utils/map-args-to-props.util.js';
import { FieldNode, GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { isObservable, lastValueFrom } from 'rxjs';
import { GraphQLErrorFilter } from '@isnad/common';
import { ACCESS_POLICY, AccessPolicy } from './access.decorator';
import { AccessGuard, assertAccess } from './access.guard';
import { Actor } from './request-scope';

/** @nestjs/graphql's parameter kinds (GqlParamtype, not exported). */
const ROOT = 0;
const CONTEXT = 1;
const INFO = 2;
const ARGS = 3;
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** What the installed field resolvers share with the rest of the API: the global pipe and error filter. */
export interface DirectFieldResolversOptions {
  /** Applied to @Args() parameters, as Nest applies the global pipe (InputValidationPipe). */
  argumentsPipe: PipeTransform;
  /** Turns whatever a field resolver throws into the error the client sees. */
  errorFilter: GraphQLErrorFilter;
}

interface ParamPlan {
  index: number;
  kind: number;
  data: string | undefined;
  metatype: Type<unknown> | undefined;
}

type Resolve = GraphQLFieldResolver<unknown, { actor?: Actor | null } | undefined>;

/**
 * Declared by a global interceptor (APP_INTERCEPTOR) whose `intercept` hands every root query
 * straight to the resolver (AuditInterceptor: it files mutations only). Any global interceptor that
 * does not declare it keeps every root query on Nest's own call chain.
 */
export interface LeavesQueriesAlone {
  readonly leavesQueriesAlone: true;
}

/**
 * Calls the @ResolveField methods of the resolvers directly, instead of through Nest's per-call
 * chain of guards, filters and pipes (several promises and objects for each field of each row, about
 * 160 fields on a page of 20 claims). What that chain did is kept:
 * - access: the field's AccessPolicy (method, else class) is looked up once, at start-up, and
 *   checked on every call by the same rule as AccessGuard (`assertAccess`), synchronously;
 * - errors: whatever a field throws goes through GraphQLErrorFilter, as before;
 * - arguments: @Args() parameters are mapped as Nest maps them and go through the global pipe once
 *   per field of the operation (same field node, same variables, same arguments), not once per row;
 *   @Parent(), @Context() and @Info() are passed as they are (the global pipe leaves them alone).
 * A method with a parameter decorator of its own (e.g. @CurrentActor()) still runs through Nest's
 * callback, behind the same access check and error filter.
 *
 * Root Query fields (one call per operation, but on every request) are called the same way when
 * that changes nothing: the app's global guards are AccessGuard only (the same rule, and it reports
 * refusals of mutations only), its global pipe and filter are the ones given here, its global
 * interceptors all declare LeavesQueriesAlone, and the query has no guard, interceptor, pipe, filter
 * or custom parameter decorator of its own. Otherwise root queries stay on Nest's chain; mutations
 * and subscriptions always do. Start-up fails if a field resolver
 * carries guards, filters, pipes or field middleware of its own (nothing here would apply them), or
 * if a field of the schema has a resolver this class did not take over: no field goes unchecked.
 */
@Injectable()
export class DirectFieldResolvers {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Puts the direct resolvers on `schema` in place of Nest's (for `transformSchema`) and returns it. */
  install(schema: GraphQLSchema, options: DirectFieldResolversOptions): GraphQLSchema {
    const installed = new Set<Resolve>();
    const takenBy = new Map<string, string>();
    const seen = new Set<object>();
    const rootQueriesDirect = this.globalEnhancersLeaveQueriesAlone(options);
    for (const wrapper of this.discovery.getProviders()) {
      const { instance } = wrapper;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      // A request-scoped resolver would need an instance per request, which only Nest's callback makes.
      const scoped = !wrapper.isDependencyTreeStatic();
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype[methodName] as (...args: unknown[]) => unknown;
        if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) {
          if (rootQueriesDirect && !scoped && Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) === 'Query') {
            this.takeOverRootQuery(schema, instance, methodName, method, options);
          }
          continue;
        }
        const typeName = (Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) ?? Reflect.getMetadata(RESOLVER_TYPE_METADATA, instance.constructor)) as string | undefined;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) || methodName;
        if (!typeName || ROOT_TYPES.has(typeName) || fieldName.startsWith('__')) continue;
        const type = schema.getType(typeName);
        const field = type instanceof GraphQLObjectType ? type.getFields()[fieldName] : undefined;
        if (!field?.resolve) continue;
        const name = `${typeName}.${fieldName}`;
        const owner = `${instance.constructor.name}.${methodName}`;
        if (takenBy.has(name)) throw new Error(`${name} is resolved by both ${takenBy.get(name)} and ${owner}`);
        takenBy.set(name, owner);
        if (scoped) throw new Error(`${name}: ${instance.constructor.name} is request-scoped; field resolvers must be singletons`);
        this.refuseOwnEnhancers(instance.constructor as Type<unknown>, method, name);
        const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [method, instance.constructor as Type<unknown>]);
        const resolve = this.fieldResolver(instance, methodName, field.resolve as Resolve, policy, options);
        field.resolve = resolve;
        installed.add(resolve);
      }
    }
    this.refuseUncovered(schema, installed);
    return schema;
  }

  /** True when Nest's chain would do for a root query exactly what the direct call does (see the class). */
  private globalEnhancersLeaveQueriesAlone(options: DirectFieldResolversOptions): boolean {
    for (const wrapper of this.discovery.getProviders()) {
      const token = typeof wrapper.token === 'string' ? wrapper.token : '';
      const { instance } = wrapper as { instance: unknown };
      if (token.startsWith(`${APP_GUARD} `) && !(instance instanceof AccessGuard)) return false;
      if (token.startsWith(`${APP_PIPE} `) && instance !== options.argumentsPipe) return false;
      if (token.startsWith(`${APP_FILTER} `) && instance !== options.errorFilter) return false;
      if (token.startsWith(`${APP_INTERCEPTOR} `) && (instance as Partial<LeavesQueriesAlone> | null)?.leavesQueriesAlone !== true) return false;
    }
    return true;
  }

  /** Puts the direct call on a root query field, unless it has enhancers or parameters only Nest's chain applies. */
  private takeOverRootQuery(schema: GraphQLSchema, instance: object, methodName: string, method: (...args: unknown[]) => unknown, options: DirectFieldResolversOptions): void {
    const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) || methodName;
    const field = schema.getQueryType()?.getFields()[fieldName];
    if (!field?.resolve) return;
    const target = instance.constructor as Type<unknown>;
    for (const key of [GUARDS_METADATA, INTERCEPTORS_METADATA, EXCEPTION_FILTERS_METADATA, PIPES_METADATA]) {
      if ((Reflect.getMetadata(key, method) as unknown[] | undefined)?.length || (Reflect.getMetadata(key, target) as unknown[] | undefined)?.length) return;
    }
    if (!this.paramPlan(target, methodName)) return;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [method, target]);
    field.resolve = this.fieldResolver(instance, methodName, field.resolve as Resolve, policy, options);
  }

  private fieldResolver(instance: object, methodName: string, nestResolve: Resolve, policy: AccessPolicy | undefined, options: DirectFieldResolversOptions): Resolve {
    const { errorFilter } = options;
    const params = this.paramPlan(instance.constructor as Type<unknown>, methodName);
    const call = params ? this.directCall(instance, methodName, params, options.argumentsPipe) : nestResolve;
    const refusal = (error: unknown, info: GraphQLResolveInfo) => errorFilter.toGraphQLError(error, () => where(info));
    return (source, args, context, info) => {
      let result: unknown;
      try {
        assertAccess(policy, context?.actor ?? null, () => source, () => where(info));
        result = call(source, args, context, info);
      } catch (error) {
        throw refusal(error, info);
      }
      // Nearly every field answers with a loader's promise: the observable check is for the rest.
      if (!(result instanceof Promise)) {
        if (!isObservable(result)) return result;
        result = lastValueFrom(result);
      }
      return (result as Promise<unknown>).catch((error: unknown) => {
        throw refusal(error, info);
      });
    };
  }

  /** The method's parameters as the direct call fills them, or null when only Nest's callback can. */
  private paramPlan(target: Type<unknown>, methodName: string): ParamPlan[] | null {
    const declared = (Reflect.getMetadata(PARAM_ARGS_METADATA, target, methodName) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
    const paramtypes = (Reflect.getMetadata('design:paramtypes', target.prototype, methodName) ?? []) as (Type<unknown> | undefined)[];
    const plan: ParamPlan[] = [];
    for (const [key, { index, data, pipes }] of Object.entries(declared)) {
      if (key.includes(CUSTOM_ROUTE_ARGS_METADATA) || pipes?.length || (data !== undefined && typeof data !== 'string')) return null;
      plan.push({ index, kind: Number(key.split(':')[0]), data, metatype: paramtypes[index] });
    }
    return plan;
  }

  private directCall(instance: object, methodName: string, params: ParamPlan[], pipe: PipeTransform): Resolve {
    const method = (instance as Record<string, (...args: unknown[]) => unknown>)[methodName];
    // Without parameter decorators Nest calls the method with graphql-js's own four arguments.
    if (!params.length) return (source, args, context, info) => method.call(instance, source, args, context, info);
    const length = Math.max(...params.map((param) => param.index)) + 1;
    const argsParams = params.filter((param) => param.kind === ARGS);
    const mapArgs = argsParams.length ? createArgsMapper(instance.constructor, methodName) : null;
    // One validation per operation and field node: graphql-js coerces the same arguments for every row.
    const checked = new WeakMap<object, Map<FieldNode, Promise<unknown[]>>>();
    const checkedArgs = (rawArgs: Record<string, unknown>, info: GraphQLResolveInfo): Promise<unknown[]> => {
      let byNode = checked.get(info.variableValues);
      if (!byNode) checked.set(info.variableValues, (byNode = new Map()));
      let values = byNode.get(info.fieldNodes[0]);
      if (!values) {
        const args = (mapArgs ? mapArgs(rawArgs) : rawArgs) as Record<string, unknown>;
        values = Promise.all(
          argsParams.map(({ data, metatype }) =>
            // Nest passes the GraphQL parameter kind (a number) as the type; InputValidationPipe reads it so.
            pipe.transform(data ? args?.[data] : args, { type: ARGS as unknown as 'custom', metatype, data }),
          ),
        );
        byNode.set(info.fieldNodes[0], values);
      }
      return values;
    };
    const fill = (values: unknown[], source: unknown, context: unknown, info: GraphQLResolveInfo, argsValues: unknown[] | null): unknown[] => {
      let nextArgs = 0;
      for (const { index, kind, data } of params) {
        if (kind === ARGS) values[index] = argsValues![nextArgs++];
        else if (kind === ROOT) values[index] = source;
        else if (kind === CONTEXT) values[index] = data ? (context as Record<string, unknown> | undefined)?.[data] : context;
        else if (kind === INFO) values[index] = data ? (info as unknown as Record<string, unknown>)[data] : info;
      }
      return values;
    };
    if (!argsParams.length) {
      return (source, _args, context, info) => method.apply(instance, fill(new Array(length).fill(null), source, context, info, null));
    }
    return (source, args, context, info) =>
      checkedArgs(args, info).then((argsValues) => method.apply(instance, fill(new Array(length).fill(null), source, context, info, argsValues)));
  }

  private refuseOwnEnhancers(target: Type<unknown>, method: object, field: string): void {
    for (const key of [GUARDS_METADATA, EXCEPTION_FILTERS_METADATA, PIPES_METADATA]) {
      if ((Reflect.getMetadata(key, method) as unknown[] | undefined)?.length || (Reflect.getMetadata(key, target) as unknown[] | undefined)?.length) {
        throw new Error(`${field}: field resolvers take no guards, filters or pipes of their own (access is declared with @Access)`);
      }
    }
    if ((Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, method) as unknown[] | undefined)?.length) {
      throw new Error(`${field}: field middleware is not applied to field resolvers here`);
    }
  }

  // Nest gives every plain @Field a resolver of its own that reads the property (named
  // rootFieldResolver in @nestjs/graphql's ObjectTypeDefinitionFactory): those need no access check,
  // as before. Any other resolver left is one this class missed; should Nest rename its reader, start-up
  // fails here rather than serve a field unchecked.
  private refuseUncovered(schema: GraphQLSchema, installed: Set<Resolve>): void {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || ROOT_TYPES.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && field.resolve.name !== 'rootFieldResolver' && !installed.has(field.resolve as Resolve)) {
          throw new Error(`${type.name}.${field.name} has a resolver DirectFieldResolvers did not find: its access could not be checked`);
        }
      }
    }
  }
}

function where(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}
