// The admin area's languages: one dictionary for every language the public pages speak.
import { adminDe } from './admin-de.ts'
import { adminEn, type AdminMessages } from './admin-en.ts'
import type { Locale } from './index.ts'

export type { AdminMessages }

export const adminMessages: Record<Locale, AdminMessages> = { en: adminEn, de: adminDe }
