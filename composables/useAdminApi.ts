// Writes from the admin pages: the same /api operations API clients use, authenticated by the
// session cookie plus the session's CSRF token. Failures arrive as AdminProblem.
import type { ApiArgs, ApiOperation, ApiPath, ApiRequest } from '~/utils/api'
import type { Method, ResponseOf } from '~~/openapi/operation'

export function useAdminApi() {
  const session = useAdminSession()
  const route = useRoute()

  const write = <M extends Exclude<Method, 'get'>>(method: M) =>
    async <P extends ApiPath<M>>(path: P, ...[request]: ApiArgs<ApiRequest<ApiOperation<M, P>>>): Promise<ResponseOf<ApiOperation<M, P>>> => {
      try {
        return await apiFetch(method, path, request ?? {} as ApiRequest<ApiOperation<M, P>>, { headers: { 'x-csrf-token': session.value?.csrfToken ?? '' } })
      }
      catch (error) {
        const problem = toAdminProblem(error)
        // The session ended (signed out elsewhere, password changed, disabled): sign in again.
        if (problem.status === 401) {
          session.value = undefined
          await navigateTo({ path: '/admin/sign-in', query: { next: route.fullPath } })
        }
        throw problem
      }
    }

  return { post: write('post'), patch: write('patch'), del: write('delete') }
}
