import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt({
  // Tests read arbitrary JSON bodies; typing each one would only restate the schemas they check.
  files: ['tests/**/*.ts'],
  rules: { '@typescript-eslint/no-explicit-any': 'off' },
})
