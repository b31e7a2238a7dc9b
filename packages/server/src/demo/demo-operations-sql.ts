/**
 * What happens after an order: invoices and payments (finance), shipments from the warehouses
 * (logistics) and support tickets. Built from `dg_orders` and `dg_customers`.
 */
import { COUNTRIES, MARKETPLACES, TICKET_SUBJECTS } from './demo-reference-data.js';
import { BBAN_TEMPLATES, BY_COUNTRY, EXPORT_S, FIRST_DAY, type DemoSizes } from './demo-setup-sql.js';
import { epochSeconds, ibanCase, lit, litList, pickByKey, weighted } from './demo-sql.js';

const DAY = 86400;

/** One invoice per order (cancelled orders: 40 % were invoiced and voided), with its payment story. */
export function financeTables(): string[] {
  const exportS = EXPORT_S;
  return [
    `CREATE OR REPLACE TEMP TABLE dg_invoices AS
     WITH i AS (
       SELECT o.seq, o.order_id, o.customer_n, o.customer_id, o.segment, o.country, o.channel, o.payment_method,
         o.status AS order_status, o.ordered_s, o.return_s, o.net_amount + o.shipping_fee AS net, o.tax_amount AS tax,
         o.gross_amount AS total, dg_date(o.ordered_s) AS issued_on,
         CASE WHEN o.payment_method = 'invoice' THEN CASE WHEN o.segment = 'enterprise' THEN 30 ELSE 14 END ELSE 0 END AS terms,
         dg_u(o.seq, 'pay-behaviour') AS u_pay
       FROM dg_orders AS o
       WHERE o.status <> 'cancelled' OR dg_u(o.seq, 'void-invoice') < 0.4
     ),
     story AS (
       SELECT *,
         issued_on + terms AS due_on,
         CASE
           WHEN order_status = 'cancelled' THEN NULL
           WHEN payment_method IS NULL THEN ordered_s + 7 * ${DAY} + dg_pick(seq, 'payout', 7 * ${DAY})
           WHEN payment_method IN ('card', 'paypal') THEN ordered_s + 20 + dg_pick(seq, 'capture', 600)
           WHEN payment_method = 'sepa_debit' THEN ordered_s + 2 * ${DAY} + dg_pick(seq, 'debit', 2 * ${DAY})
           WHEN u_pay < 0.025 THEN NULL
           WHEN u_pay < 0.165 THEN dg_day_s(issued_on + terms) + ${DAY} + dg_pick(seq, 'late-payment', 40 * ${DAY})
           ELSE dg_day_s(issued_on) + 9 * 3600 + CAST(floor(terms * ${DAY} * (0.2 + 0.75 * dg_u(seq, 'on-time-payment'))) AS BIGINT)
         END AS pay_s,
         payment_method = 'invoice' AND u_pay >= 0.025 AND u_pay < 0.065 AS partial
       FROM i
     )
     SELECT *,
       coalesce(pay_s <= ${exportS}, false) AS is_paid,
       CASE
         WHEN order_status = 'cancelled' THEN 'void'
         WHEN pay_s <= ${exportS} AND partial THEN 'partially_paid'
         WHEN pay_s <= ${exportS} THEN 'paid'
         WHEN dg_day_s(due_on) + ${DAY} <= ${exportS} AND terms > 0 THEN 'overdue'
         ELSE 'issued'
       END AS status,
       'INV-' || CAST(year(issued_on) AS VARCHAR) || '-'
         || lpad(CAST(row_number() OVER (PARTITION BY year(issued_on) ORDER BY issued_on, seq) AS VARCHAR), 7, '0') AS invoice_number
     FROM story`,
  ];
}

