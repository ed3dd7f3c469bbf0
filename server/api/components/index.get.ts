import { AtQuery } from '../../../openapi/schemas'
import { listComponents } from '../../services/components'

export default definePublicRead(async (event) => {
  const { at } = queryAs(event, AtQuery)
  return { data: await listComponents(await useDatabase(), at ? new Date(at) : undefined) }
})
