#!/usr/bin/env bash
# Test peer: starts a real Ghost (npm package ghost@5.130.6, SQLite) on 127.0.0.1:${GHOST_PORT:-2369}, sets
# up its owner and a Custom Integration, and prints shell lines to eval:
#   GHOST_URL=http://127.0.0.1:2369
#   GHOST_ADMIN_KEY=<id>:<secret>
# Everything else goes to stderr. Installed once into ${BYLINE_GHOST_DIR:-/var/tmp/byline-ghost} (outside the
# repo, kept between runs); a Ghost already answering there is reused. Needs: node 20, curl, python3, make,
# g++ (sqlite3 builds from source when its prebuilt binary cannot be downloaded), the npm registry.
# ghost@6 needs Node 22; 5.130.6 is the last 5.x and its engines allow Node 20.
set -eu
VERSION=5.130.6
PORT=${GHOST_PORT:-2369}; DIR=${BYLINE_GHOST_DIR:-/var/tmp/byline-ghost}
APP=$DIR/app; URL=http://127.0.0.1:$PORT
# Ghost refuses an owner password that contains the site's title or the e-mail's name.
EMAIL=desk@example.com; PASSWORD=Qv7-nKr2-wP9z-T4mx; INTEGRATION='Byline tests'
say() { echo "ghost-up: $*" >&2; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);process.stdout.write(String(($1)(j)??''))})"; }

if [ ! -f "$APP/.byline-installed-$VERSION" ]; then
  started=$(date +%s)
  say "installing ghost@$VERSION into $APP (once)"
  rm -rf "$APP" && mkdir -p "$APP"
  (cd "$DIR" && npm pack "ghost@$VERSION" --loglevel=error >/dev/null 2>"$DIR/pack.log") || {
    say "could not download ghost@$VERSION from the npm registry ($(npm config get registry)):"; head -3 "$DIR/pack.log" >&2; exit 1; }
  tar -xzf "$DIR/ghost-$VERSION.tgz" -C "$APP" --strip-components=1
  # Ghost ships its monorepo's yarn.lock and installs with yarn (as Ghost-CLI does): npm cannot resolve the tree
  # (bookshelf's peer range excludes Ghost's knex). Yarn 1 fetches devDependencies even with --production, and
  # some of those are GitHub tarballs (mock-knex); with them dropped, only the registry is needed.
  node -e 'const f=process.argv[1],fs=require("fs"),p=JSON.parse(fs.readFileSync(f));delete p.devDependencies;fs.writeFileSync(f,JSON.stringify(p,null,2))' "$APP/package.json"
  # The lockfile names registry.yarnpkg.com; the same tarballs come from npm's registry (or the one npm is set to).
  REGISTRY=$(npm config get registry); REGISTRY=${REGISTRY%/}/
  sed -i "s#https://registry.yarnpkg.com/#$REGISTRY#g" "$APP/yarn.lock"
  # sqlite3's prebuilt binary comes from GitHub; when that fails it builds against the local Node headers.
  (cd "$APP" && npm_config_nodedir=${npm_config_nodedir:-/usr} npx --yes yarn@1.22.22 install --production --registry "$REGISTRY" --non-interactive --no-progress --network-timeout 120000 >"$DIR/install.log" 2>&1) || {
    say "yarn install failed; the end of $DIR/install.log:"; tail -20 "$DIR/install.log" >&2; exit 1; }
  touch "$APP/.byline-installed-$VERSION"
  say "installed in $(( $(date +%s) - started ))s"
fi

