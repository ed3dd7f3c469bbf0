import { getImpactType } from '../../services/impact-types'

export default definePublicRead(async event => ({
  data: await getImpactType(await useDatabase(), routeId(event, 'impactTypeId')),
}))
