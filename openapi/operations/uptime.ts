// Availability per component: for the status page, the badges and anyone who reports on it.
import { z } from 'zod'
import { data, defineOperations, notFound, pathParameter, queryParameter, readErrors } from '../operation.ts'
import { Id } from '../schemas.ts'
import { ComponentUptime, UptimeQuery } from '../uptime-schemas.ts'

const timeZone = {
  schema: UptimeQuery,
  parameters: [queryParameter('timeZone', { type: 'string' }, 'The IANA time zone whose midnights start the periods; default UTC.')],
}

export const uptimeOperations = defineOperations({
  getUptime: {
    method: 'get', path: '/uptime', tags: ['component'], access: 'anyone', query: timeZone,
    summary: 'Every component\'s availability over the last 7, 30 and 90 days; an extension to SCS.',
    responses: { 200: data('Per component.', z.array(ComponentUptime)), ...readErrors },
  },
  getComponentUptime: {
    method: 'get', path: '/components/{componentId}/uptime', tags: ['component'], access: 'anyone',
    params: { componentId: pathParameter(Id, 'Component ID.') }, query: timeZone,
    summary: 'A component\'s availability over the last 7, 30 and 90 days; an extension to SCS.',
    responses: { 200: data('The component\'s availability.', ComponentUptime), ...readErrors, ...notFound },
  },
})
