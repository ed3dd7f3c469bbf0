// Manages the users of the admin area:
//   npm run user -- create --email ops@example.com --role admin   (asks for the password)
//   npm run user -- password --email ops@example.com              (sets a new one, ends sessions)
//   npm run user -- disable --email ops@example.com
//   npm run user -- list
// Passwords are asked for on a terminal, or read from standard input with --password-stdin.
// Like the token CLI it opens the configured database; stop the server first on the embedded one.
import { text } from 'node:stream/consumers'
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { Email, NewPassword, Role } from '../openapi/admin-schemas.ts'
import { createUser, findUserByEmail, listUsers, updateUser } from '../server/services/users.ts'
import { fail, withDatabase } from './cli.ts'

const usage = `usage: npm run user -- create --email EMAIL --role admin|editor [--password-stdin]
       npm run user -- password --email EMAIL [--password-stdin]
       npm run user -- disable --email EMAIL
       npm run user -- list`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'email': { type: 'string' },
    'role': { type: 'string', default: 'editor' },
    'password-stdin': { type: 'boolean' },
    'help': { type: 'boolean', short: 'h' },
  },
})
const [command] = positionals

function check<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) fail(`${what}: ${parsed.error.issues.map(issue => issue.message).join('; ')}`)
  return parsed.data
}

// Typed-ahead or pasted input may hold several lines; what follows the first waits here.
let typedAhead = ''

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin
  process.stdout.write(question)
  input.setRawMode(true)
  input.setEncoding('utf8')
  return new Promise((resolve) => {
    const read = (chunk = '') => {
      typedAhead += chunk
      if (typedAhead.includes('\u0003')) fail('\naborted')
      const end = typedAhead.search(/[\r\n]/)
      if (end < 0) return
      const line = typedAhead.slice(0, end)
      typedAhead = typedAhead.slice(end + 1)
      input.off('data', read)
      input.setRawMode(false)
      input.pause()
      process.stdout.write('\n')
      // Backspace (DEL) removes the character before it.
      resolve([...line].reduce((text, char) => char === '\u007f' ? text.slice(0, -1) : text + char, ''))
    }
    input.on('data', read)
    input.resume()
    read()
  })
}

async function readPassword(): Promise<string> {
  if (values['password-stdin']) return check(NewPassword, (await text(process.stdin)).split(/\r?\n/)[0], 'password')
  if (!process.stdin.isTTY) fail('not a terminal: pass the password with --password-stdin')
  const password = check(NewPassword, await promptHidden('Password: '), 'password')
  if (await promptHidden('Again: ') !== password) fail('the passwords differ')
  return password
}

if (values.help || !command) fail(usage)
if (command !== 'list' && !values.email) fail(`${command} needs --email\n${usage}`)
const email = values.email === undefined ? '' : check(Email, values.email, '--email')
const role = check(Role, values.role, '--role')

const password = command === 'create' || command === 'password' ? await readPassword() : ''

await withDatabase(async (db) => {
  const existing = async () => await findUserByEmail(db, email) ?? fail(`No user with the email ${email}.`)
  if (command === 'create') {
    await createUser(db, { email, role, password })
    console.log(`Created ${role} ${email}.`)
  }
  else if (command === 'password') {
    const { id } = await existing()
    await updateUser(db, id, { password })
    console.log(`Set a new password for ${email}; their sessions have ended.`)
  }
  else if (command === 'disable') {
    await updateUser(db, (await existing()).id, { disabled: true })
    console.log(`Disabled ${email}; their sessions have ended.`)
  }
  else if (command === 'list') {
    for (const user of await listUsers(db)) {
      console.log(`${user.email}\t${user.role}${user.disabled ? '\tdisabled' : ''}\tlast sign-in ${user.lastSignInAt ?? 'never'}`)
    }
  }
  else fail(usage)
})
