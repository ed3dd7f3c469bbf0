// Vuetify gives the focus back only to a dialog's activator. A dialog opened through its v-model
// (by a button in a list, or after a save) would leave it on the page's body when it closes, and
// keyboard users would start over from the top: remember what had the focus, and return it there.
import type { WatchSource } from 'vue'

export function useFocusReturn(open: WatchSource<boolean>) {
  let opener: HTMLElement | undefined
  watch(open, async (isOpen) => {
    if (isOpen) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
      return
    }
    await nextTick()
    // Unless it went away meanwhile, as a deleted entry's button does.
    if (opener?.isConnected) opener.focus({ preventScroll: true })
    opener = undefined
  })
}