/** Payments, refunds, declined attempts and pending debits of the invoices. */
function paymentsQuery(): string {
  const exportS = EXPORT_S;
  return `
     WITH inv AS (
       SELECT i.seq, i.invoice_number, i.customer_n, i.payment_method, i.order_status, i.ordered_s, i.return_s,
         i.pay_s, i.is_paid, i.partial, i.total, c.full_name, c.iban AS customer_iban, c.country, c.bban_first, c.bban_count
       FROM dg_invoices AS i JOIN dg_customers AS c ON c.n = i.customer_n
       WHERE i.status <> 'void'
     ),
     rows AS (
       -- The payment itself (half of the total for partial payers).
       SELECT seq, 1 AS kind, customer_n, pay_s AS paid_s,
         CASE WHEN partial THEN CAST(round(CAST(total AS DOUBLE) / 2, 2) AS DECIMAL(12,2)) ELSE total END AS amount,
         'settled' AS status
       FROM inv WHERE is_paid
       UNION ALL
       -- Direct debits still being collected.
       SELECT seq, 1, customer_n, ordered_s + 3600, total, 'pending'
       FROM inv WHERE payment_method = 'sepa_debit' AND NOT is_paid AND ordered_s + 3600 <= ${exportS}
       UNION ALL
       -- Declined card attempts before the successful one.
       SELECT seq, 0, customer_n, ordered_s + 5 + dg_pick(seq, 'declined', 14), total, 'failed'
       FROM inv WHERE is_paid AND payment_method = 'card' AND dg_u(seq, 'declined-attempt') < 0.03
       UNION ALL
       -- Refunds of returned orders that were paid in full.
       SELECT seq, 2, customer_n, return_s + ${DAY} + dg_pick(seq, 'refund', 2 * ${DAY}), total, 'refunded'
       FROM inv WHERE is_paid AND NOT partial AND order_status = 'returned' AND return_s + 3 * ${DAY} <= ${exportS}
     ),
     joined AS (
       SELECT r.*, i.invoice_number, i.payment_method, i.full_name, i.customer_iban, i.country, i.bban_first, i.bban_count,
         CASE WHEN i.payment_method = 'invoice' AND i.customer_iban IS NULL AND i.bban_count > 0
           THEN i.bban_first + dg_pick(r.customer_n, 'payer-bban-template', i.bban_count) END AS payer_bban_id,
         CASE WHEN i.payment_method = 'invoice' AND i.customer_iban IS NULL AND i.bban_count > 0
           THEN dg_r36(dg_h(r.customer_n, 'payer-bban')) END AS payer_digits
       FROM rows AS r JOIN inv AS i ON i.seq = r.seq
       WHERE r.paid_s <= ${exportS}
     )
     SELECT j.seq, j.kind, j.invoice_number, j.paid_s, j.amount, j.status,
       CASE WHEN j.payment_method IS NULL OR j.payment_method = 'invoice' THEN 'bank_transfer' ELSE j.payment_method END AS method,
       CASE
         WHEN j.payment_method IS NULL THEN m.payer
         WHEN j.payment_method = 'card' AND dg_u(j.seq, 'card-holder') < 0.6 THEN upper(j.full_name)
         ELSE j.full_name
       END AS payer_name,
       CASE
         WHEN j.payment_method IS NULL THEN m.iban
         WHEN j.payment_method = 'sepa_debit' THEN j.customer_iban
         WHEN j.payment_method = 'invoice' THEN coalesce(j.customer_iban,
           ${ibanCase(BBAN_TEMPLATES, 'j.payer_bban_id', 'j.payer_digits', "dg_h(j.customer_n, 'payer-letters')")})
       END AS payer_iban
     FROM joined AS j
     LEFT JOIN dg_marketplaces AS m ON m.k = dg_pick(j.seq, 'marketplace', ${MARKETPLACES.length})`;
}

export function invoicesCsv(): string {
  return `
    SELECT invoice_number, i.order_id, i.customer_id, issued_on AS issue_date, due_on AS due_date,
      net, tax, total, status, c.email AS billing_email, i.country AS billing_country
    FROM dg_invoices AS i JOIN dg_customers AS c ON c.n = i.customer_n
    ORDER BY issued_on, seq`;
}

export function paymentsCsv(): string {
  return `
    WITH dg_payments AS (${paymentsQuery()})
    SELECT 'PAY-' || lpad(CAST(1000000 + seq * 3 + kind AS VARCHAR), 10, '0') AS payment_id,
      invoice_number, dg_iso(paid_s) AS paid_at, amount,
      CASE WHEN method = 'sepa_debit' AND dg_u(seq, 'method-case') < 0.2 THEN upper(method) ELSE method END AS method,
      status, payer_name,
      CASE WHEN payer_iban IS NOT NULL AND dg_u2(seq, kind, 'iban-style') < 0.25
        THEN trim(regexp_replace(payer_iban, '(.{4})', '\\1 ', 'g')) ELSE payer_iban END AS payer_iban
    FROM dg_payments
    ORDER BY paid_s, seq, kind`;
}

