export interface AuthOptions {
  /**
   * ISNAD_BOOTSTRAP_ADMIN_TOKEN: a token secret ("isn_" + 43 base64url characters) that becomes an
   * ADMIN of the default organisation at start-up if no token has it yet: the way into a new
   * instance. Create real members and tokens with it, then unset it (and revoke it).
   */
  bootstrapAdminToken?: string | null;
  /**
   * SESSION_SECRET: the key session tokens are signed with (at least 32 characters). Set the same
   * one on every instance; unset, each process makes its own and its sessions end with it.
   */
  sessionSecret?: string | null;
}
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
