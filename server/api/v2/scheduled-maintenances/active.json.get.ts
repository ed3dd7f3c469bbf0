export default defineStatuspageRead(({ activeMaintenances }) => ({ scheduled_maintenances: activeMaintenances }))
