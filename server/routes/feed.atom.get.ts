import { buildFeed } from '../services/feeds'

export default defineFilteredDocument('application/atom+xml; charset=utf-8', async (db, filter, origin) => {
  const { feed, updated } = await buildFeed(db, filter, origin)
  return { text: feed.atom1(), updated }
})
