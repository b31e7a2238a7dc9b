-- Step "as_of": the reference day of this snapshot — the last day with orders in the input.
-- Using the data rather than the wall clock keeps snapshots deterministic: the same inputs
-- always give the same recency and tenure figures.
SELECT CAST(max(ordered_at) AS DATE) AS as_of_date
FROM orders