export function warehousesCsv(): string {
  return `
    SELECT code, name, city, country, lat, lon, capacity, CAST(opened AS DATE) AS opened
    FROM dg_warehouses ORDER BY code`;
}

/** Parcels of shipped orders; baskets of six lines or more are sometimes split in two. */
function shipmentsQuery(): string {
  const exportS = EXPORT_S;
  return `
     WITH o AS (
       SELECT o.seq, o.order_id, o.customer_n, o.country, o.carrier, o.service_level, o.promised_date, o.status,
         o.is_lost, o.ship_s, o.deliver_s, o.grams, o.n_lines >= 6 AND dg_u(o.seq, 'split') < 0.35 AS split
       FROM dg_orders AS o
       WHERE o.status IN ('shipped', 'delivered', 'returned') AND o.channel <> 'store'
     ),
     parcels AS (
       SELECT seq, order_id, customer_n, country, carrier, service_level, promised_date, status, is_lost,
         1 AS parcel, ship_s AS p_ship_s, CASE WHEN NOT is_lost THEN deliver_s END AS p_deliver_s,
         CASE WHEN split THEN 0.6 ELSE 1.0 END * grams AS p_grams
       FROM o
       UNION ALL
       SELECT seq, order_id, customer_n, country, carrier, service_level, promised_date, status, false,
         2, ship_s + ${DAY} + dg_pick(seq, 'second-parcel', ${DAY}),
         deliver_s + ${DAY} + dg_pick(seq, 'second-parcel', ${DAY}) + dg_pick(seq, 'second-transit', 6 * 3600),
         0.4 * grams
       FROM o WHERE split AND NOT is_lost
     )
     SELECT p.*, c.full_name,
       CASE WHEN c.has_shipping_address THEN c.ship_street ELSE c.bill_street END AS dest_street,
       CASE WHEN c.has_shipping_address THEN c.ship_postal ELSE c.bill_postal END AS dest_postal,
       CASE WHEN c.has_shipping_address THEN c.ship_city ELSE c.bill_city END AS dest_city,
       ${pickByKey('p.country', BY_COUNTRY.warehouses, (length) => `dg_pick(p.seq, 'warehouse', ${length})`)} AS warehouse_code,
       CASE
         WHEN p.parcel = 1 AND p.is_lost THEN 'lost'
         WHEN p.p_deliver_s > ${exportS} THEN 'in_transit'
         WHEN p.status = 'returned' THEN 'returned'
         ELSE 'delivered'
       END AS shipment_status,
       CAST(floor(p.p_grams) + 150 + dg_pick(p.seq * 10 + p.parcel, 'packaging', 450) AS BIGINT) AS weight_grams
     FROM parcels AS p JOIN dg_customers AS c ON c.n = p.customer_n
     WHERE p.p_ship_s <= ${exportS}`;
}

export function shipmentsCsv(): string {
  const tracking = `CASE carrier
      WHEN 'DHL' THEN '00340434' || dg_digits(seq * 10 + parcel, 'tracking', 12)
      WHEN 'UPS' THEN '1Z' || upper(printf('%06x', CAST(dg_h(seq * 10 + parcel, 'tracking-ups') % 16777216 AS BIGINT))) || '03' || dg_digits(seq * 10 + parcel, 'tracking', 8)
      WHEN 'FEDEX' THEN dg_digits(seq * 10 + parcel, 'tracking', 12)
      WHEN 'DPD' THEN '0' || dg_digits(seq * 10 + parcel, 'tracking', 13)
      WHEN 'GLS' THEN dg_digits(seq * 10 + parcel, 'tracking', 11)
      ELSE '3SACME' || dg_digits(seq * 10 + parcel, 'tracking', 9)
    END`;
  return `
    WITH dg_shipments AS (${shipmentsQuery()})
    SELECT 'SHP-' || lpad(CAST(100000 + seq * 2 + parcel - 1 AS VARCHAR), 9, '0') AS shipment_id,
      order_id, warehouse_code,
      CASE WHEN dg_u(seq, 'carrier-case') < 0.05 THEN lower(carrier) ELSE carrier END AS carrier,
      service_level, ${tracking} AS tracking_number,
      strftime(dg_ts(p_ship_s), '%Y-%m-%dT%H:%M:%S') AS shipped_at,
      promised_date,
      CASE WHEN shipment_status <> 'in_transit' AND shipment_status <> 'lost'
        THEN strftime(dg_ts(p_deliver_s), '%Y-%m-%dT%H:%M:%S') END AS delivered_at,
      shipment_status AS status,
      full_name AS recipient_name, dest_street, dest_postal AS dest_postal_code, dest_city, country AS dest_country,
      weight_grams
    FROM dg_shipments
    ORDER BY p_ship_s, seq, parcel`;
}

