import { useEffect } from 'preact/hooks'

let firstPage = true

/** Names the page in the tab and, after an in-app navigation, moves focus to its heading. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Service Lab`
    if (firstPage) {
      firstPage = false
      return
    }
    const h1 = document.querySelector<HTMLElement>('main h1')
    if (h1 && !h1.contains(document.activeElement)) {
      h1.tabIndex = -1
      h1.focus({ preventScroll: true })
    }
  }, [title])
}
