import { deleteImpactType } from '../../services/impact-types'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteImpactType(await useDatabase(), routeId(event, 'impactTypeId'))
  return noContent(event)
})
