-- Step "delivery_performance": weekly KPIs per warehouse, carrier and region, with the
-- on-time rate over the last four weeks to smooth out small weeks.
WITH weekly AS (
  SELECT
    week_start,
    warehouse_id,
    warehouse_name,
    carrier,
    region,
    count(*)                                                AS shipments,
    count(*) FILTER (WHERE status = 'delivered')            AS delivered,
    count(*) FILTER (WHERE delivered_on_time)               AS delivered_on_time,
    count(*) FILTER (WHERE delivered_on_time IS NOT NULL)   AS delivered_known,
    avg(transit_days)                                       AS avg_transit_days,
    quantile_cont(transit_days, 0.9)                        AS p90_transit_days,
    avg(handling_hours)                                     AS avg_handling_hours
  FROM shipment_facts
  GROUP BY week_start, warehouse_id, warehouse_name, carrier, region
)
SELECT
  week_start,
  warehouse_id,
  warehouse_name,
  carrier,
  region,
  CAST(shipments AS INTEGER)                                        AS shipments,
  CAST(delivered AS INTEGER)                                        AS delivered,
  round(delivered_on_time / nullif(delivered_known, 0), 4)          AS on_time_rate,
  round(
    sum(delivered_on_time) OVER w4 / nullif(sum(delivered_known) OVER w4, 0), 4
  )                                                                 AS on_time_rate_4w,
  CAST(avg_transit_days AS DECIMAL(6,2))                            AS avg_transit_days,
  CAST(p90_transit_days AS DECIMAL(6,2))                            AS p90_transit_days,
  CAST(avg_handling_hours AS DECIMAL(8,2))                          AS avg_handling_hours
FROM weekly
WINDOW w4 AS (
  PARTITION BY warehouse_id, carrier, region
  ORDER BY week_start
  RANGE BETWEEN INTERVAL 21 DAYS PRECEDING AND CURRENT ROW
)
