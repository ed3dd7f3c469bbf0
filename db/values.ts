// Small conversions between database rows and API objects.

type WithoutNull<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] }

/** The API omits absent values rather than sending null, except where SCS says a field is nullable. */
export function omitNull<T extends object>(row: T): WithoutNull<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as WithoutNull<T>
}

export const isoOrNull = (date: Date | null) => date?.toISOString() ?? null
