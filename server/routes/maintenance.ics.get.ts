import { buildMaintenanceCalendar } from '../services/calendar'

export default defineFilteredDocument('text/calendar; charset=utf-8', buildMaintenanceCalendar)
