import { describe, expect, it } from 'vitest'
import { parsePalette, parseTheme, parseTimeZone } from '../../shared/preferences.ts'

describe('preferences', () => {
  it('reads known cookie values and defaults the rest', () => {
    expect(parseTheme('dark')).toBe('dark')
    expect(parseTheme('purple')).toBe('system')
    expect(parsePalette('colorblind')).toBe('colorblind')
    expect(parsePalette(undefined)).toBe('standard')
  })

  it('accepts IANA time zones only, UTC otherwise', () => {
    expect(parseTimeZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(parseTimeZone('Mars/Olympus_Mons')).toBe('UTC')
    expect(parseTimeZone(undefined)).toBe('UTC')
  })
})
