import { ImpactTypeRequest } from '../../../openapi/schemas'
import { createImpactType } from '../../services/impact-types'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const input = await readBodyAs(event, ImpactTypeRequest)
  return created(event, await createImpactType(await useDatabase(), input))
})
