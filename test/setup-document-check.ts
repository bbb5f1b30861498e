// Every Node test runs the core in check mode: a command whose result says the document is
// unchanged has its before/after JSON compared, and a write the core did not notice throws
// (worker/sim/document-changed.ts). The platform relies on that flag to skip storing a document.
import { checkDocumentChanged } from '../worker/sim/document-changed'

checkDocumentChanged(true)
