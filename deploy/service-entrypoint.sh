#!/bin/sh
# One container of a dealledger service. Every service runs as several replicas
# (docker-compose up -d --scale payment-service=2 ...): all instances of one service share its Kafka consumer group
# and split the partitions. ledger-projection-service needs two things per instance, which a replica cannot be given
# in the compose file, so they come from the container itself:
#   LEDGER_APPLICATION_SERVER=auto   the container's address and port, where the other instances forward the queries
#                                    for the partitions this one owns
#   LEDGER_STATE_PER_INSTANCE=true   a Kafka Streams state directory of its own under LEDGER_STATE_DIR (two instances
#                                    never share one; a restarted container finds its own again)
set -eu
host=$(cat /etc/hostname)
if [ "${LEDGER_APPLICATION_SERVER:-}" = auto ]; then
  # Docker writes the container's own address next to its hostname in /etc/hosts
  address=$(awk -v host="$host" '$2 == host { print $1; exit }' /etc/hosts)
  LEDGER_APPLICATION_SERVER="${address:-$host}:${PORT:-8086}"
  export LEDGER_APPLICATION_SERVER
fi
if [ "${LEDGER_STATE_PER_INSTANCE:-}" = true ]; then
  LEDGER_STATE_DIR="${LEDGER_STATE_DIR:-/app/state}/$host"
  export LEDGER_STATE_DIR
fi
exec java -jar /app/service.jar "$@"
