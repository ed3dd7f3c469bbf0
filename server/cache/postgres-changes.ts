// Several app instances may serve one PostgreSQL database: each announces its writes with NOTIFY
// and listens for the others', so every page cache and open page follows within moments. PGlite
// lives in one process, where changes.ts alone is enough.
import { randomUUID } from 'node:crypto'
import type { DatabaseHandle } from '../../db/client'
import { markChanged, onDataChange } from './changes'

const channel = 'status_page_changes'
// Our own notifications come back to us too; the sender id tells them apart.
const sender = randomUUID()

/** Sends this instance's writes to the others on the database, and marks theirs as changes here. */
export function relayChanges(channels: NonNullable<DatabaseHandle['channels']>) {
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
