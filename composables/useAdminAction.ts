// A write from an admin page: busy while it runs, and its failure kept as an AdminProblem for the
// page to show.
export function useAdminAction() {
  const busy = ref(false)
  const problem = ref<AdminProblem>()

  /** Runs the write (and what follows it); answers whether it succeeded. */
  async function run(write: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    problem.value = undefined
    try {
      await write()
      return true
    }
    catch (error) {
      problem.value = error as AdminProblem
      return false
    }
    finally {
      busy.value = false
    }
  }

  return { busy, problem, run }
}
