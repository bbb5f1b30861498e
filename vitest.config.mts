import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations')
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            include: ['test/sim/**/*.test.ts', 'test/labs/**/*.test.ts', 'test/node/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/unit/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['./test/setup-document-check.ts'],
            testTimeout: 30_000,
            // hooks migrate file databases and start servers: seconds each on a loaded machine,
            // more than the 10 s default (a server-starting hook may still set a longer one)
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, INSTRUCTOR_CODE: 'test-instructor-code' },
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/http/**/*.test.ts'],
            setupFiles: ['./test/http/apply-migrations.ts'],
          },
        },
      ],
    },
  }
})
