#!/usr/bin/env bash
# The end-to-end tests' origins, all nginx:
#   http://127.0.0.1:4173  the atlas: dist/ under /atlas/, served with docs/nginx/meetup-atlas.conf
#                          (only its `listen` and `root` lines changed)
#   http://127.0.0.1:4174  "someone else's site": the Hugo site of tests/hugo-site under /blog/
#                          and the host pages the tests write under /hosts/
#   http://127.0.0.1:4175  the atlas as on 4173, each HTML page with tests/webkit/pages/record.js
#                          first in its <head> (the minified pages have no <head> tag), and tests/webkit/pages/ under /atlas/__test/:
#                          for a driver that cannot read a page's console (WebKit's)
# E2E_PORT moves the three to E2E_PORT, +1 and +2 (two runs side by side).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
port=${E2E_PORT:-4173}
other_port=$((port + 1))
record_port=$((port + 2))
site=$repo/target/e2e-site${E2E_PORT:+-$port}
run=$repo/target/e2e-nginx${E2E_PORT:+-$port}
rm -rf "$site" "$run"
mkdir -p "$site/atlas-origin" "$site/other-origin/hosts" "$run"
# Debian's modules-enabled/*.conf name their modules relative to the prefix.
ln -s /usr/lib/nginx/modules "$run/modules"
cp -r dist "$site/atlas-origin/atlas"
# Browsers ask every site for one.
: > "$site/other-origin/favicon.ico"
# The shortcode puts the build's prerendered atlas in the page (params.meetupAtlas.prerendered
# names a folder of the site: Hugo reads no file outside it), as docs/embedding.md says.
cp -r tests/hugo-site "$site/hugo-site"
mkdir -p "$site/hugo-site/assets/meetup-atlas"
cp dist/fragment.en.html dist/fragment.fr.html dist/ld/events.en.json dist/ld/events.fr.json "$site/hugo-site/assets/meetup-atlas/"
HUGO_PARAMS_MEETUPATLAS_PRERENDERED=assets/meetup-atlas \
  hugo --quiet --source "$site/hugo-site" --themesDir "$repo/docs/hugo" \
  --destination "$site/other-origin/blog" --baseURL "http://127.0.0.1:$other_port/blog/"

sed -e "s|^\( *\)listen .*# yours$|\1listen 127.0.0.1:$port;|" \
    -e "s|^\( *\)root .*# yours.*$|\1root $site/atlas-origin;|" \
    docs/nginx/meetup-atlas.conf > "$run/meetup-atlas.conf"
grep -q "listen 127.0.0.1:$port;" "$run/meetup-atlas.conf" && grep -q "root $site/atlas-origin;" "$run/meetup-atlas.conf" \
  || { echo "docs/nginx/meetup-atlas.conf: the listen/root lines marked 'yours' were not found" >&2; exit 1; }
# The recording copy: the same configuration and files; pages are read uncompressed so
# that the recorder can be written into them (compressed again on the way out).
sed -e "s|listen 127.0.0.1:$port;|listen 127.0.0.1:$record_port;|" \
    -e "s|brotli_static on;|brotli_static off;|" -e "s|gzip_static on;|gzip_static off;|" \
    -e "s|^\( *\)server_tokens off;$|&\n\1sub_filter '<!doctype html>' '<!doctype html><script src=\"/atlas/__test/record.js\"></script>';\n\1location /atlas/__test/ { alias $repo/tests/webkit/pages/; }|" \
    "$run/meetup-atlas.conf" > "$run/meetup-atlas-recorded.conf"
grep -q "sub_filter" "$run/meetup-atlas-recorded.conf" || { echo "serve.sh: the recorder was not written in" >&2; exit 1; }

# Workers run as whoever runs the tests (root in CI) so they can read the checkout.
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root root;"
cat > "$run/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $run/nginx.pid;
error_log stderr warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $run/body;
    proxy_temp_path $run/proxy;
    fastcgi_temp_path $run/fastcgi;
    uwsgi_temp_path $run/uwsgi;
    scgi_temp_path $run/scgi;
    include $run/meetup-atlas.conf;
    include $run/meetup-atlas-recorded.conf;
    server {
        listen 127.0.0.1:$other_port;
        root $site/other-origin;
        add_header Cache-Control no-store;
    }
}
CONF
exec nginx -e stderr -p "$run" -c "$run/nginx.conf"
