// Shapes of the instructor API's answers (issue 7); only the fields these pages read.

export interface ClassInfo {
  id: string
  name: string
  joinCode: string
}

export interface LabColumn {
  id: string
  title: string
  tasks: { id: string; title: string }[]
}

export interface LabProgress {
  tasksDone: string[]
  /** task id -> completion time (ms); present once the API sends it, see stuck.ts */
  tasksDoneAt?: Record<string, number>
  completedAt: number | null
  lastActivityAt: number | null
  commands: number
  timeSpentSeconds: number
}

export interface LearnerProgress {
  id: string
  name: string
  email: string
  labs: Record<string, LabProgress | undefined>
}

export interface ProgressMatrix {
  class: ClassInfo
  labs: LabColumn[]
  learners: LearnerProgress[]
}

export interface HistoryEntry {
  at: number
  command: string
  stdin?: string | null
  exitCode: number
  stdout: string
  stderr: string
  tasksCompleted: string[]
}

export interface Misconception {
  id: string
  title: string
  learners: number
  occurrences: number
  example?: { command: string; output: string }
}
