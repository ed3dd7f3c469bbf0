import type { SessionInfoData } from '~~/openapi/admin-schemas'

/** Who is signed in to the admin area, as GET /api/session last said; loaded by the route guard. */
export const useAdminSession = () => useState<SessionInfoData | undefined>('admin-session', () => undefined)

/** Reads the session from the server (forwarding the browser's cookie while rendering there). */
export async function loadAdminSession(): Promise<SessionInfoData> {
  const session = useAdminSession()
  const { data } = await apiFetch('getSession', {}, { fetch: useRequestFetch() })
  session.value = data
  return data
}
