import { useEffect } from 'preact/hooks'

/**
 * Names the tab after data arrives (a class's name), without moving focus again: useTitle moves
 * focus to the heading whenever its title changes, which it should do only once per page.
 */
export function useDocumentTitle(title: string | false | undefined | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · Service Lab`
  }, [title])
}
