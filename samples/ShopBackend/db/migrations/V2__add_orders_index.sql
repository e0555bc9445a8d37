-- Product SKUs for the warehouse integration, and the index behind the admin order list
-- (filter by status, newest first).

ALTER TABLE products ADD COLUMN sku varchar(64);

CREATE UNIQUE INDEX ix_products_sku ON products (sku);

CREATE INDEX CONCURRENTLY ix_orders_status_created_at ON orders (status, created_at);
