// The job queues, by name.
export const QUEUES = {
  /** Relays recorded events into deliveries (relay.ts); also on a schedule, after a crash. */
  relay: 'notify-relay',
  /** Records maintenance starting or ending at its time (maintenance-edges.ts). */
  maintenanceEdge: 'maintenance-edge',
  /** One event to one webhook receiver (webhook-delivery.ts). */
  webhook: 'webhook-delivery',
  /** Webhook deliveries whose every try failed: their receivers are paused. */
  webhookDead: 'webhook-dead',
  /** Checks whether a health beacon's beat is overdue (beacon-checks.ts); moved by every beat. */
  beaconCheck: 'beacon-check',
  /** One mail to one subscriber (mail-delivery.ts). */
  mail: 'mail-delivery',
  /** Mails whose every try failed, kept for the admin to see and retry. */
  mailDead: 'mail-dead',
} as const
