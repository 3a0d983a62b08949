/** PostgreSQL constraint errors, as node-postgres and PGlite report them (possibly wrapped by Drizzle). */

/** The SQLSTATE of a PostgreSQL error anywhere in its cause chain (pg, PGlite, Drizzle's wrapper). */
export function pgErrorCode(
  error: unknown,
): { code: string; constraint?: string; message?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return {
        code: e.code,
        ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
        ...(typeof e.message === 'string' ? { message: e.message } : {}),
      };
    }
    current = e.cause;
  }
  return undefined;
}

/** A unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorCode(error);
  if (pg?.code !== '23505') return false;
  return !constraint || pg.constraint === constraint || (pg.message ?? '').includes(constraint);
}

/** A foreign-key violation (23503). */
export const isForeignKeyViolation = (error: unknown): boolean => pgErrorCode(error)?.code === '23503';

/** A CHECK constraint violation (23514). */
export const isCheckViolation = (error: unknown): boolean => pgErrorCode(error)?.code === '23514';
