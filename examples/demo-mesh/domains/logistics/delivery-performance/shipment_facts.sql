-- Step "shipment_facts": each shipped parcel with its week, transit days (shipping to delivery)
-- and handling hours (order to shipping).
SELECT
  s.shipment_id,
  CAST(date_trunc('week', s.shipped_at) AS DATE)                  AS week_start,
  s.warehouse_id,
  coalesce(w.warehouse_name, 'unknown')                           AS warehouse_name,
  s.carrier,
  s.region,
  s.status,
  s.delivered_on_time,
  date_diff('minute', s.shipped_at, s.delivered_at) / 1440.0      AS transit_days,
  date_diff('minute', o.ordered_at, s.shipped_at) / 60.0          AS handling_hours
FROM shipments AS s
LEFT JOIN warehouses AS w ON w.warehouse_id = s.warehouse_id
LEFT JOIN orders AS o ON o.order_id = s.order_id
