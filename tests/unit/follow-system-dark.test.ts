import { createTheme } from 'vuetify/lib/composables/theme.js'
import { describe, expect, it } from 'vitest'
import { followSystemDark, themes } from '../../shared/theme.ts'

// Vuetify's own stylesheet, so that a change in its format fails here and not on the page.
const styles = createTheme({ defaultTheme: 'light', themes }).styles.value

describe('followSystemDark', () => {
  it('gives the light theme the dark theme\'s variables when the system prefers dark', () => {
    const css = followSystemDark(styles, 'light-colorblind', 'dark-colorblind')
    expect(css).toMatch(/^@media \(prefers-color-scheme: dark\) \{ :root, \.v-theme--light-colorblind \{/)
    expect(css).toContain('color-scheme: dark')
    // The dark colour-blind palette's operational colour, #56B4E9.
    expect(css).toContain('--v-theme-status-operational: 86,180,233')
    expect(css).not.toContain('--v-theme-status-operational: 8,104,172')
  })

  it('gives nothing for a theme Vuetify did not generate', () => {
    expect(followSystemDark(styles, 'light', 'sepia')).toBe('')
  })
})
