/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** True for PostgreSQL's unique_violation, optionally on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: name } = (driverError ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && (!constraint || name === constraint);
}
