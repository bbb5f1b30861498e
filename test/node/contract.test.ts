// The same contract against the Node entry's app over libSQL (a fresh file database).
import { beforeAll } from 'vitest'
import { authoredEditSuite } from '../http/authored-edit-suite'
import { authoredLabsSuite } from '../http/authored-labs-suite'
import { authoredPublishSuite } from '../http/authored-publish-suite'
import { classesSuite } from '../http/classes-suite'
import { contractSuite } from '../http/contract-suite'
import { passwordsSuite } from '../http/passwords-suite'
import { robustnessSuite } from '../http/robustness-suite'
import { nodeApp } from './node-app'

const { app, migrate } = nodeApp({ instructorCode: 'test-instructor-code' })
beforeAll(migrate)

contractSuite(async (req) => app.fetch(req))
classesSuite(async (req) => app.fetch(req))
robustnessSuite(async (req) => app.fetch(req))
authoredLabsSuite(async (req) => app.fetch(req))
authoredPublishSuite(async (req) => app.fetch(req))
passwordsSuite(async (req) => app.fetch(req))
authoredEditSuite(async (req) => app.fetch(req))
