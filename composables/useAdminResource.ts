// The state behind an admin list page (components/admin/AdminResourceList.vue): the loaded
// list, the dialog that creates or edits an entry, and changes made from the list itself
// (delete, revoke, disable), each followed by a fresh load.
import type { ConditionalEdits } from './useAdminEditor'

/** What useAdminList returns, as far as the page needs it. */
interface LoadedList<T> {
  data: Readonly<Ref<T[] | null | undefined>>
  error: Readonly<Ref<{ message: string } | null | undefined>>
  refresh: () => Promise<unknown>
}

export function useAdminResource<T, D, S = T>(
  list: LoadedList<T>,
  save: (draft: D, key: string | undefined, ifMatch: string | undefined) => Promise<unknown>,
  conditional?: ConditionalEdits<S, D>,
) {
  const { problem, run } = useAdminAction()
  const editor = useAdminEditor<D, S>(async (draft, key, ifMatch) => {
    await save(draft, key, ifMatch)
    await list.refresh()
  }, conditional)

  /** A change from the list; its failure shows above the list. */
  async function act(change: () => Promise<unknown>) {
    await run(change)
    await list.refresh()
  }

  /** Opens the dialog for an entry; one gone meanwhile is said above the list, which shows what is there now. */
  async function edit(key: string, listed: D) {
    if (!(await run(() => editor.edit(key, listed)))) await list.refresh()
  }

  return { items: computed(() => list.data.value ?? []), error: list.error, problem, editor, edit, act, refresh: () => list.refresh() }
}

export type AdminResource<T, D> = ReturnType<typeof useAdminResource<T, D>>
