import { buildFeed } from '../services/feeds'

export default defineFilteredDocument('application/rss+xml; charset=utf-8', async (db, filter, origin) => {
  const { feed, updated } = await buildFeed(db, filter, origin)
  return { text: feed.rss2(), updated }
})
