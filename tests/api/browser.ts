// A signed-in browser for the API tests: it keeps the session cookie and, like the admin pages,
// sends the session's CSRF token with every write.
import { inject } from 'vitest'
import { expectResponse, post, request, type Reply } from './client'
import { uniqueName } from './fixtures'

export const SESSION_COOKIE = 'status_page_session'

interface BrowserRequest {
  body?: unknown
  /** Whether to send the x-csrf-token header on a write; default true. */
  csrf?: boolean
  headers?: Record<string, string>
}

/** The `name=value` of the session cookie a response sets, if any. */
export function sessionCookieOf(reply: Reply): string | undefined {
  return reply.headers.getSetCookie().find(cookie => cookie.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0]
}

export class Browser {
  constructor(readonly email: string, public cookie: string, public csrfToken: string) {}

  request<T = any>(method: string, path: string, { body, csrf = true, headers }: BrowserRequest = {}): Promise<Reply<T>> {
    const write = !['GET', 'HEAD'].includes(method)
    return request<T>(method, path, {
      body,
      token: null,
      headers: { cookie: this.cookie, ...(write && csrf && { 'x-csrf-token': this.csrfToken }), ...headers },
    })
  }

  get = <T = any>(path: string, options?: BrowserRequest) => this.request<T>('GET', path, options)
  post = <T = any>(path: string, body: unknown, options?: BrowserRequest) => this.request<T>('POST', path, { ...options, body })
  patch = (path: string, body: unknown, options?: BrowserRequest) => this.request('PATCH', path, { ...options, body })
  del = (path: string, options?: BrowserRequest) => this.request('DELETE', path, options)

  /** Who GET /api/session says is signed in, if anyone. */
  async user(): Promise<{ email: string, role: string } | undefined> {
    return expectResponse(await this.get('/api/session'), 'getSession', 200).data.user
  }
}

export const signInReply = (email: string, password: string, headers?: Record<string, string>) =>
  post('/api/session', { email, password }, { token: null, headers })

export async function signIn(email: string, password: string): Promise<Browser> {
  const reply = await signInReply(email, password)
  const { data } = expectResponse(reply, 'signIn', 200)
  const cookie = sessionCookieOf(reply)
  if (!cookie) throw new Error(`sign-in set no session cookie: ${reply.headers.getSetCookie()}`)
  return new Browser(email, cookie, data.csrfToken)
}

export const signInAsAdmin = () => signIn(inject('admin').email, inject('admin').password)

/** A new user, created by the bootstrap admin token; returns what is needed to sign in. */
export async function createUser(role: 'admin' | 'editor', password = 'correct horse battery') {
  const email = `${uniqueName(role).replaceAll(' ', '-').toLowerCase()}@example.test`
  const { id } = expectResponse(await post('/api/users', { email, role, password }), 'createUser', 201)
  return { id, email, password }
}

export async function signInAs(role: 'admin' | 'editor') {
  const { email, password, id } = await createUser(role)
  return Object.assign(await signIn(email, password), { id, password })
}
