import { describe, expect, it } from 'vitest'
import { levelColour, themes } from '../../shared/theme.ts'

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

const levels = ['operational', 'maintenance', 'minor', 'major', 'unknown'] as const

describe('themes', () => {
  it('has light and dark in both palettes', () => {
    expect(Object.keys(themes).sort()).toEqual(['dark', 'dark-colorblind', 'light', 'light-colorblind'])
  })

  it.each(Object.entries(themes))('gives every severity and signal colour in %s enough contrast', (_, theme) => {
    for (const level of levels) {
      const colour = theme.colors[levelColour(level)]!
      // Text on the colour, and the colour as text or icon on the page and on cards.
      expect(contrast(colour, theme.colors[`on-${levelColour(level)}`]!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colour, theme.colors.background!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colour, theme.colors.surface!)).toBeGreaterThanOrEqual(4.5)
    }
    for (const signal of ['success', 'info', 'warning', 'error']) {
      expect(contrast(theme.colors[signal]!, theme.colors[`on-${signal}`]!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(theme.colors[signal]!, theme.colors.surface!)).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(theme.colors.primary!, theme.colors.surface!)).toBeGreaterThanOrEqual(4.5)
  })
})
