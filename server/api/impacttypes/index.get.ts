import { listImpactTypes } from '../../services/impact-types'

export default defineApiHandler(async () => ({ data: await listImpactTypes(await useDatabase()) }))
