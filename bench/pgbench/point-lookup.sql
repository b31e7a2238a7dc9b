-- pgbench custom script: one row by key from a product (the wire test double's sales.orders has
-- ids 1..100000; on a real mesh use a product with such a key, or edit the query).
-- pgbench -n -f bench/pgbench/point-lookup.sql -M extended -c 10 -j 4 -T 30 -h 127.0.0.1 -p 5433 -U <principal> meshwork
\set id random(1, 100000)
SELECT id, customer_id, amount, status FROM sales.orders WHERE id = :id;
