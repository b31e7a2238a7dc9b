-- pgbench custom script: one order by key from the TPC-H workspace's sales.orders (the wire bench
-- loads the same rows into PostgreSQL with a primary key).
-- pgbench -n -f bench/pgbench/point-lookup.sql -M extended -c 10 -j 2 -T 30 -h 127.0.0.1 -p 5433 -U <principal> meshwork
\set k random(1, 60000)
SELECT o_orderkey, o_custkey, o_totalprice, o_orderstatus FROM sales.orders WHERE o_orderkey = :k;
