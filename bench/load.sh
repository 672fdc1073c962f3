#!/usr/bin/env bash
# Load run (a benchmark, not a test): gunicorn on 127.0.0.1 serving the real content, and wrk
# from a second process, 60 s at 64 connections on each of: the home page, a role sheet and
# a search. Prints requests/s, latency percentiles, errors and non-2xx answers per URL, and
# exits 1 if any request failed or answered outside 2xx.
#
#   DATABASE_URL      default sqlite:////tmp/fiches-load.sqlite3 (migrated and seeded here)
#   LOAD_PORT         default 8199         LOAD_DURATION     default 60s
#   LOAD_CONNECTIONS  default 64           LOAD_THREADS      default 2 (wrk threads)
#   WEB_CONCURRENCY, GUNICORN_THREADS      gunicorn workers and threads (config/gunicorn.py)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${LOAD_PORT:-8199}
DURATION=${LOAD_DURATION:-60s}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
WRK_THREADS=${LOAD_THREADS:-2}
BASE="http://127.0.0.1:${PORT}"
PY=.venv/bin/python

if ! command -v wrk >/dev/null; then
  echo "wrk absent : apt-get install -y wrk" >&2
  exit 2
fi

# Production settings, over plain http on loopback (no TLS proxy in front here).
export DATABASE_URL=${DATABASE_URL:-sqlite:////tmp/fiches-load.sqlite3}
export DEBUG=false SECURE=false ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=${SECRET_KEY:-load-run-only-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export GUNICORN_ACCESS_LOG=""

"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py seed
"$PY" manage.py collectstatic --noinput --verbosity 0

GUNICORN_BIND="127.0.0.1:${PORT}" .venv/bin/gunicorn -c config/gunicorn.py config.wsgi \
  >/tmp/fiches-load-gunicorn.log 2>&1 &
GUNICORN_PID=$!
trap 'kill "$GUNICORN_PID" 2>/dev/null; wait "$GUNICORN_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  if curl -fs "${BASE}/healthz" >/dev/null; then break; fi
  sleep 0.5
done
curl -fs "${BASE}/healthz" >/dev/null || { echo "gunicorn ne répond pas" >&2; exit 2; }

SEARCH="/recherche/?q=marketing"
if [ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}${SEARCH}")" != "200" ]; then
  echo "note : ${SEARCH} ne répond pas 200 ici, la recherche est mesurée sur /metiers/?q=marketing"
  SEARCH="/metiers/?q=marketing"
fi
URLS=("/" "/metiers/directeur-e-commerce/" "$SEARCH")

echo "gunicorn $(.venv/bin/gunicorn --version 2>&1 | tr -d '\n') on ${BASE}, database ${DATABASE_URL%%:*};" \
  "wrk -t${WRK_THREADS} -c${CONNECTIONS} -d${DURATION}, $(nproc) CPUs shared by both"
FAILED=0
for url in "${URLS[@]}"; do
  result=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    -s bench/load.lua "${BASE}${url}" | grep '^RESULT' | sed 's/^RESULT //')
  echo "${url}  ${result}"
  for counter in non2xx connect_errors read_errors write_errors timeouts; do
    value=$(echo "$result" | tr ' ' '\n' | grep "^${counter}=" | cut -d= -f2)
    if [ "$value" != "0" ]; then FAILED=1; fi
  done
done

if [ "$FAILED" = 1 ]; then
  echo "ÉCHEC : des requêtes ont échoué ou répondu hors 2xx (journal : /tmp/fiches-load-gunicorn.log)"
  exit 1
fi
echo "OK : aucune erreur, aucune réponse hors 2xx."
