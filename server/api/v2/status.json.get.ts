export default defineStatuspageRead(({ status }) => ({ status }))
