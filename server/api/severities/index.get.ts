import { listSeverities } from '../../services/severities'

export default defineApiHandler(async () => ({ data: await listSeverities(await useDatabase()) }))
