// Keeps an open page current: /api/events announces every write, and the page refetches its data
// (useFetch, useAsyncData) and the parts the server renders alone (utils/server-fragments.ts) a
// moment later, naming the version it was told (utils/api.ts), so that the server's caches answer
// with data at least that new. Where the stream keeps failing, say behind a proxy that
// buffers it, the page polls instead.
const refreshDelayMs = 250
// Thousands of open pages hear of a write at the same moment; a random delay spreads their
// refetches over most of a second.
const refreshSpreadMs = 650
const pollMs = 30_000
const failuresBeforePolling = 3

export default defineNuxtPlugin(() => {
  const router = useRouter()
  let timer: ReturnType<typeof setTimeout> | undefined
  const refreshSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      // Admin forms hold edits that a refetch would overwrite.
      if (router.currentRoute.value.path.startsWith('/admin')) return
      refreshNuxtData()
      refreshServerFragments(version)
    }, refreshDelayMs + Math.random() * refreshSpreadMs)
  }

  // The version the page was rendered from: a different one when the stream opens, or after a
  // reconnect, means changes were missed meanwhile.
  let version = useState<string | undefined>('data-version').value
  const source = new EventSource('/api/events')
  source.addEventListener('version', ({ data }) => {
    if (version !== undefined && data !== version) refreshSoon()
    rememberDataVersion(version = data)
  })
  source.addEventListener('change', ({ data }) => {
    rememberDataVersion(version = data)
    refreshSoon()
  })

  let failures = 0
  source.addEventListener('open', () => (failures = 0))
  source.addEventListener('error', () => {
    // EventSource reconnects by itself, unless the server answered with something else than a stream.
    if (++failures < failuresBeforePolling && source.readyState !== EventSource.CLOSED) return
    source.close()
    setInterval(refreshSoon, pollMs)
  })
})
