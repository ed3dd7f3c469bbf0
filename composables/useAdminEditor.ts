// The state of editing one thing in a dialog: the draft, which thing (none: a new one), the tag
// of the version the draft was made from, and the outcome of saving it.

/**
 * Things edited under If-Match (README "Optimistic concurrency"): an edit starts from the thing
 * read afresh, and a colleague's change meanwhile is shown beside the draft instead of overwritten.
 */
export interface ConditionalEdits<S, D> {
  /** The thing as it is now, and its tag. */
  read: (key: string) => Promise<{ data: S, etag?: string }>
  /** The draft of the thing; a new object on every call. */
  draftOf: (data: S) => D
  /** How the draft's fields read in a conflict. */
  wording: () => Omit<ConflictWording<keyof D & string>, 'none'>
}

type Save<D> = (draft: D, key: string | undefined, ifMatch: string | undefined) => Promise<unknown>

export function useAdminEditor<D, S = unknown>(save: Save<D>, conditional?: ConditionalEdits<S, D>) {
  const { t } = useAdminI18n()
  const open = ref(false)
  const draft = ref() as Ref<D>
  const key = ref<string>()
  const etag = ref<string>()
  // The draft as the edit began, to tell which fields a colleague changed since.
  const started = ref() as Ref<D | undefined>
  const { busy, problem, run } = useAdminAction()

  function start(initial: D, editing?: string, tag?: string) {
    draft.value = initial
    key.value = editing
    etag.value = tag
    problem.value = undefined
    open.value = true
  }

  /** Opens the dialog for a thing: as read now where edits are conditional, else as given; throws an AdminProblem. */
  async function edit(editing: string, given: D) {
    if (!conditional) return start(given, editing)
    const { data, etag } = await conditional.read(editing)
    started.value = conditional.draftOf(data)
    start(conditional.draftOf(data), editing, etag)
  }

  /** Saves the draft; `ifMatch` overrides the tag it was made from (keeping it over a colleague's change). */
  async function submit(ifMatch = etag.value) {
    if (await run(() => save(draft.value, key.value, ifMatch))) open.value = false
  }

  const rows = computed(() => {
    const refusal = problem.value?.conflict
    if (!refusal || !conditional || !started.value) return undefined
    const current = conditional.draftOf(refusal.current as S)
    const fields = changedKeys(Object.keys(current as object) as (keyof D & string)[], started.value, current)
    return conflictRows(fields, draft.value as Partial<Record<keyof D & string, unknown>>, current as Partial<Record<keyof D & string, unknown>>,
      { ...conditional.wording(), none: t.value.conflict.none })
  })

  const conflict = {
    rows,
    /** The draft again, now over the colleague's change. */
    keepMine: () => submit(problem.value?.conflict?.etag),
    /** The thing as the colleague saved it, to edit from there. */
    takeTheirs: () => {
      const { etag, current } = problem.value!.conflict!
      started.value = conditional!.draftOf(current as S)
      start(conditional!.draftOf(current as S), key.value, etag)
    },
  }

  return { open, draft, key, busy, problem, start, edit, submit, conflict }
}

export type AdminEditor<D> = ReturnType<typeof useAdminEditor<D>>
