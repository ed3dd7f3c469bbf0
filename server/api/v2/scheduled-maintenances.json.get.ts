export default defineStatuspageRead(({ scheduledMaintenances }) => ({ scheduled_maintenances: scheduledMaintenances }))
