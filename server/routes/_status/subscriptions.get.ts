// Whether the pages offer email subscriptions (SMTP is configured). Internal to the page, not part
// of the API; the same for every visitor, so the pages that show it stay in the shared cache.
import { subscriptionsOffered } from '../../services/subscriptions'

export default defineEventHandler(() => ({ data: { offered: subscriptionsOffered() } }))
