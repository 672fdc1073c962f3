#!/usr/bin/env bash
# The production stack on this machine: gunicorn (config/gunicorn.py) on a unix socket in
# tmp/run/, behind nginx (deploy/nginx.conf, its own prefix tmp/nginx/) on $HOST:$PORT.
# Stops both on Ctrl-C or when either stops. `make serve` runs migrate and collectstatic first.
#
#   HOST, PORT  where nginx listens (127.0.0.1:8000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

if ! command -v nginx >/dev/null; then
  echo "nginx absent : $([ "$(id -u)" = 0 ] || echo 'sudo ')apt-get install -y nginx" >&2
  exit 2
fi
mkdir -p tmp/run tmp/nginx/tmp  # tmp/ is ignored by git
rm -f tmp/run/gunicorn.sock
sed -e "s|@ROOT@|$ROOT|g" -e "s|@HOST@|$HOST|g" -e "s|@PORT@|$PORT|g" deploy/nginx.conf \
  >tmp/nginx/nginx.conf

# One proxy in front of gunicorn: django-axes reads the reader's address from X-Forwarded-For.
export AXES_PROXY_COUNT=1 REQUIRE_SECRET_KEY=true
GUNICORN_BIND="unix:$ROOT/tmp/run/gunicorn.sock" .venv/bin/gunicorn -c config/gunicorn.py config.wsgi &
GUNICORN=$!
nginx -p "$ROOT/tmp/nginx" -e error.log -c nginx.conf -g 'daemon off;' &
NGINX=$!
trap 'kill $NGINX $GUNICORN 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM
echo "Production stack: http://$HOST:$PORT/ (nginx $NGINX → gunicorn $GUNICORN, tmp/run/gunicorn.sock)"
wait -n
