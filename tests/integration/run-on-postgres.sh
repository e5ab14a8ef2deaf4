#!/usr/bin/env bash
# The integration suite's PostgreSQL pass (part of `npm test`): when CUVEE_TEST_POSTGRES_URL names
# a PostgreSQL server (.ci/run starts a private one through scripts/with-postgres.sh), run the
# whole suite again with the app on a fresh database there. Without it, say so and succeed, so
# that `npm test` on a laptop needs nothing but Node.
set -euo pipefail
if [ -z "${CUVEE_TEST_POSTGRES_URL:-}" ]; then
  echo "integration on PostgreSQL: skipped (CUVEE_TEST_POSTGRES_URL is not set; scripts/with-postgres.sh sets it)"
  exit 0
fi
CUVEE_INTEGRATION_DATABASE=postgresql exec npx vitest run --project integration "$@"
