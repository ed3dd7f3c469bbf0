import { listTemplates } from '../../services/templates'

// Templates are an editing tool: whoever may write incidents may read them.
export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  return { data: await listTemplates(await useDatabase()) }
})
