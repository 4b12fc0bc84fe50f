import type { Context, MiddlewareHandler } from "hono";

/**
 * Runs `middleware` unless one of `conditions` holds for the request. hono/combine's `except` does the
 * same through a composed chain built anew on every request (a tenth of a commune search's CPU with
 * three of them); this is one call and one branch.
 */
export function skipWhen<E extends object>(
  conditions: ((c: Context<E>) => boolean) | ((c: Context<E>) => boolean)[],
  middleware: MiddlewareHandler<E>,
): MiddlewareHandler<E> {
  const list = Array.isArray(conditions) ? conditions : [conditions];
  return async function skipWhenMiddleware(c, next) {
    if (list.some((condition) => condition(c))) {
      await next();
      return;
    }
    return middleware(c, next);
  };
}
