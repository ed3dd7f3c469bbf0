// Comfort only (the API checks every request): keeps signed-out visitors on the sign-in page and
// editors off the admin-only pages.
export default defineNuxtRouteMiddleware(async (to) => {
  if (to.path !== '/admin' && !to.path.startsWith('/admin/')) return
  const session = useAdminSession().value ?? await loadAdminSession()
  if (to.path === '/admin/sign-in') return
  if (!session.user) return navigateTo({ path: '/admin/sign-in', query: { next: to.fullPath } })
  if (to.meta.adminOnly && session.user.role !== 'admin') {
    return abortNavigation(createError({ status: 403, statusText: 'Forbidden', data: { detail: 'Only admins may open this page.' } }))
  }
})

declare module '#app' {
  interface PageMeta {
    /** Only admins, not editors, may open the page. */
    adminOnly?: boolean
  }
}
