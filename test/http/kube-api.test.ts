import { exports } from 'cloudflare:workers'
import { kubeApiSuite } from './kube-api-suite'

const worker = exports as unknown as { default: Fetcher }

kubeApiSuite((req) => worker.default.fetch(req))
