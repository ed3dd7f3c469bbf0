// Parts of a page that the server renders and the browser never hydrates carry
// `data-server-fragment="<name>"`. Vue does not look after them, so when the data changes they are
// replaced by the same parts of the page rendered anew, which the server's page cache answers
// once for every visitor.

/** Swaps each never-hydrated part of the page for its newer rendering; `version`: the data version it must include. */
export async function refreshServerFragments(version: string | undefined) {
  const shown = document.querySelectorAll<HTMLElement>('[data-server-fragment]')
  if (!shown.length) return
  // A refresh that fails waits for the next change, or the next poll, as the page's data does.
  const reply = await fetch(location.pathname + location.search, { headers: version ? { 'x-data-version': version } : {} }).catch(() => undefined)
  if (!reply?.ok) return
  const page = new DOMParser().parseFromString(await reply.text(), 'text/html')
  for (const element of shown) {
    const newer = page.querySelector(`[data-server-fragment="${CSS.escape(element.dataset.serverFragment!)}"]`)
    // The element itself stays: Vue holds it, to remove it with the page.
    if (newer) element.replaceChildren(...document.importNode(newer, true).childNodes)
  }
}
