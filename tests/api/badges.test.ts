// SVG badges and the embeddable status: state in words and colour, accessible, small, cached,
// open to other origins; the embed page without script, framable, dark-mode aware.
import { beforeAll, describe, expect, it } from 'vitest'
import { levelColours } from '../../shared/theme'
import { expectProblem, get } from './client'
import { createComponent, createImpactType, createIncident, fromNow, HOUR, unknownId } from './fixtures'
import { severityJanitor } from './severity-fixtures'

let calm: string
let broken: string
let resting: string
let severityName: string
const janitor = severityJanitor()

beforeAll(async () => {
  calm = await createComponent()
  broken = await createComponent()
  resting = await createComponent()
  const type = await createImpactType()
  // The highest value, so that the broken component is 'major'.
  const severity = await janitor.create(100).catch(async () => janitor.create())
  severityName = severity.displayName
  await createIncident({ displayName: 'Badge <outage>', beganAt: fromNow(-HOUR), affects: [{ reference: broken, type, severity: severity.value }] })
  await createIncident({ beganAt: fromNow(-HOUR), endedAt: fromNow(HOUR), affects: [{ reference: resting, type, severity: 0 }] })
  return () => janitor.cleanup()
})

const svgOf = async (path: string) => {
  const reply = await get(path)
  expect(reply.status, String(reply.body)).toBe(200)
  expect(reply.headers.get('content-type')).toContain('image/svg+xml')
  return { reply, svg: reply.body as string }
}

describe('badges', () => {
  it('shows a component\'s state in words and colour, accessibly and in under 2 KB', async () => {
    const { reply, svg } = await svgOf(`/components/${calm}/badge.svg`)
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="[^"]*: operational"/)
    expect(svg).toMatch(/<title>[^<]*: operational<\/title>/)
    expect(svg).toContain(levelColours('standard', 'light').operational)
    expect(Buffer.byteLength(svg)).toBeLessThan(2048)
    expect(reply.headers.get('access-control-allow-origin')).toBe('*')
    expect(reply.headers.get('cache-control')).toMatch(/max-age=\d+/)

    const maintenance = (await svgOf(`/components/${resting}/badge.svg`)).svg
    expect(maintenance).toContain('<title>')
    expect(maintenance).toContain(': maintenance</title>')
    expect(maintenance).toContain(levelColours('standard', 'light').maintenance)
  })

  it('names the severity of an impacted component and takes a label, a style and the colour-blind palette', async () => {
    const { svg } = await svgOf(`/components/${broken}/badge.svg?label=${encodeURIComponent('API & <co>')}&style=flat-square&palette=cb`)
    const escapedName = severityName.replace(/&/g, '&#38;')
    expect(svg).toContain(`<title>API &#38; &#60;co&#62;: ${escapedName}</title>`)
    // major when no other file holds a higher severity meanwhile, minor otherwise
    const { major, minor } = levelColours('colorblind', 'light')
    expect(svg.includes(major) || svg.includes(minor)).toBe(true)
    const standard = levelColours('standard', 'light')
    expect(svg.includes(standard.major) || svg.includes(standard.minor)).toBe(false)
    expect(svg).not.toContain('linearGradient')
    expect((await svgOf(`/components/${broken}/badge.svg`)).svg).toContain('linearGradient')
  })

  it('shows the whole page on /badge.svg', async () => {
    const { svg } = await svgOf('/badge.svg')
    // Another file's incidents may be active too; ours is of the highest severity.
    expect(svg).toMatch(/<title>status: [^<]+<\/title>/)
    expect(svg).not.toContain(': operational</title>')
  })

  it('answers 304 to a known ETag and refuses bad parameters and unknown components', async () => {
    const first = await get(`/components/${calm}/badge.svg`)
    expect(first.headers.get('etag')).toBeTruthy()
    expect((await get(`/components/${calm}/badge.svg`, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304)
    expectProblem(await get(`/components/${calm}/badge.svg?style=plastic`), 400, 'style')
    expectProblem(await get(`/components/${calm}/badge.svg?palette=rainbow`), 400, 'palette')
    expectProblem(await get(`/components/not-an-id/badge.svg`), 400, 'componentId')
    expectProblem(await get(`/components/${unknownId()}/badge.svg`), 404)
  })
})

describe('/embed', () => {
  it('is a small page without script that any site may frame, in the system\'s colours', async () => {
    const reply = await get('/embed')
    expect(reply.status).toBe(200)
    const html = reply.body as string
    expect(reply.headers.get('content-type')).toContain('text/html')
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('@media (prefers-color-scheme:dark)')
    const csp = reply.headers.get('content-security-policy')!
    expect(csp).toContain('frame-ancestors *')
    expect(csp).toContain('default-src \'none\'')
    expect(reply.headers.get('x-frame-options')).toBeNull()
    expect(html).toContain('Badge &#60;outage&#62;')
    expect(html).toMatch(/<a href="http:\/\/[^"]+\/incidents\/[\da-f-]{36}" target="_top">/)
  })
})
