declare namespace Cloudflare {
  interface Env {
    DB: D1Database
    ASSETS: Fetcher
    INSTRUCTOR_CODE?: string
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
}
