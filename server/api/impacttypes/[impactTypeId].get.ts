import { getImpactType } from '../../services/impact-types'

export default defineApiHandler(async event => ({
  data: await getImpactType(await useDatabase(), routeId(event, 'impactTypeId')),
}))
