import { listUsers } from '../../services/users'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return { data: await listUsers(await useDatabase()) }
})
