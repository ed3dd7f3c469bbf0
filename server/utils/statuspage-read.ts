// The Statuspage-compatible reads (/api/v2/…): each endpoint shows a part of the same data,
// from the read cache. CORS is open as for every API read (server/middleware/cors.ts).
import { loadStatuspage, type Statuspage } from '../services/statuspage'

export function defineStatuspageRead(pick: (data: Statuspage) => object) {
  return defineCachedRead(async (event) => {
    const data = await loadStatuspage(await useDatabase(), publicOrigin(event))
    return { body: JSON.stringify({ page: data.page, ...pick(data) }), headers: { 'content-type': 'application/json' } }
  }, { variesBy: publicOrigin })
}
