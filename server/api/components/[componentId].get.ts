import { AtQuery } from '../../../openapi/schemas'
import { getComponent } from '../../services/components'

export default definePublicRead(async (event) => {
  const id = routeId(event, 'componentId')
  const { at } = queryAs(event, AtQuery)
  return { data: await getComponent(await useDatabase(), id, at ? new Date(at) : undefined) }
})
