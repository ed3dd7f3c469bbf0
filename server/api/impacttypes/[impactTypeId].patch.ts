import { ImpactTypeRequest } from '../../../openapi/schemas'
import { updateImpactType } from '../../services/impact-types'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'impactTypeId')
  const patch = await readBodyAs(event, ImpactTypeRequest.partial())
  await updateImpactType(await useDatabase(), id, patch)
  return noContent(event)
})
