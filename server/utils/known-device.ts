// A browser that has signed in to an account carries a sealed cookie that says so. Its password
// attempts for that account are counted apart from everyone else's, so that someone who locks an
// email by guessing does not lock its owner out on their own device.
import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'

const DEVICE_COOKIE = 'status_page_device'
const DEVICE_SECONDS = 180 * 24 * 60 * 60

interface Device extends Record<string, unknown> {
  email: string
  id: string
}

/** The id of this browser when it has signed in to this account before. */
export async function knownDevice(event: H3Event, email: string): Promise<string | undefined> {
  const device = await readSealed<Device>(event, DEVICE_COOKIE, DEVICE_SECONDS)
  return device?.email === email.toLowerCase() && typeof device.id === 'string' ? device.id : undefined
}

/** Marks this browser as one the user signed in on, keeping its id if it had one. */
export async function rememberDevice(event: H3Event, email: string) {
  const id = await knownDevice(event, email) ?? randomBytes(16).toString('base64url')
  await writeSealed<Device>(event, DEVICE_COOKIE, DEVICE_SECONDS, { email: email.toLowerCase(), id })
}
