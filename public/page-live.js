// Keeps an open status page current without the app's JavaScript: the status pages are sent as
// HTML alone (routeRules in nuxt.config.ts), which a phone shows without starting Vue. /api/events
// announces every write; a moment later the page asks the server for itself again, naming the
// version it was told, so that the page cache answers with data at least that new, and swaps in
// the newer page. Where the stream keeps failing, say behind a proxy that buffers it, the page
// polls instead. Pages that the app hydrates (they carry its payload) keep their own ways.
(() => {
  if (document.getElementById('__NUXT_DATA__')) return

  const refreshDelayMs = 250
  // Thousands of open pages hear of a write at the same moment; a random delay spreads their
  // refetches over most of a second.
  const refreshSpreadMs = 650
  const pollMs = 30_000
  const failuresBeforePolling = 3
  // Times such as "ongoing" or "upcoming" change with the clock alone: catch up now and then.
  const catchUpMs = 60_000
  const yearInSeconds = 365 * 24 * 60 * 60

  const root = document.documentElement
  /** The data version the page was rendered from (plugins/data-version.server.ts). */
  let version = root.dataset.version
  let shown = ''
  let timer

  async function refresh() {
    const headers = version ? { 'x-data-version': version } : {}
    // A refresh that fails waits for the next change, or the next poll.
    const reply = await fetch(location.pathname + location.search, { headers, cache: 'no-cache' }).catch(() => undefined)
    if (!reply?.ok) return
    const html = await reply.text()
    if (html === shown) return
    shown = html
    const page = new DOMParser().parseFromString(html, 'text/html')
    // The whole page under the app's root: the settings (title, footer) may have changed too.
    const current = document.getElementById('__nuxt')
    const newer = page.getElementById('__nuxt')
    if (!current || !newer) return
    current.replaceChildren(...document.importNode(newer, true).childNodes)
    document.title = page.title
  }

  const refreshSoon = (delayMs = refreshDelayMs + Math.random() * refreshSpreadMs) => {
    clearTimeout(timer)
    timer = setTimeout(refresh, delayMs)
  }

  // Days and times were cut in the zone the cookie named (UTC on a first visit): switch to the
  // browser's, which the server uses from then on. Intl's first use costs a phone tens of
  // milliseconds, so the zone's name is asked for only where the zone's offsets in January and
  // July differ from those of the page's zone: where they agree, the days are cut alike (but
  // for the hours between two different dates of changing the clocks).
  const year = new Date().getUTCFullYear()
  const offsets = [0, 6].map(month => new Date(Date.UTC(year, month, 1)).getTimezoneOffset()).join(' ')
  const zone = offsets !== root.dataset.zoneOffsets && Intl.DateTimeFormat().resolvedOptions().timeZone
  if (zone && zone !== root.dataset.timeZone) {
    document.cookie = `tz=${encodeURIComponent(zone)}; max-age=${yearInSeconds}; path=/; samesite=lax`
    refreshSoon(0)
  }
  setInterval(() => document.visibilityState === 'visible' && refreshSoon(0), catchUpMs)

  const source = new EventSource('/api/events')
  source.addEventListener('version', ({ data }) => {
    // A different version when the stream opens, or after a reconnect, means changes were missed.
    if (version !== undefined && data !== version) refreshSoon()
    version = data
  })
  source.addEventListener('change', ({ data }) => {
    version = data
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
})()
