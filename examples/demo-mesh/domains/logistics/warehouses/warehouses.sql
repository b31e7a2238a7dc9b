-- Step "warehouses": typed warehouse master data with the region it serves.
WITH typed AS (
  SELECT
    upper(trim(code))               AS warehouse_id,
    trim(name)                      AS warehouse_name,
    trim(city)                      AS city,
    upper(trim(country))            AS country_code,
    CAST(lat AS DOUBLE)             AS latitude,
    CAST(lon AS DOUBLE)             AS longitude,
    CAST(capacity AS INTEGER)       AS capacity_units,
    CAST(opened AS DATE)            AS opened_on
  FROM raw_warehouses
  WHERE code IS NOT NULL
)
SELECT
  warehouse_id,
  warehouse_name,
  city,
  country_code,
  CASE
    WHEN country_code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN country_code IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN country_code IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN country_code IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region,
  latitude,
  longitude,
  capacity_units,
  opened_on
FROM typed
