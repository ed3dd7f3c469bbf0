import { notFound } from '../services/problem'

// Unknown API paths answer in problem+json too, never with the HTML 404 page.
export default defineApiHandler(async (event) => {
  throw notFound(`There is no API operation ${event.method} ${event.path.split('?')[0]}.`)
})
