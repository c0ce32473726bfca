/** Options of the health module, from AppConfig. */
export interface HealthOptions {
  /** REDIS_URL: when set, readiness also asks Redis for a PING; null: no Redis check. */
  redisUrl: string | null;
  /** How long each readiness check may take before it counts as down, in milliseconds. */
  timeoutMs?: number;
}
export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
