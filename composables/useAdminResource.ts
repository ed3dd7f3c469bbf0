// The state behind an admin list page (components/admin/AdminResourceList.vue): the loaded
// list, the dialog that creates or edits an entry, and changes made from the list itself
// (delete, revoke, disable), each followed by a fresh load.
/** What useAdminList returns, as far as the page needs it. */
interface LoadedList<T> {
  data: Readonly<Ref<T[] | null | undefined>>
  error: Readonly<Ref<{ message: string } | null | undefined>>
  refresh: () => Promise<unknown>
}

export function useAdminResource<T, D>(list: LoadedList<T>, save: (draft: D, key: string | undefined) => Promise<unknown>) {
  const problem = ref<AdminProblem>()
  const editor = useAdminEditor<D>(async (draft, key) => {
    await save(draft, key)
    await list.refresh()
  })

  /** A change from the list; its failure shows above the list. */
  async function act(change: () => Promise<unknown>) {
    problem.value = undefined
    await change().catch((error: AdminProblem) => (problem.value = error))
    await list.refresh()
  }

  return { items: computed(() => list.data.value ?? []), error: list.error, problem, editor, act, refresh: () => list.refresh() }
}

export type AdminResource<T, D> = ReturnType<typeof useAdminResource<T, D>>
