import { useTitle } from '../components/use-title'

export function NotFoundPage() {
  useTitle('Page not found')
  return (
    <section class="narrow">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href="/labs">Go to the labs</a>.
      </p>
    </section>
  )
}
