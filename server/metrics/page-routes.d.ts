// The pages' route patterns, in Nitro's syntax (`/incidents/:id`), written at build time by the
// hook in nuxt.config.ts.
declare module '#page-routes' {
  const patterns: string[]
  export default patterns
}