/** Support tickets: most about an order, some about accounts, a few from guests. */
function ticketsQuery(sizes: DemoSizes, orders: number, customers: number): string {
  const exportS = EXPORT_S;
  const windowS = epochSeconds(FIRST_DAY);
  const categories = Object.keys(TICKET_SUBJECTS);
  const subjects = `[${categories.map((c) => litList(TICKET_SUBJECTS[c]!)).join(', ')}]`;
  return `
     WITH dg_ticket_draw AS (
       SELECT t,
       CASE WHEN u_kind < 0.75 THEN 'order' WHEN u_kind < 0.95 THEN 'customer' ELSE 'guest' END AS kind,
       CASE WHEN u_kind < 0.75 THEN CAST(floor(${orders} * dg_u(t, 'ticket-order')) AS BIGINT) END AS order_seq,
       CASE WHEN u_kind >= 0.75 AND u_kind < 0.95 THEN CAST(floor(${customers} * dg_u(t, 'ticket-customer')) AS BIGINT) END AS customer_pick
       FROM (SELECT t, dg_u(t, 'ticket-kind') AS u_kind FROM range(${sizes.tickets}) r(t))
     ),
     about_order AS (
       SELECT d.t, d.kind, o.order_id, o.customer_n, o.ordered_s,
         ${weighted(`dg_u(d.t, 'category')`, [
           [`CASE WHEN o.ship_s <= ${exportS} THEN 'delivery' ELSE 'billing' END`, 38],
           [`CASE WHEN o.deliver_s <= ${exportS} THEN 'returns' ELSE 'delivery' END`, 22],
           [`CASE WHEN o.deliver_s <= ${exportS} THEN 'product_defect' ELSE 'billing' END`, 18],
           [`'billing'`, 22],
         ])} AS category,
         o.ship_s, o.deliver_s
       FROM dg_ticket_draw AS d JOIN dg_orders AS o ON o.seq = d.order_seq
     ),
     opened_order AS (
       SELECT t, kind, order_id, customer_n, category,
         CASE category
           WHEN 'delivery' THEN coalesce(ship_s, ordered_s) + ${DAY} + dg_pick(t, 'opened', 5 * ${DAY})
           WHEN 'returns' THEN deliver_s + ${DAY} + dg_pick(t, 'opened', 19 * ${DAY})
           WHEN 'product_defect' THEN deliver_s + ${DAY} + dg_pick(t, 'opened', 59 * ${DAY})
           ELSE ordered_s + 3600 + dg_pick(t, 'opened', 30 * ${DAY})
         END AS raw_opened_s,
         ordered_s
       FROM about_order
     ),
     all_tickets AS (
       SELECT t, kind, order_id, customer_n, category,
         CASE WHEN raw_opened_s < ${exportS - 600} THEN raw_opened_s
           ELSE ordered_s + CAST(floor((${exportS - 600} - ordered_s) * dg_u(t, 'opened-late')) AS BIGINT) END AS opened_s
       FROM opened_order
       UNION ALL
       SELECT d.t, d.kind, NULL, c.n,
         CASE WHEN dg_u(d.t, 'category') < 0.7 THEN 'account' ELSE 'other' END,
         greatest(c.signup_day_s, ${windowS}) + CAST(floor((${exportS - 600} - greatest(c.signup_day_s, ${windowS})) * dg_u(d.t, 'opened')) AS BIGINT)
       FROM dg_ticket_draw AS d JOIN dg_customers AS c ON c.n = d.customer_pick
       UNION ALL
       SELECT t, kind, NULL, NULL, CASE WHEN dg_u(t, 'category') < 0.5 THEN 'other' ELSE 'delivery' END,
         ${windowS} + CAST(floor((${exportS - 600 - windowS}) * dg_u(t, 'opened')) AS BIGINT)
       FROM dg_ticket_draw WHERE kind = 'guest'
     ),
     handled AS (
       SELECT a.*,
         ${weighted(`dg_u(a.t, 'channel')`, [
           [`'email'`, 40],
           [`'chat'`, 25],
           [`'phone'`, 20],
           [`'web_form'`, 15],
         ])} AS channel,
         ${weighted(`dg_u(a.t, 'priority')`, [
           [`'low'`, 22],
           [`'normal'`, 55],
           [`CASE WHEN a.category = 'account' THEN 'normal' ELSE 'high' END`, 17],
           [`CASE WHEN a.category IN ('delivery', 'product_defect') THEN 'urgent' ELSE 'high' END`, 6],
         ])} AS priority
       FROM all_tickets AS a
     ),
     answered AS (
       SELECT *,
         opened_s + CASE channel
           WHEN 'phone' THEN 30 + dg_pick(t, 'response', 300)
           WHEN 'chat' THEN 60 + dg_pick(t, 'response', 1800)
           ELSE 1200 + CAST(floor(108000 * pow(dg_u(t, 'response'), 2.5)) AS BIGINT)
         END AS response_s,
         CAST(1800 + floor(864000 * pow(dg_u(t, 'resolution'), 2.2)) AS BIGINT) AS resolution_after_s
       FROM handled
     ),
     resolved AS (
       SELECT *,
         CASE WHEN response_s <= ${exportS} THEN response_s END AS first_response_s,
         CASE WHEN response_s + resolution_after_s <= ${exportS} THEN response_s + resolution_after_s END AS resolved_s
       FROM answered
     )
     SELECT r.*,
       CASE
         WHEN resolved_s IS NULL AND first_response_s IS NULL THEN 'open'
         WHEN resolved_s IS NULL THEN CASE WHEN dg_u(t, 'waiting') < 0.6 THEN 'pending' ELSE 'open' END
         WHEN resolved_s > ${exportS - 7 * DAY} OR dg_u(t, 'closed') < 0.15 THEN 'resolved'
         ELSE 'closed'
       END AS status,
       -- The survey: about 35 % of tickets get an answer (the contract asks for 80 %).
       CASE WHEN resolved_s IS NOT NULL AND dg_u(t, 'survey') < 0.36 THEN
         greatest(1, ${weighted(`dg_u(t, 'score')`, [
           ['5', 42],
           ['4', 25],
           ['3', 12],
           ['2', 8],
           ['1', 13],
         ])} - CASE WHEN resolution_after_s > 3 * ${DAY} AND dg_u(t, 'slow') < 0.5 THEN 1 ELSE 0 END)
       END AS csat,
       ${subjects}[list_position(${litList(categories)}, category)] AS subject_templates
     FROM resolved AS r`;
}

