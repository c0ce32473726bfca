import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidInputError } from './domain-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay-style forward pagination arguments. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'Cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A keyset position: the sort value of the last row seen and its id, as an opaque cursor. */
export interface Keyset {
  value: string | number;
  id: string;
}

/** Encodes a keyset as an opaque cursor. */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.value, keyset.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor made by encodeCursor; a forged or damaged one is a BAD_USER_INPUT error. */
export function decodeCursor(cursor: string): Keyset {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ((typeof parsed[0] === 'string' && !Number.isNaN(Date.parse(parsed[0]))) || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the typed error
  }
  throw new InvalidInputError('The cursor is not one this API issued', { argument: 'after' });
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds a connection from `first + 1` fetched rows, so hasNextPage needs no extra query. */
export function toConnection<T>(rows: T[], first: number, keysetOf: (row: T) => Keyset): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keysetOf(node)) }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** The GraphQL connection type for nodes of `classRef` (ArticleConnection, ClaimConnection ...). */
export function ConnectionType<T>(classRef: Type<T>): Type<Connection<T>> {
  @ObjectType(`${classRef.name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => classRef)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => [classRef], { description: 'The nodes of the edges, for clients that need no cursors.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass as Type<Connection<T>>;
}
