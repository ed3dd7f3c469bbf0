/** Where to go after signing in: a path in the admin area, never another site; else /admin. */
export const adminReturnPath = (next: unknown): string =>
  typeof next === 'string' && /^\/admin(\/|\?|$)/.test(next) ? next : '/admin'
