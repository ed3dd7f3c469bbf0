export default defineStatuspageRead(({ components }) => ({ components }))
