// A visitor on a slow phone sees a form before its scripts have run, and may fill it in.
// Hydration would undo that (v-model writes its own value into each field). So what was entered
// before the app started, and while it hydrates, is noted, and given back once it has hydrated,
// through the event that v-model hears. (Forms whose button would send the bare HTML form keep it
// disabled until then, as the sign-in does.)
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
const isToggle = (field: Field): field is HTMLInputElement =>
  field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')
const stateOf = (field: Field) => isToggle(field) ? field.checked : field.value
const changedByVisitor = (field: Field) => field instanceof HTMLSelectElement
  ? [...field.options].some(option => option.selected !== option.defaultSelected)
  : isToggle(field) ? field.checked !== field.defaultChecked : field.value !== field.defaultValue

export default defineNuxtPlugin((nuxtApp) => {
  const entered = new Map<Field, string | boolean>()
  const note = ({ target }: Event) => {
    if (isField(target)) entered.set(target, stateOf(target))
  }

  for (const field of document.querySelectorAll<Field>('input, textarea, select')) {
    if (changedByVisitor(field)) entered.set(field, stateOf(field))
  }
  document.addEventListener('input', note, true)
  document.addEventListener('change', note, true)

  // After the hydrated components' own mount hooks, which is where v-model resets the fields.
  nuxtApp.hooks.hookOnce('app:suspense:resolve', () => nextTick(() => {
    document.removeEventListener('input', note, true)
    document.removeEventListener('change', note, true)
    for (const [field, state] of entered) {
      if (!field.isConnected || stateOf(field) === state) continue
      if (isToggle(field)) field.checked = state as boolean
      else field.value = state as string
      field.dispatchEvent(new Event(isToggle(field) || field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
    }
    entered.clear()
  }))
})
