// Every Node test runs the core in check mode: a command whose result says the document is
// unchanged has its before/after JSON compared, and a write the core did not notice throws
// (worker/sim/document-changed.ts). The platform relies on that flag to skip storing a document.
import { checkDocumentChanged } from '../worker/sim/document-changed'
import { cacheParsedLines } from '../worker/sim/shell/parse-cache'

checkDocumentChanged(true)

// Parsed lines are kept by their text and shared by every run of it (shell/parse-cache.ts): in
// every Node test the kept trees are frozen, so an interpreter that wrote to one would throw.
cacheParsedLines('frozen')
