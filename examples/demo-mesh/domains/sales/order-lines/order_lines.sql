-- Step "order_lines": typed order lines; line_amount = quantity * unit_price - discount_amount.
WITH typed AS (
  SELECT
    trim(order_id)                                                  AS order_id,
    CAST(line_no AS INTEGER)                                        AS line_number,
    upper(trim(sku))                                                AS product_id,
    CAST(quantity AS INTEGER)                                       AS quantity,
    CAST(unit_price AS DECIMAL(10,2))                               AS unit_price,
    coalesce(CAST(discount_amount AS DECIMAL(10,2)), 0)             AS discount_amount
  FROM raw_order_lines
  WHERE order_id IS NOT NULL
)
SELECT
  order_id,
  line_number,
  product_id,
  quantity,
  unit_price,
  CAST(discount_amount AS DECIMAL(10,2))                              AS discount_amount,
  CAST(quantity * unit_price - discount_amount AS DECIMAL(12,2))      AS line_amount
FROM typed
