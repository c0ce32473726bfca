import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';

/**
 * The one filter between resolvers and clients: a DomainError becomes a GraphQL error carrying its
 * code and details; anything else is logged with where it happened and returned as
 * INTERNAL_SERVER_ERROR without internals.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError {
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { ...exception.details, code: exception.code } });
    }
    if (exception instanceof GraphQLError) return exception;
    const info = host.getType<string>() === 'graphql' ? GqlArgumentsHost.create(host).getInfo() : undefined;
    const where = info ? `${info.parentType.name}.${info.fieldName}` : host.getType();
    this.logger.error(`Unexpected error in ${where}`, exception instanceof Error ? exception.stack : String(exception));
    return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
