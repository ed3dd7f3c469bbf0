import { getSettings } from '../../services/settings'

export default defineApiHandler(async () => ({ data: await getSettings(await useDatabase()) }))
