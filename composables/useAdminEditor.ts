// The state of editing one thing in a dialog: the draft, which thing (none: a new one), and
// the outcome of saving it.
export function useAdminEditor<T>(save: (draft: T, key: string | undefined) => Promise<unknown>) {
  const open = ref(false)
  const draft = ref() as Ref<T>
  const key = ref<string>()
  const busy = ref(false)
  const problem = ref<AdminProblem>()

  function start(initial: T, editing?: string) {
    draft.value = initial
    key.value = editing
    problem.value = undefined
    open.value = true
  }

  async function submit() {
    busy.value = true
    problem.value = undefined
    try {
      await save(draft.value, key.value)
      open.value = false
    }
    catch (error) {
      problem.value = error as AdminProblem
    }
    finally {
      busy.value = false
    }
  }

  return { open, draft, key, busy, problem, start, submit }
}
