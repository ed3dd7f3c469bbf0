export default defineStatuspageRead(({ upcomingMaintenances }) => ({ scheduled_maintenances: upcomingMaintenances }))
