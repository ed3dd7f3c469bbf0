// The page's Vuetify themes: light and dark, each with a standard and a colour-blind-safe
// palette. Severity colours fill the banner, chips and history cells behind their `on-` text, and
// colour icons on the surface, so each one has at least 4.5:1 contrast against both
// (tests/unit/theme.test.ts checks it). The colour-blind palette keeps operational, minor and
// major apart for all three kinds of colour blindness (blue, orange, crimson instead of green,
// amber, red).
import type { SeverityLevel } from './status/severity.ts'

export const THEME_MODES = ['light', 'dark'] as const
export type ThemeMode = typeof THEME_MODES[number]
/** The first is the default. */
export const PALETTES = ['standard', 'colorblind'] as const
export type Palette = typeof PALETTES[number]

type LevelColours = Record<SeverityLevel, string>

const levels: Record<Palette, Record<ThemeMode, LevelColours>> = {
  standard: {
    light: { operational: '#1E7B34', maintenance: '#1F5FAD', minor: '#9A5B00', major: '#C0262D', unknown: '#5F6368' },
    dark: { operational: '#5CC971', maintenance: '#7AB4F5', minor: '#F2B441', major: '#FF8A80', unknown: '#B0B5BB' },
  },
  colorblind: {
    light: { operational: '#0868AC', maintenance: '#646464', minor: '#9E5C00', major: '#A4104C', unknown: '#5B4A8A' },
    dark: { operational: '#56B4E9', maintenance: '#A6A6A6', minor: '#E69F00', major: '#FF8FC8', unknown: '#C0B0F0' },
  },
}

const base: Record<ThemeMode, { background: string, surface: string, primary: string, onLevel: string }> = {
  light: { background: '#F6F7F9', surface: '#FFFFFF', primary: '#1565C0', onLevel: '#FFFFFF' },
  dark: { background: '#121212', surface: '#1E1E1E', primary: '#82B1FF', onLevel: '#000000' },
}

/** The colours of the severity levels, e.g. for badges and the embeddable status. */
export const levelColours = (palette: Palette, mode: ThemeMode): Readonly<LevelColours> => levels[palette][mode]

export const themeName = (mode: ThemeMode, palette: Palette) => palette === 'standard' ? mode : `${mode}-${palette}`

/** The colour name of a severity level, as Vuetify's `color` prop and `bg-…` classes take it. */
export const levelColour = (level: SeverityLevel) => `status-${level}`

/**
 * Vuetify's signal colours (chips, alerts, buttons, field errors) are the severity colours that
 * mean the same, rather than its defaults, whose white text on info, success and warning falls
 * short of 4.5:1.
 */
const signals = { success: 'operational', info: 'maintenance', warning: 'minor', error: 'major' } as const satisfies Record<string, SeverityLevel>

function theme(mode: ThemeMode, palette: Palette) {
  const { background, surface, primary, onLevel } = base[mode]
  const colors: Record<string, string> = { background, surface, primary }
  const colours = levels[palette][mode]
  for (const [level, colour] of Object.entries(colours)) {
    colors[levelColour(level as SeverityLevel)] = colour
    colors[`on-${levelColour(level as SeverityLevel)}`] = onLevel
  }
  for (const [signal, level] of Object.entries(signals)) {
    colors[signal] = colours[level]
    colors[`on-${signal}`] = onLevel
  }
  // Vuetify fades labels, hints and subtitles to 0.6 of the text colour in the light theme:
  // 3.9:1 on a filled field. 0.7, as in its dark theme, gives them 5.7:1.
  return { dark: mode === 'dark', colors, variables: { 'medium-emphasis-opacity': 0.7 } }
}

export const themes = Object.fromEntries(PALETTES.flatMap(palette =>
  THEME_MODES.map(mode => [themeName(mode, palette), theme(mode, palette)]),
))

/**
 * While the visitor has not chosen, the page follows the system: it renders the light theme and
 * this CSS gives it the dark theme's variables whenever the system prefers dark, without JavaScript
 * and without a flash. The variables are taken from Vuetify's generated theme stylesheet.
 */
export function followSystemDark(vuetifyStyles: string, light: string, dark: string): string {
  const variables = new RegExp(`\\.v-theme--${dark} \\{([^}]*)\\}`).exec(vuetifyStyles)?.[1]
  return variables ? `@media (prefers-color-scheme: dark) { :root, .v-theme--${light} {${variables}} }` : ''
}
