import { publicDocumentOperations } from '../../openapi/operations/public'
import { buildMaintenanceCalendar } from '../services/calendar'

export default defineFilteredDocument(publicDocumentOperations.getMaintenanceCalendar, buildMaintenanceCalendar)
