// Several app instances may serve one PostgreSQL database: each announces its writes with NOTIFY
// and listens for the others', so every page cache and open page follows within moments. PGlite
// lives in one process, where server/utils/changes.ts alone is enough.
import { randomUUID } from 'node:crypto'
import type { DatabaseHandle } from '../../db/client'

const channel = 'status_page_changes'
// Our own notifications come back to us too; the sender id tells them apart.
const sender = randomUUID()

function relay(channels: NonNullable<DatabaseHandle['channels']>) {
  onDataChange((origin) => {
    if (origin !== 'local') return
    channels.notify(channel, sender).catch((error: unknown) => {
      console.error('Could not tell other instances about a write:', error)
    })
  })
  let listening = false
  channels.listen(channel, (from) => {
    if (from !== sender) markChanged('remote')
  }, () => {
    // The driver listens again after a lost connection; what was announced meanwhile is lost.
    if (listening) markChanged('remote')
    listening = true
  }).catch((error: unknown) => {
    console.error('Cannot listen for writes of other instances:', error)
  })
}

export default defineNitroPlugin(() => {
  // A database that fails to start is reported by server/plugins/database.ts.
  useDatabaseHandle().then(({ channels }) => channels && relay(channels), () => {})
})
