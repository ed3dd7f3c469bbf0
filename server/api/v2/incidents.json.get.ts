export default defineStatuspageRead(({ incidents }) => ({ incidents }))
