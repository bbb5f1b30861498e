import { exports } from 'cloudflare:workers'
import { robustnessSuite } from './robustness-suite'

const worker = exports as unknown as { default: Fetcher }

robustnessSuite((req) => worker.default.fetch(req))
