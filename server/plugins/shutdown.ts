// SIGTERM and SIGINT: Nitro's node server stops accepting, waits for open connections, then runs
// the `close` hooks (server/plugins/database.ts closes the pool) and exits. It waits up to
// NITRO_SHUTDOWN_TIMEOUT for each of the two steps, 30 s unless set. 2 s each keeps the whole within
// 5 s, which is what orchestrators allow by default before SIGKILL, and is enough: a request waits
// on a database that hangs for about 1.5 s at most (server/utils/database-health.ts). Event streams
// never end by themselves; they are cut when the wait is over. Nitro reads the variable right after
// the plugins ran, so an operator's own value still wins.
export default defineNitroPlugin(() => {
  process.env.NITRO_SHUTDOWN_TIMEOUT ||= '2000'
})
