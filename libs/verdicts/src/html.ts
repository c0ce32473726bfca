/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Removes characters that must not reach a feed or page: C0 controls XML forbids, and the bidi
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which let hostile text
 * reorder what follows it. The lighter marks Arabic text needs (U+200E, U+200F, U+061C) stay.
 */
export function stripUnsafeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '');
}
