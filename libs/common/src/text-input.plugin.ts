import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

/** Why a text argument is refused: PostgreSQL cannot store NUL, and unpaired surrogates are not Unicode. */
export function textProblem(text: string): 'NUL_CHARACTER' | 'UNPAIRED_SURROGATE' | null {
  if (text.includes('\u0000')) return 'NUL_CHARACTER';
  return (text as string & { isWellFormed(): boolean }).isWellFormed() ? null : 'UNPAIRED_SURROGATE';
}

/**
 * Refuses, before any resolver runs, every operation carrying text that could not be stored as it
 * was sent: a NUL character (PostgreSQL text cannot hold one) or half of a UTF-16 surrogate pair
 * (not a Unicode character; it would come back as U+FFFD). Variables and inline literals alike;
 * BAD_USER_INPUT with `reason` and the variable path, HTTP 400. Nothing is written.
 */
@Plugin()
export class TextInputPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      didResolveOperation: async ({ request, document }) => {
        const found = findBadText(request.variables ?? {}, ['$']);
        if (found) throw textError(found.reason, found.path.join('.'));
        visit(document, {
          [Kind.STRING]: (node) => {
            const reason = textProblem(node.value);
            if (reason) throw textError(reason, `line ${node.loc?.startToken.line ?? '?'}`);
          },
        });
      },
    };
  }
}

function findBadText(value: unknown, path: string[]): { reason: string; path: string[] } | null {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { reason, path } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findBadText(key, [...path, key]) ?? findBadText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function textError(reason: string, where: string): GraphQLError {
  const what = reason === 'NUL_CHARACTER' ? 'a NUL character' : 'half of a surrogate pair (not Unicode)';
  return new GraphQLError(`Text at ${where} contains ${what}; nothing was written`, {
    extensions: { code: 'BAD_USER_INPUT', reason, at: where, http: { status: 400 } },
  });
}
