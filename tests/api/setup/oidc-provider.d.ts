// oidc-provider ships no type declarations; these cover what the test harness uses of it.
declare module 'oidc-provider' {
  import type { Server } from 'node:http'

  interface Grant {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  interface Context {
    oidc: { provider: Provider, client?: { clientId: string }, session?: { accountId: string } }
  }

  interface Configuration {
    findAccount?: (ctx: Context, id: string) => { accountId: string, claims: () => Record<string, unknown> }
    loadExistingGrant?: (ctx: Context) => Promise<Grant | undefined>
    [option: string]: unknown
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    Grant: new (fields: { clientId: string, accountId: string }) => Grant
    listen(port: number, host: string): Server
  }
}
