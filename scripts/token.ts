// Creates, lists and revokes API tokens:
//   npm run token -- create --name ci --scope rw     (prints the token once)
//   npm run token -- list
//   npm run token -- revoke --name ci
// It opens the database the server is configured with (DATABASE_URL / STATUS_PAGE_DATA_DIR).
// The embedded database is one process's at a time: stop the server before using it there.
import { parseArgs } from 'node:util'
import { createToken, listTokens, revokeToken } from '../server/services/tokens.ts'
import { TOKEN_SCOPES, type TokenScope } from '../shared/admin/access.ts'
import { fail, withDatabase } from './cli.ts'

const usage = `usage: npm run token -- create --name NAME [--scope rw|ro]
       npm run token -- list
       npm run token -- revoke --name NAME`

const scopeAliases: Record<string, TokenScope> = { 'rw': 'read-write', 'ro': 'read-only', 'read-write': 'read-write', 'read-only': 'read-only' }

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, scope: { type: 'string', default: 'rw' }, help: { type: 'boolean', short: 'h' } },
})
const [command] = positionals

if (values.help || !command) fail(usage)
const scope = scopeAliases[values.scope!] ?? fail(`--scope must be one of rw, ro (${TOKEN_SCOPES.join(', ')})`)
if ((command === 'create' || command === 'revoke') && !values.name) fail(`${command} needs --name\n${usage}`)

await withDatabase(async (db) => {
  if (command === 'create') {
    const { token } = await createToken(db, values.name!, scope)
    console.log(`Created ${scope} token "${values.name}". It is shown only this once:\n${token}`)
  }
  else if (command === 'revoke') {
    await revokeToken(db, values.name!)
    console.log(`Revoked token "${values.name}".`)
  }
  else if (command === 'list') {
    for (const token of await listTokens(db)) {
      console.log(`${token.name}\t${token.scope}\tcreated ${token.createdAt}\tlast used ${token.lastUsedAt ?? 'never'}`)
    }
  }
  else fail(usage)
})
