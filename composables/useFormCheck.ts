// A form's own check before anything is sent. The fields that fail show their message (tied to
// them by aria-describedby); the form also lists them at its top, where AdminProblemAlert takes
// the focus, so that nobody has to hunt for what stopped the form.

/** A field that failed its check: its input's id and label, and why. */
export interface InvalidField {
  id: string
  label: string
  message: string
}

/** What a v-form offers. */
interface CheckableForm {
  validate: () => Promise<{ valid: boolean, errors: { id: string | number, errorMessages: string[] }[] }>
  reset: () => void
  resetValidation: () => void
}

export function useFormCheck() {
  const form = ref<CheckableForm>()
  const invalid = ref<InvalidField[]>([])
  const { t } = useAdminI18n()

  /** Validates the form; answers whether it may be sent. */
  async function check(): Promise<boolean> {
    const result = await form.value?.validate()
    invalid.value = (result?.errors ?? []).map(({ id, errorMessages }) => ({
      id: String(id),
      // Vuetify renders a field's label twice (resting and floating), both for its input.
      label: document.querySelector(`label[for="${id}"]`)?.textContent?.trim() || t.value.problem.someField,
      message: errorMessages[0] ?? t.value.problem.issue.other,
    }))
    return result?.valid ?? false
  }

  return { form, invalid, check }
}
