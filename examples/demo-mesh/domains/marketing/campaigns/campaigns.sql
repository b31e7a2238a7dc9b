-- Step "campaigns": typed campaigns, one row per campaign.
SELECT
  upper(trim(campaign_id))              AS campaign_id,
  trim(name)                            AS campaign_name,
  lower(trim(channel))                  AS channel,
  lower(trim(objective))                AS objective,
  CAST(start_date AS DATE)              AS start_date,
  CAST(end_date AS DATE)                AS end_date,
  CAST(budget AS DECIMAL(12,2))         AS budget_amount,
  upper(trim(target_region))            AS target_region,
  lower(trim(target_segment))           AS target_segment,
  lower(trim(status))                   AS status
FROM raw_campaigns
WHERE campaign_id IS NOT NULL
