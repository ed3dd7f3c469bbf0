// How much memory the caches may fill: STATUS_PAGE_CACHE_MB in all, shared out between the pages
// and the anonymous reads, and the last good copies of each for when the database is down. Those
// are mostly the same entries as the caches hold, so the shares are counted generously.
import { config } from '../config'

const total = config.STATUS_PAGE_CACHE_MB * 1024 * 1024

export const cacheBytes = {
  pages: total * 3 / 8,
  lastGoodPages: total / 8,
  reads: total * 3 / 8,
  lastGoodReads: total / 8,
}
