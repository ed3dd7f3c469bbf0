import { PhaseList } from '../../../openapi/schemas'
import { createPhaseList } from '../../services/phases'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const { phases } = await readBodyAs(event, PhaseList)
  return created(event, await createPhaseList(await useDatabase(), phases))
})
