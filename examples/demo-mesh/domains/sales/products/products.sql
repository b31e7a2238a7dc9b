-- Step "products": the typed catalog, one row per SKU, with the gross margin of the list price.
WITH typed AS (
  SELECT
    upper(trim(sku))                         AS product_id,
    trim(name)                               AS product_name,
    lower(trim(category))                    AS category,
    lower(trim(subcategory))                 AS subcategory,
    trim(brand)                              AS brand,
    CAST(list_price AS DECIMAL(10,2))        AS list_price,
    CAST(cost_price AS DECIMAL(10,2))        AS unit_cost,
    CAST(launched_on AS DATE)                AS launched_on,
    CAST(discontinued_on AS DATE)            AS discontinued_on
  FROM raw_products
  WHERE sku IS NOT NULL
)
SELECT
  product_id,
  product_name,
  category,
  subcategory,
  brand,
  list_price,
  unit_cost,
  CAST(round((list_price - unit_cost) / nullif(list_price, 0) * 100, 2) AS DECIMAL(5,2)) AS gross_margin_pct,
  discontinued_on IS NULL                                                                AS is_active,
  launched_on,
  discontinued_on
FROM typed
