// Writes from the admin pages: the same /api operations API clients use, authenticated by the
// session cookie plus the session's CSRF token. Failures arrive as AdminProblem.
type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export function useAdminApi() {
  const session = useAdminSession()
  const route = useRoute()

  async function write<T = unknown>(method: WriteMethod, path: string, body?: unknown): Promise<T> {
    try {
      const reply = await $fetch(path, {
        method,
        body: body as Record<string, unknown> | undefined,
        headers: { 'x-csrf-token': session.value?.csrfToken ?? '' },
      })
      return reply as T
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

  return {
    post: <T = unknown>(path: string, body: unknown) => write<T>('POST', path, body),
    patch: (path: string, body: unknown) => write('PATCH', path, body),
    del: (path: string) => write('DELETE', path),
  }
}
