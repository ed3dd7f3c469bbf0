import { listSeverities } from '../../services/severities'

export default definePublicRead(async () => ({ data: await listSeverities(await useDatabase()) }))
