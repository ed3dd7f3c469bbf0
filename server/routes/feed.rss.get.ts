import { publicDocumentOperations } from '../../openapi/operations/public'
import { buildFeed } from '../services/feeds'

export default defineFilteredDocument(publicDocumentOperations.getRssFeed, async (db, filter, origin) => {
  const { feed, updated } = await buildFeed(db, filter, origin)
  return { text: feed.rss2(), updated }
})
