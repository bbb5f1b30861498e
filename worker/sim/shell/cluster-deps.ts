// The modules of the core the shell calls into, in one place.

export { settle } from '../controllers/settle'
export { kubectl } from '../kubectl/index'
