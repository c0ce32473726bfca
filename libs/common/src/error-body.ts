/** The body of an error answered on a plain HTTP route: the shape GraphQL errors have. */
export function errorBody(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message, extensions: { ...details, code } }] };
}
