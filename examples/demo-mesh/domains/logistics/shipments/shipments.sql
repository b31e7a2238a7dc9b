-- Step "shipments": typed shipments; a parcel is on time when delivered on or before the
-- promised day (unknown while it is still travelling).
WITH typed AS (
  SELECT
    upper(trim(shipment_id))              AS shipment_id,
    trim(order_id)                        AS order_id,
    upper(trim(warehouse_code))           AS warehouse_id,
    upper(trim(carrier))                  AS carrier,
    lower(trim(service_level))            AS service_level,
    trim(tracking_number)                 AS tracking_number,
    CAST(shipped_at AS TIMESTAMP)         AS shipped_at,
    CAST(promised_date AS DATE)           AS promised_delivery_date,
    CAST(delivered_at AS TIMESTAMP)       AS delivered_at,
    lower(trim(status))                   AS status,
    trim(recipient_name)                  AS recipient_name,
    trim(dest_street)                     AS delivery_street,
    upper(trim(dest_postal_code))         AS delivery_postal_code,
    trim(dest_city)                       AS delivery_city,
    upper(trim(dest_country))             AS delivery_country,
    CAST(weight_grams AS INTEGER)         AS weight_grams
  FROM raw_shipments
  WHERE shipment_id IS NOT NULL
)
SELECT
  shipment_id,
  order_id,
  warehouse_id,
  carrier,
  service_level,
  tracking_number,
  shipped_at,
  promised_delivery_date,
  delivered_at,
  status,
  recipient_name,
  delivery_street,
  delivery_postal_code,
  delivery_city,
  delivery_country,
  CASE
    WHEN delivery_country IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN delivery_country IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN delivery_country IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN delivery_country IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region,
  CAST(weight_grams / 1000.0 AS DECIMAL(8,3))                        AS weight_kg,
  CASE WHEN delivered_at IS NOT NULL THEN CAST(delivered_at AS DATE) <= promised_delivery_date END AS delivered_on_time
FROM typed
