import { listImpactTypes } from '../../services/impact-types'

export default definePublicRead(async () => ({ data: await listImpactTypes(await useDatabase()) }))
