// How a severity value shows: never by colour alone, always with an icon and a name. Values above
// maintenance are named by the configured severities; the rest by the page's own texts.
import { mdiAlert, mdiAlertOctagon, mdiCheckCircle, mdiHelpCircle, mdiWrench } from '@mdi/js'
import type { SeverityData } from '~~/openapi/schemas'
import { severityFor, severityLevel, type SeverityLevel } from '#shared/status/severity'
import { levelColour } from '#shared/theme'

export const LEVEL_ICONS: Record<SeverityLevel, string> = {
  operational: mdiCheckCircle,
  maintenance: mdiWrench,
  minor: mdiAlert,
  major: mdiAlertOctagon,
  unknown: mdiHelpCircle,
}

/**
 * The level icons as CSS masks: a chip draws its icon as a pseudo-element (assets/page.css), not
 * as elements of its own, which on a page of sixty components saves hundreds of elements. Set once
 * per page (app.vue).
 */
export const levelIconStyles = Object.entries(LEVEL_ICONS).map(([level, path]) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${path}"/></svg>`
  return `.chip[data-level="${level}"]{--level-icon:url("data:image/svg+xml,${encodeURIComponent(svg)}")}`
}).join('\n')

export interface SeverityDisplay {
  level: SeverityLevel
  label: string
  icon: string
  colour: string
}

const capitalised = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1)

/** Turns a severity value (undefined: not affected) into what the page shows for it. */
export function useSeverityDisplay() {
  const { data: severities } = useNuxtData<SeverityData[]>('severities')
  const { t } = useI18n()
  return (value: number | undefined): SeverityDisplay => {
    const scale = severities.value ?? []
    const level = severityLevel(value, scale)
    // Minor and major are only ever given for a value that a configured severity covers.
    const label = level === 'minor' || level === 'major' ? capitalised(severityFor(value!, scale)!.displayName) : t.value.level[level]
    return { level, label, icon: LEVEL_ICONS[level], colour: levelColour(level) }
  }
}
