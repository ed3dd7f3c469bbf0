// Liveness: the process runs and answers.
export default defineEventHandler(() => ({ status: 'ok' }))
