import { describe, expect, it } from 'vitest'
import { reconnectDelaySeconds } from '../../db/client.ts'
import { databaseUnavailable, isDatabaseOutage, notFound } from '../../server/problem.ts'

// How drizzle hands on a driver's error: its own error with the driver's as the cause.
const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause })

describe('isDatabaseOutage', () => {
  it('counts refused, cut and timed-out connections as an outage', () => {
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNRESET']) {
      expect(isDatabaseOutage(wrapped(Object.assign(new Error(code), { code })))).toBe(true)
    }
  })

  it('counts a server shutting down, starting or cutting off a slow statement as an outage', () => {
    // admin_shutdown, cannot_connect_now, query_canceled (statement_timeout), lock_not_available,
    // too_many_connections, connection_failure
    for (const code of ['57P01', '57P03', '57014', '55P03', '53300', '08006']) {
      expect(isDatabaseOutage(wrapped({ code }))).toBe(true)
    }
  })

  it('does not count a client\'s mistake or a bug as an outage', () => {
    for (const code of ['23505', '23503', '22P02', '42P01']) expect(isDatabaseOutage(wrapped({ code }))).toBe(false)
    expect(isDatabaseOutage(new Error('boom'))).toBe(false)
    expect(isDatabaseOutage(notFound('no such thing'))).toBe(false)
  })

  it('counts its own 503', () => {
    expect(isDatabaseOutage(databaseUnavailable())).toBe(true)
    expect(databaseUnavailable().status).toBe(503)
  })
})

describe('reconnectDelaySeconds', () => {
  it('tries again within a second however long the outage was, sooner at first', () => {
    for (let retries = 0; retries <= 50; retries++) {
      const delay = reconnectDelaySeconds(retries)
      expect(delay).toBeGreaterThan(0)
      expect(delay).toBeLessThanOrEqual(1)
    }
    expect(reconnectDelaySeconds(1)).toBeLessThanOrEqual(0.1)
  })
})
