#!/usr/bin/env bash
# Starts Kannel as the benchmark peer on 127.0.0.1: bearerbox + smsbox with a spool store and a fake
# SMSC, and /usr/lib/kannel/test/fakesmsc as the receiver (apt-get install kannel kannel-extras).
# Usage: bench/kannel/start-kannel.sh <state dir> [base port]
#   Ports: base (bearerbox admin), base+1 (smsbox link), base+13 (sendsms), base+100 (fake SMSC).
#   Writes <state dir>/pids; stop with bench/kannel/stop-kannel.sh <state dir>.
set -euo pipefail

STATE_DIR=${1:?usage: start-kannel.sh <state dir> [base port]}
BASE_PORT=${2:-14000}
ADMIN_PORT=$BASE_PORT
SMSBOX_PORT=$((BASE_PORT + 1))
SENDSMS_PORT=$((BASE_PORT + 13))
FAKE_SMSC_PORT=$((BASE_PORT + 100))
FAKESMSC=/usr/lib/kannel/test/fakesmsc

for binary in /usr/sbin/bearerbox /usr/sbin/smsbox "$FAKESMSC"; do
  [ -x "$binary" ] || { echo "missing $binary: apt-get install kannel kannel-extras" >&2; exit 1; }
done

mkdir -p "$STATE_DIR/spool"
cat > "$STATE_DIR/kannel.conf" <<CONF
group = core
admin-port = $ADMIN_PORT
admin-password = bench
smsbox-port = $SMSBOX_PORT
admin-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$STATE_DIR/bearerbox.log"
log-level = 4
store-type = spool
store-location = "$STATE_DIR/spool"

group = smsc
smsc = fake
smsc-id = fake
host = 127.0.0.1
port = $FAKE_SMSC_PORT

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $SMSBOX_PORT
sendsms-port = $SENDSMS_PORT
sendsms-interface = 127.0.0.1
log-file = "$STATE_DIR/smsbox.log"
log-level = 4

group = sendsms-user
username = bench
password = bench
max-messages = 1

group = sms-service
keyword = default
text = "ok"
catch-all = true
CONF

: > "$STATE_DIR/pids"
# Every background process gets its own stdio, so a caller reading this script's output sees it end.
/usr/sbin/bearerbox "$STATE_DIR/kannel.conf" < /dev/null > "$STATE_DIR/bearerbox.out" 2>&1 &
echo $! >> "$STATE_DIR/pids"
sleep 1
/usr/sbin/smsbox "$STATE_DIR/kannel.conf" < /dev/null > "$STATE_DIR/smsbox.out" 2>&1 &
echo $! >> "$STATE_DIR/pids"
# fakesmsc exits at once when its standard input closes: keep one open.
(sleep infinity | "$FAKESMSC" -H 127.0.0.1 -r "$FAKE_SMSC_PORT" -m 0 -v 1) < /dev/null > "$STATE_DIR/fakesmsc.out" 2>&1 &
echo $! >> "$STATE_DIR/pids"

for _ in $(seq 1 50); do
  if curl -fs "http://127.0.0.1:$SENDSMS_PORT/cgi-bin/sendsms?username=bench&password=bench&from=BENCH&to=254712345678&text=warm" > /dev/null 2>&1; then
    echo "http://127.0.0.1:$SENDSMS_PORT/cgi-bin/sendsms"
    exit 0
  fi
  sleep 0.2
done
echo "kannel did not answer on $SENDSMS_PORT; see $STATE_DIR/*.log" >&2
exit 1
