import { ComponentRequest } from '../../../openapi/schemas'
import { createComponent } from '../../services/components'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const input = await readBodyAs(event, ComponentRequest)
  return created(event, await createComponent(await useDatabase(), input))
})
