import { beforeAll, describe, expect, inject, it } from 'vitest'
import { expectProblem, expectResponse, get } from './client'
import { createComponent, createImpactType, createIncident, fromNow, HOUR, unknownId } from './fixtures'

let componentId: string

beforeAll(async () => {
  componentId = await createComponent()
  const type = await createImpactType()
  await createIncident({ beganAt: fromNow(-HOUR), endedAt: fromNow(-HOUR / 2), affects: [{ reference: componentId, type, severity: 100 }] })
})

describe('uptime', () => {
  it('is served per component for the last 7, 30 and 90 days', async () => {
    const { data } = expectResponse(await get(`/api/components/${componentId}/uptime?timeZone=Europe/Berlin`), 'getComponentUptime', 200)
    expect(data.componentId).toBe(componentId)
    expect(data.periods.map((period: { days: number }) => period.days)).toEqual([7, 30, 90])
    for (const period of data.periods) {
      expect(period.downSeconds).toBe(1800)
      expect(period.uptime).toBeLessThan(1)
      expect(period.uptime).toBeGreaterThan(0.99)
    }
  })

  it('is served for every component at once', async () => {
    const { data } = expectResponse(await get('/api/uptime'), 'getUptime', 200)
    expect(data.find((entry: { componentId: string }) => entry.componentId === componentId).periods[0].downSeconds).toBe(1800)
  })

  it('answers 404 for an unknown component and 400 for an unknown time zone', async () => {
    expectProblem(await get(`/api/components/${unknownId()}/uptime`), 404)
    expectProblem(await get(`/api/components/${componentId}/uptime?timeZone=Mars/Olympus`), 400, 'timeZone')
  })

  it('is shown on the page, the component page and the badge', async () => {
    const base = inject('baseUrl')
    expect(await (await fetch(`${base}/`)).text()).toMatch(/\d+\.\d\d\s?% in 90 days/)
    const page = await (await fetch(`${base}/components/${componentId}`)).text()
    expect(page).toContain('Availability')
    expect(page).toContain('last 30 days')
    const badge = await (await fetch(`${base}/components/${componentId}/badge.svg?show=uptime`)).text()
    expect(badge).toMatch(/<title>uptime: 9\d\.\d\d%<\/title>|<title>[^<]+: 9\d\.\d\d%<\/title>/)
  })
})
