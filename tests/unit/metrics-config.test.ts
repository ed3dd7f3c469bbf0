import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.ts'

describe('the metrics settings', () => {
  it('are off by default, and the metrics port listens on loopback unless told otherwise', () => {
    const config = readConfig({})
    expect(config.STATUS_PAGE_METRICS_TOKEN).toBeUndefined()
    expect(config.STATUS_PAGE_METRICS_PORT).toBeUndefined()
    expect(config.STATUS_PAGE_METRICS_HOST).toBe('127.0.0.1')
    expect(readConfig({ STATUS_PAGE_METRICS_PORT: '', STATUS_PAGE_METRICS_TOKEN: '' }).STATUS_PAGE_METRICS_PORT).toBeUndefined()
  })

  it('read a port number and a token', () => {
    const config = readConfig({ STATUS_PAGE_METRICS_PORT: '9464', STATUS_PAGE_METRICS_TOKEN: 'a-metrics-token-of-some-length', STATUS_PAGE_METRICS_HOST: '::' })
    expect(config.STATUS_PAGE_METRICS_PORT).toBe(9464)
    expect(config.STATUS_PAGE_METRICS_TOKEN).toBe('a-metrics-token-of-some-length')
    expect(config.STATUS_PAGE_METRICS_HOST).toBe('::')
  })

  it.each(['0', '65536', '9464.5', 'metrics'])('refuse the port %s', (port) => {
    expect(() => readConfig({ STATUS_PAGE_METRICS_PORT: port })).toThrow(/STATUS_PAGE_METRICS_PORT/)
  })

  it('refuse a short token', () => {
    expect(() => readConfig({ STATUS_PAGE_METRICS_TOKEN: 'short' })).toThrow(/STATUS_PAGE_METRICS_TOKEN: must be at least 16 characters/)
  })
})
