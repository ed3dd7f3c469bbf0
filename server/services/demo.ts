// A believable status page for a first start: two regions of a cloud, some weeks of history,
// one ongoing incident and one scheduled maintenance. Written through the same services as the API.
import { count } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { components, impactTypes, incidents, phaseLists, severities } from '../../db/schema.ts'
import { createComponent } from './components.ts'
import { createImpactType } from './impact-types.ts'
import { createIncidentUpdate } from './incident-updates.ts'
import { createIncident } from './incidents.ts'
import { createPhaseList } from './phases.ts'
import { createSeverity } from './severities.ts'
import { DAY, HOUR } from '../../shared/time.ts'

const PHASES = ['Scheduled', 'Investigation ongoing', 'Working on it', 'Potential fix deployed', 'Done']
const SEVERITIES = [
  { displayName: 'maintenance', value: 0 },
  { displayName: 'operational', value: 33 },
  { displayName: 'limited', value: 66 },
  { displayName: 'broken', value: 100 },
]

const PAST_INCIDENTS = [
  { title: 'Slow volume attachments', type: 'Performance Degradation', severity: 50, text: 'Attaching volumes takes several minutes.' },
  { title: 'Packet loss between availability zones', type: 'Connectivity Problems', severity: 66, text: 'Some traffic between the zones is dropped.' },
  { title: 'Instances fail to start', type: 'Unknown', severity: 100, text: 'New instances stay in the build state.' },
  { title: 'Elevated API latency', type: 'Performance Degradation', severity: 33, text: 'API calls answer slower than usual.' },
  { title: 'Login errors', type: 'Unknown', severity: 80, text: 'Some users cannot sign in to the dashboard.' },
  { title: 'DNS resolution delays', type: 'Connectivity Problems', severity: 40, text: 'Name lookups time out now and then.' },
]

/** Fills an empty database with demo data; returns false and changes nothing if it has any data. */
export async function seedDemo(db: Database, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    for (const table of [components, impactTypes, incidents, phaseLists, severities]) {
      if ((await tx.select({ n: count() }).from(table))[0]!.n > 0) return false
    }
    for (const severity of SEVERITIES) await createSeverity(tx, severity)
    const { generation } = await createPhaseList(tx, PHASES)
    const types = new Map<string, string>()
    for (const displayName of ['Performance Degradation', 'Connectivity Problems', 'Unknown']) {
      types.set(displayName, (await createImpactType(tx, { displayName })).id)
    }
    const componentIds: string[] = []
    for (const region of ['de-west', 'de-east']) {
      for (const az of ['1', '2']) {
        for (const service of ['Compute', 'Block Storage']) {
          componentIds.push((await createComponent(tx, { displayName: `${service} ${region}-${az}`, labels: { region, az } })).id)
        }
      }
      componentIds.push((await createComponent(tx, { displayName: `Object Storage ${region}`, labels: { region } })).id)
    }
    for (const displayName of ['Identity', 'DNS']) componentIds.push((await createComponent(tx, { displayName, labels: {} })).id)

    const phase = (order: number) => ({ generation, order })
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
    const post = (id: string, displayName: string, createdAt: number, description?: string) =>
      createIncidentUpdate(tx, id, { displayName, description, createdAt: at(createdAt) })

    // Past incidents, every few days over six weeks, each with a short timeline.
    for (let i = 0; i < 14; i++) {
      const template = PAST_INCIDENTS[i % PAST_INCIDENTS.length]!
      const began = -(42 - i * 3) * DAY + ((i * 7) % 12) * HOUR
      const duration = (1 + (i % 4)) * HOUR
      const { id } = await createIncident(tx, {
        displayName: template.title,
        description: template.text,
        beganAt: at(began),
        endedAt: at(began + duration),
        phase: phase(4),
        affects: [{ reference: componentIds[(i * 5) % componentIds.length]!, type: types.get(template.type)!, severity: template.severity }],
      })
      await post(id, 'Investigating', began + 10 * 60_000, 'We are looking into the problem.')
      await post(id, 'Fix deployed', began + duration - 20 * 60_000, 'A fix is rolled out; we are watching the results.')
      await post(id, 'Resolved', began + duration, 'The service works normally again.')
    }

    const past = await createIncident(tx, {
      displayName: 'Storage firmware upgrade',
      description: 'Planned upgrade of the storage controllers. Volumes stay available but may be slower.',
      beganAt: at(-10 * DAY), endedAt: at(-10 * DAY + 2 * HOUR), phase: phase(4),
      affects: [{ reference: componentIds[1]!, type: types.get('Performance Degradation')!, severity: 0 }],
    })
    await post(past.id, 'Maintenance completed', -10 * DAY + 2 * HOUR)

    const ongoing = await createIncident(tx, {
      displayName: 'Degraded network performance in de-east-2',
      description: 'Instances in de-east-2 see higher latency and some packet loss.',
      beganAt: at(-40 * 60_000), phase: phase(2),
      affects: [
        { reference: componentIds[7]!, type: types.get('Connectivity Problems')!, severity: 66 },
        { reference: componentIds[8]!, type: types.get('Performance Degradation')!, severity: 33 },
      ],
    })
    await post(ongoing.id, 'Investigating', -35 * 60_000, 'We see packet loss on one of the core switches.')
    await post(ongoing.id, 'Identified', -10 * 60_000, 'A faulty line card was found; traffic is being moved off it.')

    const scheduled = await createIncident(tx, {
      displayName: 'Network maintenance de-west',
      description: 'Core routers in de-west get new software. Short connection drops are possible.',
      beganAt: at(5 * DAY), endedAt: at(5 * DAY + 2 * HOUR), phase: phase(0),
      affects: [0, 2, 4].map(i => ({ reference: componentIds[i]!, type: types.get('Connectivity Problems')!, severity: 0 })),
    })
    await post(scheduled.id, 'Maintenance scheduled', -1 * DAY)
    return true
  })
}
