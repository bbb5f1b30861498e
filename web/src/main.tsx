import { render } from 'preact'
import { App } from './app'
import { interceptLinks } from './router'

const root = document.getElementById('app')
if (root) {
  interceptLinks(document.body)
  render(<App />, root)
}
