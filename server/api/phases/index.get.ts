import { GenerationQuery } from '../../../openapi/schemas'
import { getPhaseList } from '../../services/phases'

export default definePublicRead(async (event) => {
  const { generation } = queryAs(event, GenerationQuery)
  return { data: await getPhaseList(await useDatabase(), generation) }
})