if ! curl -sf -o /dev/null "$URL/ghost/api/admin/site/"; then
  started=$(date +%s)
  mkdir -p "$DIR/content"
  # The content folder (database, images, themes) lives beside the app, so a reinstall keeps it.
  [ -d "$DIR/content/themes" ] || cp -r "$APP/content/." "$DIR/content/"
  # SQLite; mail goes nowhere (stub transport); no update checks, Gravatar, RPC pings or other calls home;
  # no emailed sign-in codes (staff device verification), which this script could not read.
  cat >"$APP/config.production.json" <<JSON
{
  "url": "$URL",
  "server": { "host": "127.0.0.1", "port": $PORT },
  "database": { "client": "sqlite3", "connection": { "filename": "$DIR/content/data/ghost.db" }, "useNullAsDefault": true, "debug": false },
  "paths": { "contentPath": "$DIR/content" },
  "mail": { "transport": "stub" },
  "privacy": { "useTinfoil": true, "useUpdateCheck": false, "useGravatar": false, "useRpcPing": false, "useStructuredData": false },
  "security": { "staffDeviceVerification": false },
  "logging": { "level": "warn", "transports": ["stdout"] },
  "spam": { "user_login": { "freeRetries": 1000 }, "global_block": { "freeRetries": 1000 } }
}
JSON
  say "starting Ghost on $URL"
  # cd on its own: "cd && node &" would background a subshell, and its pid is not Ghost's.
  (cd "$APP" || exit 1; NODE_ENV=production nohup node index.js >"$DIR/ghost.log" 2>&1 & echo $! >"$DIR/ghost.pid")
  for _ in $(seq 180); do
    curl -sf -o /dev/null "$URL/ghost/api/admin/site/" && break
    if ! kill -0 "$(cat "$DIR/ghost.pid")" 2>/dev/null; then say "Ghost exited; the end of $DIR/ghost.log:"; tail -30 "$DIR/ghost.log" >&2; exit 1; fi
    sleep 1
  done
  curl -sf -o /dev/null "$URL/ghost/api/admin/site/" || { say "Ghost did not answer in 180s; see $DIR/ghost.log"; tail -30 "$DIR/ghost.log" >&2; exit 1; }
  say "started in $(( $(date +%s) - started ))s"
fi

# Admin API over a session: the owner is set up once, then signed in; Origin must match the site (CSRF check).
api() { curl -sS -b "$DIR/cookies" -c "$DIR/cookies" -H "Origin: $URL" -H 'Content-Type: application/json' -H 'Accept-Version: v5.0' "$@"; }
if [ "$(api "$URL/ghost/api/admin/authentication/setup/" | json 'j=>j.setup[0].status')" != "true" ]; then
  code=$(api -o "$DIR/setup.json" -w '%{http_code}' -X POST "$URL/ghost/api/admin/authentication/setup/" \
    -d "{\"setup\":[{\"name\":\"바이라인 데스크\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"blogTitle\":\"Byline Test Ghost\"}]}")
  [ "$code" = 201 ] || { say "owner setup failed (HTTP $code): $(cat "$DIR/setup.json")"; exit 1; }
fi
rm -f "$DIR/cookies"
code=$(api -o "$DIR/session.json" -w '%{http_code}' -X POST "$URL/ghost/api/admin/session/" -d "{\"username\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
[ "$code" = 201 ] || { say "sign-in failed (HTTP $code): $(cat "$DIR/session.json")"; exit 1; }

# Ghost 5's admin serializer already gives an admin key's secret as "<id>:<secret>", the form to paste.
key() { json "j=>{const i=(j.integrations||[]).find(i=>i.name==='$INTEGRATION');const k=i&&i.api_keys.find(k=>k.type==='admin');return !k?'':k.secret.includes(':')?k.secret:k.id+':'+k.secret}"; }
KEY=$(api "$URL/ghost/api/admin/integrations/?include=api_keys&limit=all" | key)
if [ -z "$KEY" ]; then
  KEY=$(api -X POST "$URL/ghost/api/admin/integrations/?include=api_keys" -d "{\"integrations\":[{\"name\":\"$INTEGRATION\"}]}" | key)
fi
[ -n "$KEY" ] || { say "could not create the Custom Integration"; exit 1; }
echo "GHOST_URL=$URL"
echo "GHOST_ADMIN_KEY=$KEY"
