// Starts the built server for one API test project, on its own database, and tells the tests
// where it is and which tokens they can use.
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Provider from 'oidc-provider'
import { freePort, startApp } from '../../support/app'
import { createTestDatabase } from '../../support/postgres'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    database: 'pglite' | 'postgres'
    baseUrl: string
    adminToken: string
    readOnlyToken: string
    readWriteToken: string
    databaseUrl: string
    admin: { email: string, password: string }
    oidcIssuer: string
    metricsToken: string
    /** Where the metrics port serves /metrics without a token. */
    metricsPortUrl: string
  }
}

const root = new URL('../../../', import.meta.url).pathname
const adminToken = 'test-admin-token-0123456789abcdef'
const oidcClientSecret = 'test-oidc-client-secret'
const metricsToken = 'test-metrics-token-0123456789'

/** Creates an API token with the CLI, as an operator would, and returns the secret it prints. */
async function createToken(env: NodeJS.ProcessEnv, name: string, scope: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/token.ts', 'create', '--name', name, '--scope', scope], { cwd: root, env })
  const token = stdout.match(/scs_[\w-]+/)?.[0]
  if (!token) throw new Error(`token CLI printed no token: ${stdout}`)
  return token
}

/** Creates a user with the CLI, the password on standard input, as an operator would. */
async function createUser(env: NodeJS.ProcessEnv, email: string, role: string, password: string) {
  const cli = spawn(process.execPath, ['scripts/user.ts', 'create', '--email', email, '--role', role, '--password-stdin'], { cwd: root, env })
  let output = ''
  cli.stdout.on('data', (chunk: Buffer) => (output += chunk))
  cli.stderr.on('data', (chunk: Buffer) => (output += chunk))
  cli.stdin.end(`${password}\n`)
  const code = await new Promise(resolve => cli.once('exit', resolve))
  if (code !== 0) throw new Error(`user CLI failed: ${output}`)
}

/**
 * The claims of a test account. Its login name is its subject and its email, or `<subject>|<email>`
 * for a subject of its own. Emails starting with `editor` carry the role claim
 * `status_roles: ['editor']`; with `unverified` the email is marked unverified, with `unclaimed`
 * the provider says nothing about it, and with `stringfalse` it says "false" as a string.
 */
function accountClaims(login: string) {
  const [sub, email] = login.includes('|') ? login.split('|') as [string, string] : [login, login]
  const verified = email.startsWith('unverified') ? false : email.startsWith('stringfalse') ? 'false' : true
  return {
    sub,
    email,
    ...(!email.startsWith('unclaimed') && { email_verified: verified }),
    status_roles: email.startsWith('editor') ? ['editor'] : [],
  }
}

/**
 * A real OpenID Connect provider on a loopback port, with oidc-provider's development login
 * (any login name is an account, see accountClaims). Consent is given without asking.
 */
async function startIdentityProvider(port: number, redirectUri: string) {
  const issuer = `http://127.0.0.1:${port}`
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'status-page', client_secret: oidcClientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['status_roles'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => accountClaims(id),
    }),
    // The status page must use PKCE; the provider refuses it otherwise.
    pkce: { required: () => true },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
    cookies: { keys: ['status-page-test-cookie-key'] },
  })
  const server = provider.listen(port, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  return { issuer, close: () => new Promise(resolve => server.close(resolve)) }
}

export default async function setup(project: TestProject) {
  const database = project.config.provide.database
  const cleanups: (() => Promise<unknown>)[] = []
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STATUS_PAGE_DEMO: 'false',
    STATUS_PAGE_ADMIN_TOKEN: adminToken,
    // The webhook tests' receivers listen on loopback, and give up after two retries.
    STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: 'true',
    STATUS_PAGE_DELIVERY_RETRIES: '2',
  }
  env.STATUS_PAGE_PROVISIONING_FILE = undefined

  if (database === 'postgres') {
    const database = await createTestDatabase('status_page_test')
    env.DATABASE_URL = database.url
    cleanups.push(database.drop)
  }
  else {
    // On disk rather than in memory, so the token CLI can reach the database before the server starts.
    const dir = await mkdtemp(join(tmpdir(), 'status-page-test-'))
    env.DATABASE_URL = undefined
    env.STATUS_PAGE_DATA_DIR = dir
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
  }

  const readWriteToken = await createToken(env, 'test-rw', 'read-write')
  const readOnlyToken = await createToken(env, 'test-ro', 'read-only')
  const admin = { email: 'admin@example.test', password: 'test-admin-password' }
  await createUser(env, admin.email, 'admin', admin.password)

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const identityProvider = await startIdentityProvider(await freePort(), `${baseUrl}/api/session/oidc/callback`)
  cleanups.push(identityProvider.close)
  Object.assign(env, {
    STATUS_PAGE_OIDC_ISSUER: identityProvider.issuer,
    STATUS_PAGE_OIDC_CLIENT_ID: 'status-page',
    STATUS_PAGE_OIDC_CLIENT_SECRET: oidcClientSecret,
    STATUS_PAGE_OIDC_ROLE_CLAIM: 'status_roles',
    STATUS_PAGE_OIDC_ADMIN_EMAILS: 'sso-admin@example.test',
  })
  const metricsPort = await freePort()
  const server = await startApp({ ...env, STATUS_PAGE_METRICS_TOKEN: metricsToken, STATUS_PAGE_METRICS_PORT: String(metricsPort) }, port)

  project.provide('baseUrl', baseUrl)
  project.provide('adminToken', adminToken)
  project.provide('readWriteToken', readWriteToken)
  project.provide('readOnlyToken', readOnlyToken)
  project.provide('databaseUrl', env.DATABASE_URL ?? '')
  project.provide('admin', admin)
  project.provide('oidcIssuer', identityProvider.issuer)
  project.provide('metricsToken', metricsToken)
  project.provide('metricsPortUrl', `http://127.0.0.1:${metricsPort}`)

  // A server that died under the tests leaves every later test failing: say why it died.
  let stopping = false
  server.process.once('exit', (code, signal) => {
    if (!stopping) console.error(`The ${database} test server exited (${code ?? signal}) while the tests ran:\n${server.output().slice(-8000)}`)
  })

  return async () => {
    stopping = true
    await server.stop()
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
}