export function ticketsCsv(sizes: DemoSizes, orders: number, customers: number): string {
  return `
    WITH dg_tickets AS (${ticketsQuery(sizes, orders, customers)})
    SELECT 'TCK-' || lpad(CAST(row_number() OVER (ORDER BY opened_s, t) AS VARCHAR), 7, '0') AS ticket_id,
      c.customer_id, t.order_id,
      dg_plain(opened_s) AS created_at,
      dg_plain(first_response_s) AS first_response_at,
      dg_plain(resolved_s) AS resolved_at,
      channel, category, priority, status, csat,
      replace(replace(replace(replace(
        subject_templates[1 + dg_pick(t, 'subject', len(subject_templates))],
        '{order}', coalesce(t.order_id, 'my order')),
        '{email}', coalesce(c.email, 'my new address')),
        '{phone}', coalesce(replace(c.phone_display, ' ', ''), 'my number')),
        '{name}', coalesce(c.full_name, 'a guest')) AS subject,
      coalesce(c.country, ${weighted(
        `dg_u(t, 'guest-country')`,
        COUNTRIES.map((x) => [lit(x.code), x.share]),
      )}) AS country_code
    FROM dg_tickets AS t LEFT JOIN dg_customers AS c ON c.n = t.customer_n
    ORDER BY opened_s, t`;
}
