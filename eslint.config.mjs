import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt({
  // Tests read arbitrary JSON bodies; typing each one would only restate the schemas they check.
  files: ['tests/**/*.ts'],
  rules: { '@typescript-eslint/no-explicit-any': 'off' },
}).append({
  // Nuxt's config ignores public/, but the scripts there are ours and run in every visitor's browser.
  ignores: ['!**/public', 'public/**/*', '!public/**/', '!public/**/*.js'],
})
