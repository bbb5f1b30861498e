import { exports } from 'cloudflare:workers'
import { classesSuite } from './classes-suite'

const worker = exports as unknown as { default: Fetcher }

classesSuite((req) => worker.default.fetch(req))
