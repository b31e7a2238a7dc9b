-- pgbench custom script: the cheapest round trip through the wire protocol and the gateway.
-- pgbench -n -f bench/pgbench/trivial.sql -M simple|extended|prepared -c 10 -j 4 -T 30 -h 127.0.0.1 -p 5433 -U <principal> meshwork
SELECT 1;
