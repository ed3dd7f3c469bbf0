// Without STATUS_PAGE_SESSION_SECRET the key that seals session cookies is generated and kept in
// the database, where whoever reads the database or a backup of it can take it and forge an
// admin's session. That works, but an operator should choose it knowingly: say so at start.
import { config } from '../config'

export default defineNitroPlugin(() => {
  if (config.STATUS_PAGE_SESSION_SECRET) return
  console.warn([
    'WARNING: STATUS_PAGE_SESSION_SECRET is not set, so the key that seals admin session cookies is generated',
    'and kept in the database. Anyone who can read the database or one of its backups can forge sessions.',
    'Set STATUS_PAGE_SESSION_SECRET (32 characters or more, the same on every instance) to keep it elsewhere.',
  ].join('\n'))
})
