// Reads the status page API. On the server the request runs in-process, through the same
// handlers and services that answer API clients.
export async function apiData<T>(path: string, query?: Record<string, string | number>): Promise<T> {
  return (await $fetch<{ data: T }>(path, { query })).data
}
