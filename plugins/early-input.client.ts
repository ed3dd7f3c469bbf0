// A visitor on a slow phone sees a form before its scripts have run, and may type into it.
// Hydration would empty those fields (v-model writes its own value into them). So what was typed
// before the app started, and while it hydrates, is noted, and given back once it has hydrated,
// through an input event that v-model hears. (Forms whose button would send the bare HTML form
// keep the button disabled until then, as the sign-in does.)
type Field = HTMLInputElement | HTMLTextAreaElement

export default defineNuxtPlugin((nuxtApp) => {
  const typed = new Map<Field, string>()
  const note = (field: Field) => typed.set(field, field.value)
  const noteInput = ({ target }: Event) => {
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) note(target)
  }

  for (const field of document.querySelectorAll<Field>('input, textarea')) {
    if (field.value !== field.defaultValue) note(field)
  }
  document.addEventListener('input', noteInput, true)

  // After the hydrated components' own mount hooks, which is where v-model empties the fields.
  nuxtApp.hooks.hookOnce('app:suspense:resolve', () => nextTick(() => {
    document.removeEventListener('input', noteInput, true)
    for (const [field, value] of typed) {
      if (!field.isConnected || field.value === value) continue
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
    typed.clear()
  }))
})
