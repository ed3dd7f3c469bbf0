// Writes from the admin pages: the same /api operations API clients use, authenticated by the
// session cookie plus the session's CSRF token, and conditional on the entity tag of what the
// page loaded where it names one (`ifMatch`); and the fresh reads such writes start from.
// Failures arrive as AdminProblem.
import type { ApiArgs, ApiData, ApiRequest, ApiResponse } from '~/utils/api'
import type { OperationId } from '~~/openapi/operations'

export function useAdminApi() {
  const session = useAdminSession()
  const route = useRoute()
  const { t } = useAdminI18n()

  async function call<K extends OperationId>(id: K, ...[request]: ApiArgs<ApiRequest<K> & { ifMatch?: string }>): Promise<ApiResponse<K>> {
    const { ifMatch, ...rest } = request ?? {}
    const headers = { 'x-csrf-token': session.value?.csrfToken ?? '', ...(ifMatch && { 'if-match': ifMatch }) }
    return asAdminProblem(() => apiFetch(id, rest as ApiRequest<K>, { headers }))
  }

  /**
   * One thing as an edit starts from it: fresh from the server, not from the browser's cache, with
   * the tag that the edit's write names in If-Match.
   */
  async function read<K extends OperationId>(id: K, ...[request]: ApiArgs<ApiRequest<K>>): Promise<{ data: ApiData<K>, etag?: string }> {
    const { params } = (request ?? {}) as { params?: Record<string, string | number> }
    const response = await asAdminProblem(() => $fetch.raw<{ data: ApiData<K> }>(apiUrl(id, params), { cache: 'no-cache' }))
    return { data: response._data!.data, etag: response.headers.get('etag') ?? undefined }
  }

  async function asAdminProblem<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request()
    }
    catch (error) {
      const problem = toAdminProblem(error, t.value.problem)
      // The session ended (signed out elsewhere, password changed, disabled): sign in again.
      if (problem.status === 401) {
        session.value = undefined
        await navigateTo({ path: '/admin/sign-in', query: { next: route.fullPath } })
      }
      throw problem
    }
  }

  return { call, read }
}
