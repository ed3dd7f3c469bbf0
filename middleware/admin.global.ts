// Comfort only (the API checks every request): keeps signed-out visitors on the sign-in page and
// editors off the admin-only pages.
export default defineNuxtRouteMiddleware(async (to) => {
  if (to.path !== '/admin' && !to.path.startsWith('/admin/')) return
  const session = useAdminSession().value ?? await loadAdminSession()
  if (to.path === '/admin/sign-in') return
  if (!session.user) return navigateTo({ path: '/admin/sign-in', query: { next: to.fullPath } })
  if (to.meta.adminOnly && session.user.role !== 'admin') {
    const { locale } = usePreferences()
    // Imported here so that the public pages, which run this middleware too, never load it.
    const { adminMessages } = await import('#shared/i18n/admin')
    const detail = adminMessages[locale.value].common.adminsOnly
    return abortNavigation(createError({ status: 403, statusText: 'Forbidden', data: { detail } }))
  }
})

declare module '#app' {
  interface PageMeta {
    /** Only admins, not editors, may open the page. */
    adminOnly?: boolean
  }
}
