import { z } from 'zod'
import { renderEmbed } from '../services/embed'

const EmbedQuery = z.object({ palette: z.enum(['cb']).optional() })

// Any site may frame it; it runs no script and loads nothing.
const csp = 'default-src \'none\'; style-src \'unsafe-inline\'; frame-ancestors *; base-uri \'none\'; form-action \'none\''

export default defineCachedRead(async (event) => {
  const { palette } = queryAs(event, EmbedQuery)
  const html = await renderEmbed(await useDatabase(), publicOrigin(event), palette === 'cb')
  return { body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp } }
}, { query: EmbedQuery, variesBy: publicOrigin })
