/** What replaces the value of a secret-looking argument in an audit entry. */
export const REDACTED = '[redacted]';

/** Strings longer than this (code points) are cut in audit entries: article texts and pages are evidence elsewhere. */
export const MAX_AUDITED_STRING = 300;

// Argument names whose values are credentials: webhook secrets, API tokens, passwords, keys, headers.
const SECRET_KEY = /secret|token|passw(or)?d|api[-_]?key|authori[sz]ation|credential/i;

/**
 * A mutation's arguments as an audit entry keeps them: values under secret-looking names become
 * "[redacted]", long strings keep their first MAX_AUDITED_STRING code points and say how long they
 * were, dates become ISO strings. The input is not modified.
 */
export function redactArguments(value: unknown): unknown {
  return redact(value, 0);
}

function redact(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return truncate(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  // Input objects nest a few levels at most; a cycle or a pathological depth is cut rather than followed.
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = SECRET_KEY.test(key) && item !== null ? REDACTED : redact(item, depth + 1);
  }
  return out;
}

function truncate(text: string): string {
  if (text.length <= MAX_AUDITED_STRING) return text;
  const codePoints = [...text];
  if (codePoints.length <= MAX_AUDITED_STRING) return text;
  return `${codePoints.slice(0, MAX_AUDITED_STRING).join('')}… [${codePoints.length} characters]`;
}
